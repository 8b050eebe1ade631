import { createHash, type Hash } from 'node:crypto';
import { planFor } from './plan';
import { generatedTables } from './tables';

/** A stable text form of a generated value, for hashing. */
function valueText(v: unknown): string {
  if (v === null) return '\\N';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  throw new TypeError(`Cannot hash a generated value of type ${typeof v}.`);
}

export function hashRow(hash: Hash, row: readonly unknown[]): void {
  hash.update(row.map(valueText).join('\t'));
  hash.update('\n');
}

export interface GeneratedChecksum {
  readonly sha256: string;
  readonly rows: Readonly<Record<string, number>>;
}

/** sha256 over every generated row of every table, in load order: same seed, same checksum. */
export function checksumGenerated(options: { readonly scale: number; readonly seed: number }): GeneratedChecksum {
  const plan = planFor(options.scale, options.seed);
  const hash = createHash('sha256');
  const rows: Record<string, number> = {};
  for (const table of generatedTables) {
    hash.update(`# core.${table.spec.name}\n`);
    let n = 0;
    for (const row of table.rows(plan)) {
      hashRow(hash, row);
      n++;
    }
    rows[table.spec.name] = n;
  }
  return { sha256: hash.digest('hex'), rows };
}
