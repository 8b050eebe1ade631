import type { EtlDialect } from '../dialect/types';
import type { CompiledEntity } from '../transform/compile';

/** Bookkeeping columns of the pushdown stage, typed alike in both dialects. */
export const PUSHDOWN_EXTRA = [
  { name: '__id', type: 'bigint' },
  { name: '__wm_ts', type: 'varchar(32)' },
  { name: '__deleted', type: 'int' },
  { name: '__reject_column', type: 'varchar(128)' },
  { name: '__reject_rule', type: 'varchar(100)' },
  { name: '__reject_reason', type: 'varchar(1000)' },
] as const;

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/**
 * The pushdown form of one page: the extract page with every rule in its SQL form, ready for
 * `INSERT INTO stage (...)`. Rejected rows carry the first column whose rule refused them (the
 * same order the in-process transform checks), so the two plans reject the same rows.
 */
export function pushdownInsertSql(entity: CompiledEntity, d: EtlDialect, stage: string, extractSql: string): string {
  const def = entity.definition;
  const deleted = def.source.deletedAt === undefined ? '0' : `CASE WHEN s.${d.ident(def.source.deletedAt)} IS NOT NULL THEN 1 ELSE 0 END`;
  const checks: { column: string; rule: string; reason: string; when: string }[] = [];
  const values = entity.columns.map((c) => {
    const sql = c.rule.sql[d.name](`s.${d.ident(c.source)}`);
    if (sql.rejects !== undefined) {
      checks.push({
        column: c.target,
        rule: c.rule.name,
        reason: `CONCAT(${quote(`source value '`)}, CAST(s.${d.ident(c.source)} AS varchar(200)), ${quote(`' breaks rule ${c.rule.name}`)})`,
        when: sql.rejects,
      });
    }
    if (c.required) {
      checks.push({ column: c.target, rule: c.rule.name, reason: quote(`required column ${c.target} is empty`), when: `(${sql.value}) IS NULL` });
    }
    if (c.target === def.target.activeColumn) return `CASE WHEN ${deleted} = 1 THEN ${d.falseLiteral} ELSE ${sql.value} END`;
    return sql.value;
  });
  if (entity.targetColumns.length > entity.columns.length) {
    values.push(`CASE WHEN ${deleted} = 1 THEN ${d.falseLiteral} ELSE ${d.trueLiteral} END`);
  }
  /** `pick` gives SQL: a quoted literal or an expression. */
  const firstFailing = (pick: (c: (typeof checks)[number]) => string): string =>
    checks.length === 0 ? 'NULL' : `CASE ${checks.map((c) => `WHEN ${c.when} THEN ${pick(c)}`).join(' ')} END`;
  const columns = [
    ...entity.targetColumns.map((c) => c.name),
    ...PUSHDOWN_EXTRA.map((x) => x.name),
    ...entity.lookups.map((l) => l.stageColumn),
  ];
  return `INSERT INTO ${d.stageTable(stage)} (${columns.map(d.ident).join(', ')})
    SELECT ${[
      ...values,
      `s.${d.ident(def.source.key)}`,
      's.__wm_ts',
      deleted,
      firstFailing((c) => quote(c.column)),
      firstFailing((c) => quote(c.rule)),
      firstFailing((c) => c.reason),
      ...entity.lookups.map((l) => `CAST(s.${d.ident(l.source)} AS ${l.stageType})`),
    ].join(',\n      ')}
    FROM (${extractSql}) s`;
}

/** Counts of the staged page and its last (updated_at, id): the watermark it commits. */
export function pushdownStatsSql(d: EtlDialect, stage: string): string {
  const st = d.stageTable(stage);
  return `SELECT COUNT(*) AS extracted,
      SUM(CASE WHEN __reject_column IS NULL AND __deleted = 1 THEN 1 ELSE 0 END) AS soft_deleted,
      SUM(CASE WHEN __reject_column IS NULL THEN 0 ELSE 1 END) AS rejected,
      MAX(__wm_ts) AS wm_ts,
      MAX(CASE WHEN __wm_ts = (SELECT MAX(__wm_ts) FROM ${st}) THEN __id END) AS wm_id
    FROM ${st}`;
}

export function pushdownRejectsSql(d: EtlDialect, stage: string): string {
  const p = d.param;
  return `INSERT INTO audit.etl_reject (run_id, entity_name, source_key, column_name, rule_name, reason)
    SELECT ${p(1)}, ${p(2)}, CAST(__id AS varchar(100)), __reject_column, __reject_rule, __reject_reason
    FROM ${d.stageTable(stage)} WHERE __reject_column IS NOT NULL`;
}
