// vscode-free: compose writes terminal control sequences (e.g. ESC[2K, "erase line") even with
// --no-color; an output channel shows them as garbage.

const ESC = String.fromCharCode(27);
const BEL = String.fromCharCode(7);
/** CSI sequences (ESC [ ... final byte), OSC sequences (ESC ] ... BEL or ESC \), and two-byte escapes. */
const CONTROL = new RegExp(`${ESC}\\[[0-?]*[ -/]*[@-~]|${ESC}\\][^${BEL}${ESC}]*(?:${BEL}|${ESC}\\\\)|${ESC}[@-Z\\\\-_]`, 'g');

export function plainText(line: string): string {
  return line.replace(CONTROL, '').replace(/\r$/, '');
}
