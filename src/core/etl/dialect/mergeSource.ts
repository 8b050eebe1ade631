import type { MergeSpec } from './types';

/** The SCD2 columns of a spec; the runner asks for SCD2 SQL only when it set them. */
export function scd2Of(m: MergeSpec): NonNullable<MergeSpec['history']> {
  if (m.history === undefined) throw new Error(`${m.target} is not an SCD type 2 target`);
  return m.history;
}

export interface MergeSource {
  /** Target columns the merge writes: the staged ones, then the looked-up surrogate keys. */
  readonly columns: readonly string[];
  /** The SELECT the merge reads, one row per staged row. */
  readonly select: string;
}

/**
 * The merge's source rows: the stage (filtered), each lookup a LEFT JOIN of its dimension on the
 * natural key with COALESCE(surrogate, -1), so a missing or NULL key lands on the unknown member.
 * Set-based: one statement per batch whatever the number of rows and lookups.
 */
export function mergeSource(
  m: MergeSpec,
  ident: (name: string) => string,
  table: (qualified: string) => string,
  stage: string,
): MergeSource {
  const lookups = m.lookups ?? [];
  const values = [
    ...m.columns.map((c) => `s.${ident(c)}`),
    ...lookups.map((l, i) => `COALESCE(lk${i}.${ident(l.surrogateKey)}, -1) AS ${ident(l.target)}`),
  ];
  const joins = lookups.map(
    (l, i) => `LEFT JOIN ${table(l.table)} lk${i} ON lk${i}.${ident(l.naturalKey)} = s.${ident(l.stageColumn)}`,
  );
  return {
    columns: [...m.columns, ...lookups.map((l) => l.target)],
    select: `SELECT ${values.join(', ')} FROM ${stage} s${joins.map((j) => `\n        ${j}`).join('')}${m.filter === undefined ? '' : `\n        WHERE ${m.filter}`}`,
  };
}
