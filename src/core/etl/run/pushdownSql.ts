import type { EtlDialect, MergeSpec } from '../dialect/types';
import type { CompiledEntity } from '../transform/compile';
import { noteUnresolvedCtes } from './lateMembers';

/** Bookkeeping columns of the pushdown stage, typed alike in both dialects. */
export const PUSHDOWN_EXTRA = [
  { name: '__id', type: 'bigint' },
  { name: '__wm_ts', type: 'varchar(32)' },
  { name: '__deleted', type: 'int' },
  { name: '__reject_column', type: 'varchar(128)' },
  { name: '__reject_rule', type: 'varchar(100)' },
  { name: '__reject_reason', type: 'varchar(1000)' },
] as const;

/** The stage rows the merge takes; the others are rejects. */
export const PUSHDOWN_ACCEPTED = '__reject_column IS NULL';

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** Stage column order of the pushdown: target columns, bookkeeping, lookup natural keys. */
export function pushdownColumns(entity: CompiledEntity): string[] {
  return [...entity.targetColumns.map((c) => c.name), ...PUSHDOWN_EXTRA.map((x) => x.name), ...entity.lookups.map((l) => l.stageColumn)];
}

/**
 * The pushdown form of one page: a SELECT giving `pushdownColumns` per source row. Two layers,
 * so each rule runs once per row: the inner one evaluates every rule's value and reject
 * condition (`__v<i>`, `__r<j>`), fenced so the planner cannot inline them back; the outer one
 * picks the target values and the first failing check (the order the in-process transform
 * checks, so both plans reject the same rows) from those.
 */
export function pushdownSelectSql(entity: CompiledEntity, d: EtlDialect, extractSql: string): string {
  const def = entity.definition;
  const deleted = def.source.deletedAt === undefined ? '0' : `CASE WHEN s.${d.ident(def.source.deletedAt)} IS NOT NULL THEN 1 ELSE 0 END`;
  const inner: string[] = ['s.*', `${deleted} AS __deleted`];
  const checks: { column: string; rule: string; reason: string; when: string }[] = [];
  const values = entity.columns.map((c, i) => {
    const sql = c.rule.sql[d.name](`s.${d.ident(c.source)}`);
    inner.push(`${sql.value} AS __v${i}`);
    if (sql.rejects !== undefined) {
      const r = `__r${inner.length}`;
      inner.push(`CASE WHEN ${sql.rejects} THEN 1 ELSE 0 END AS ${r}`);
      checks.push({
        column: c.target,
        rule: c.rule.name,
        reason: `CONCAT(${quote(`source value '`)}, CAST(c.${d.ident(c.source)} AS varchar(200)), ${quote(`' breaks rule ${c.rule.name}`)})`,
        when: `c.${r} = 1`,
      });
    }
    if (c.required) checks.push({ column: c.target, rule: c.rule.name, reason: quote(`required column ${c.target} is empty`), when: `c.__v${i} IS NULL` });
    return c.target === def.target.activeColumn ? `CASE WHEN c.__deleted = 1 THEN ${d.falseLiteral} ELSE c.__v${i} END` : `c.__v${i}`;
  });
  if (entity.targetColumns.length > entity.columns.length) {
    values.push(`CASE WHEN c.__deleted = 1 THEN ${d.falseLiteral} ELSE ${d.trueLiteral} END`);
  }
  /** `pick` gives SQL: a quoted literal or an expression. */
  const firstFailing = (pick: (c: (typeof checks)[number]) => string): string =>
    checks.length === 0 ? 'NULL' : `CASE ${checks.map((c) => `WHEN ${c.when} THEN ${pick(c)}`).join(' ')} END`;
  const outer = [
    ...values,
    `c.${d.ident(def.source.key)}`,
    'c.__wm_ts',
    'c.__deleted',
    firstFailing((c) => quote(c.column)),
    firstFailing((c) => quote(c.rule)),
    firstFailing((c) => c.reason),
    ...entity.lookups.map((l) => `CAST(c.${d.ident(l.source)} AS ${l.stageType})`),
  ];
  const names = pushdownColumns(entity);
  return `SELECT ${outer.map((x, i) => `${x} AS ${d.ident(names[i] as string)}`).join(',\n      ')}
    FROM (SELECT ${inner.join(',\n        ')}
      FROM (${extractSql}) s${d.fence}) c`;
}

/** The page into the stage (the plan for SCD2, self-lookups, and dialects without `upsertCte`). */
export function pushdownInsertSql(entity: CompiledEntity, d: EtlDialect, stage: string, extractSql: string): string {
  return `INSERT INTO ${d.stageTable(stage)} (${pushdownColumns(entity).map(d.ident).join(', ')})
    ${pushdownSelectSql(entity, d, extractSql)}`;
}

/** Counts of the page in `from` and its last (updated_at, id): the watermark it commits. */
export function pushdownStatsSql(from: string): string {
  return `SELECT COUNT(*) AS extracted,
      SUM(CASE WHEN ${PUSHDOWN_ACCEPTED} AND __deleted = 1 THEN 1 ELSE 0 END) AS soft_deleted,
      SUM(CASE WHEN ${PUSHDOWN_ACCEPTED} THEN 0 ELSE 1 END) AS rejected,
      MAX(__wm_ts) AS wm_ts,
      MAX(CASE WHEN __wm_ts = (SELECT MAX(__wm_ts) FROM ${from}) THEN __id END) AS wm_id
    FROM ${from}`;
}

/** Rejected rows of `from` into audit.etl_reject; params `first` and the next: run id, entity. */
export function pushdownRejectsSql(d: EtlDialect, from: string, first = 1): string {
  return `INSERT INTO audit.etl_reject (run_id, entity_name, source_key, column_name, rule_name, reason)
    SELECT ${d.param(first)}, ${d.param(first + 1)}, CAST(__id AS varchar(100)), __reject_column, __reject_rule, __reject_reason
    FROM ${from} WHERE NOT (${PUSHDOWN_ACCEPTED})`;
}

/**
 * The whole page in ONE statement, no stage: the page computed once (a materialized CTE), the
 * accepted rows upserted, the rejects written to audit.etl_reject, and one row back with the
 * stats columns of `pushdownStatsSql` plus `upserted`. Undefined when the dialect has no
 * data-modifying CTE (`upsertCte`) or the merge needs the stage (SCD2: two statements over it;
 * self-lookups: a second pass after the upsert). Params: the extract's four, run id, entity.
 */
export function pushdownDirectSql(entity: CompiledEntity, d: EtlDialect, merge: MergeSpec, extractSql: string): string | undefined {
  if (d.upsertCte === undefined || merge.history !== undefined || d.selfLookupSql(merge) !== undefined) return undefined;
  const notes = noteUnresolvedCtes(d, { ...merge, filter: PUSHDOWN_ACCEPTED }, entity.definition.entity, 'v');
  return `WITH v AS MATERIALIZED (${pushdownSelectSql(entity, d, extractSql)}),
    m AS (${d.upsertCte({ ...merge, filter: PUSHDOWN_ACCEPTED }, 'v')}),${notes.map((n, i) => `
    n${i} AS (${n}),`).join('')}
    r AS (${pushdownRejectsSql(d, 'v', 5)} RETURNING 1),
    stats AS (${pushdownStatsSql('v')})
    SELECT stats.*, (SELECT CAST(count(*) AS int) FROM m) AS upserted, (SELECT CAST(count(*) AS int) FROM r) AS rejects_written FROM stats`;
}
