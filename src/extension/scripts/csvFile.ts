import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { ResultSetView } from '../../protocol/results';
import { csvChunks } from './csv';

/** Writes a result set as CSV (UTF-8 with a BOM, so Excel reads accents), chunk by chunk. */
export async function writeCsvFile(file: string, set: Pick<ResultSetView, 'columns' | 'rows'>): Promise<void> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  const failed = once(out, 'error').then(([e]) => Promise.reject(e as Error));
  const write = async (chunk: string): Promise<void> => {
    if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
  };
  try {
    await write('\uFEFF');
    for (const chunk of csvChunks(set)) await write(chunk);
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
  } finally {
    out.destroy();
    failed.catch(() => undefined);
  }
}
