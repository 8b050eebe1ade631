import { ScriptError, type ScriptPosition } from './errors';
import type { SourceLocation } from './types';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true });

/** How many leading bytes are checked for NUL, the mark of a binary file. */
const BINARY_PROBE_BYTES = 8000;

/**
 * Decodes a script file: UTF-8 (with or without BOM) or UTF-16 with a BOM (what SSMS writes
 * when it saves "Unicode"). Anything else, or a binary file, is a ScriptError naming the file,
 * so nothing of the script runs.
 */
export function decodeScript(bytes: Uint8Array, file: string, chain: readonly SourceLocation[]): string {
  const at: ScriptPosition = { file, line: 1, includeChain: chain };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith(utf16le, bytes.subarray(2), at);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith(utf16be, bytes.subarray(2), at);
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const probe = body.subarray(0, BINARY_PROBE_BYTES);
  if (probe.indexOf(0) >= 0) {
    throw new ScriptError('encoding', at, 'this is a binary file, not a SQL script. Check the path.');
  }
  return decodeWith(utf8, body, at);
}

function decodeWith(decoder: TextDecoder, bytes: Uint8Array, at: ScriptPosition): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new ScriptError(
      'encoding',
      { ...at, line: lineOfFirstInvalidUtf8(bytes) },
      `the file is not valid ${decoder.encoding.toUpperCase()} text. Save it as UTF-8 (or UTF-16 with a byte order mark).`,
    );
  }
}

/** For the message only: the line of the first byte sequence that is not UTF-8. */
function lineOfFirstInvalidUtf8(bytes: Uint8Array): number {
  let line = 1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b === 0x0a) line++;
    if (b < 0x80) continue;
    const need = b >= 0xf0 && b < 0xf5 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b < 0xe0 ? 1 : -1;
    if (need < 0 || b >= 0xf5) return line;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return line;
    }
    i += need;
  }
  return line;
}
