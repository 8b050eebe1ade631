// COPY text encoding benchmark, no database: the generated OLTP rows (scale 2 by default,
// override with --scale N) are materialised once, then encoded into COPY text chunks by the
// previous encoder (kept below as the baseline) and by the current one, alternating for --rounds
// rounds in this one process. The outputs must be identical byte for byte. Prints a table, then
// one JSON line: {"rows":…, "mb":…, "old_ms":…, "new_ms":…, "speedup":…, "load":…}.
import os from 'node:os';
import { copyTextChunks } from '../src/core/engine/copyText';
import { pgText } from '../src/core/engine/pgTypes';
import type { BulkColumn, BulkRows } from '../src/core/engine/types';
import { planFor } from '../src/core/generate/plan';
import { generatedTables } from '../src/core/generate/tables';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  const v = i > 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const scale = arg('--scale', 2);
const rounds = arg('--rounds', 5);
const chunkRows = 500; // the PostgreSQL adapter's COPY chunk

// ---- the encoder as it was before the per-column encoders (baseline only) ----
function oldEscape(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}
function oldField(value: unknown, column: BulkColumn | undefined): string {
  const text = pgText(value, column?.type);
  if (text === null) return '\\N';
  if (text instanceof Uint8Array) return `\\\\x${Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('hex')}`;
  return oldEscape(text);
}
function oldCopyTextRow(columns: readonly BulkColumn[], row: readonly unknown[]): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    if (i > 0) line += '\t';
    line += oldField(row[i], columns[i]);
  }
  return `${line}\n`;
}
async function* oldCopyTextChunks(
  columns: readonly BulkColumn[], rows: BulkRows, maxRows: number,
): AsyncGenerator<{ readonly text: string; readonly rows: number }> {
  let text = '';
  let count = 0;
  for await (const row of rows) {
    text += oldCopyTextRow(columns, row);
    if (++count >= maxRows) {
      yield { text, rows: count };
      text = '';
      count = 0;
    }
  }
  if (count > 0) yield { text, rows: count };
}

type Chunks = typeof copyTextChunks;

interface Table { readonly columns: BulkColumn[]; readonly rows: unknown[][] }

async function encodeAll(tables: readonly Table[], chunks: Chunks, keep?: string[]): Promise<{ ms: number; bytes: number }> {
  const start = process.hrtime.bigint();
  let bytes = 0;
  for (const t of tables) {
    for await (const c of chunks(t.columns, t.rows, chunkRows)) {
      // Flatten like a socket write would (Buffer.byteLength walks the string).
      bytes += Buffer.byteLength(c.text);
      keep?.push(c.text);
    }
  }
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, bytes };
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  const plan = planFor(scale, 42);
  const tables: Table[] = generatedTables.map((t) => ({
    columns: t.spec.columns.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable })),
    rows: [...t.rows(plan)],
  }));
  const rows = tables.reduce((n, t) => n + t.rows.length, 0);

  // Same bytes first (one pass each, chunk by chunk).
  const a: string[] = [];
  const b: string[] = [];
  await encodeAll(tables, oldCopyTextChunks as Chunks, a);
  await encodeAll(tables, copyTextChunks, b);
  if (a.length !== b.length || a.some((t, i) => t !== b[i])) throw new Error('the new encoder changed the COPY text');
  a.length = 0;
  b.length = 0;

  const oldMs: number[] = [];
  const newMs: number[] = [];
  let bytes = 0;
  for (let r = 0; r < rounds; r++) {
    oldMs.push((await encodeAll(tables, oldCopyTextChunks as Chunks)).ms);
    const n = await encodeAll(tables, copyTextChunks);
    newMs.push(n.ms);
    bytes = n.bytes;
  }
  const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const oldMedian = median(oldMs);
  const newMedian = median(newMs);
  const loadAfter = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`scale ${scale}: ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB of COPY text, ${rounds} rounds, chunks of ${chunkRows} rows`);
  console.log(`  old encoder  median ${oldMedian.toFixed(0)} ms  (${oldMs.map((m) => m.toFixed(0)).join(', ')})`);
  console.log(`  new encoder  median ${newMedian.toFixed(0)} ms  (${newMs.map((m) => m.toFixed(0)).join(', ')})`);
  console.log(`  speedup ${(oldMedian / newMedian).toFixed(2)}x; load ${loadBefore} -> ${loadAfter}`);
  console.log(JSON.stringify({
    rows, mb: Number((bytes / 1e6).toFixed(1)), old_ms: Math.round(oldMedian), new_ms: Math.round(newMedian),
    speedup: Number((oldMedian / newMedian).toFixed(2)), load: loadAfter,
  }));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
