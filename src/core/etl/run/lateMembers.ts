import type { QueryOptions, Queryable } from '../../engine/types';
import type { EtlDialect, MergeLookup, MergeSpec } from '../dialect/types';
import { ETL_UNRESOLVED } from '../../warehouse/controlTables';

/**
 * Late-arriving members. A batch whose lookup finds no member for a natural key it does have
 * (a sale whose customer is not in dim_cliente yet) writes the unknown member -1, as the
 * contract says (`fallback_sk_menos_1`), and notes the row in `ctl.etl_unresolved` (entity,
 * target column, the row's natural key, the member's natural key), in the same transaction.
 * Every later run of the entity re-resolves the noted rows whose member has arrived, in the
 * target alone (no source read), and forgets them; a row merged again replaces its notes. A
 * NULL natural key is not noted: -1 is its true answer. Type 1 targets with an integer natural
 * key only (an SCD type 2 target cannot be looked up yet).
 */
export const UNRESOLVED = `${ETL_UNRESOLVED.schema}.${ETL_UNRESOLVED.name}`;

const literal = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** The lookups whose -1 rows are noted and re-resolved; none for a type 2 target. */
export function lateMemberLookups(m: MergeSpec): readonly MergeLookup[] {
  return m.history === undefined ? (m.lookups ?? []) : [];
}

/**
 * After the batch's merge (and self-lookups), over its stage: the notes of every row the merge
 * wrote (the staged rows its filter takes) go, then each of them the target now holds on -1 with
 * a natural key is noted again. Read from the target, not from the dimension: each statement of
 * a READ COMMITTED transaction sees the dimension anew, and a member another run committed after
 * the merge would leave the row on -1 with no note, never resolved. A staged row the filter
 * leaves out (the pushdown's rejects and soft deletes) keeps its notes: a reject leaves the
 * target's last version as it was, on -1 if it was, and a deleted row's notes go with the next
 * re-resolve. Portable SQL.
 */
export function noteUnresolvedSql(d: EtlDialect, m: MergeSpec, entity: string): string[] {
  const lookups = lateMemberLookups(m);
  if (lookups.length === 0) return [];
  const stage = d.stageTable(m.stage);
  const nk = d.ident(m.naturalKey);
  const e = literal(entity);
  const written = m.filter === undefined ? '' : ` AND ${m.filter}`;
  return [
    `DELETE FROM ${d.table(UNRESOLVED)} WHERE entity_name = ${e}
      AND row_key IN (SELECT CAST(s.${nk} AS bigint) FROM ${stage} s${m.filter === undefined ? '' : ` WHERE ${m.filter}`})`,
    ...lookups.map((l) => `INSERT INTO ${d.table(UNRESOLVED)} (entity_name, target_column, row_key, member_key)
      SELECT ${e}, ${literal(l.target)}, CAST(s.${nk} AS bigint), CAST(s.${d.ident(l.stageColumn)} AS varchar(40))
      FROM ${stage} s JOIN ${d.table(m.target)} t ON t.${nk} = s.${nk}
      WHERE s.${d.ident(l.stageColumn)} IS NOT NULL AND t.${d.ident(l.target)} = -1${written}`),
  ];
}

/** Runs `noteUnresolvedSql` in the batch transaction. */
export async function noteUnresolved(tx: Queryable, statements: readonly string[], opts: QueryOptions): Promise<void> {
  for (const sql of statements) await tx.query(sql, [], opts);
}

/**
 * Re-resolves the entity's noted rows whose member has arrived, one statement per lookup, and
 * forgets the notes of rows no longer on -1 (resolved, merged again, or gone). Resolves with the
 * rows set. Runs in one target transaction, under the entity's lock. The notes forgotten are read
 * from the target, not from the dimension: a member committed by another run between the two
 * statements would otherwise lose the note of a row the first statement did not set.
 */
export async function resolveLateMembers(tx: Queryable, d: EtlDialect, m: MergeSpec, entity: string, opts: QueryOptions): Promise<number> {
  const e = literal(entity);
  const any = await tx.query(`SELECT COUNT(*) AS n FROM ${d.table(UNRESOLVED)} WHERE entity_name = ${e}`, [], opts);
  if (Number(any.rows[0]?.['n'] ?? 0) === 0) return 0;
  let resolved = 0;
  for (const l of lateMemberLookups(m)) {
    const r = await tx.query<Record<string, unknown>>(d.resolveLateMembersSql(m.target, m.naturalKey, l, e), [], opts);
    resolved += Number(r.rows[0]?.['n'] ?? 0);
    await tx.query(
      `DELETE FROM ${d.table(UNRESOLVED)} WHERE entity_name = ${e} AND target_column = ${literal(l.target)}
        AND NOT EXISTS (SELECT 1 FROM ${d.table(m.target)} t WHERE t.${d.ident(m.naturalKey)} = ${ETL_UNRESOLVED.name}.row_key AND t.${d.ident(l.target)} = -1)`,
      [], opts,
    );
  }
  return resolved;
}

/**
 * `noteUnresolvedSql` as data-modifying CTE bodies over `from` (the direct pushdown's page, one
 * statement): per lookup, the notes of merged rows now resolved (or without a key) go, and the
 * rows left on -1 are noted (replacing their note). Disjoint rows, so the order of the CTEs does
 * not matter. PostgreSQL only (the dialect with data-modifying CTEs).
 */
export function noteUnresolvedCtes(d: EtlDialect, m: MergeSpec, entity: string, from: string): string[] {
  const nk = d.ident(m.naturalKey);
  const e = literal(entity);
  const accepted = m.filter === undefined ? '' : ` AND ${m.filter}`;
  return lateMemberLookups(m).flatMap((l) => {
    const lk = `v.${d.ident(l.stageColumn)}`;
    const joined = `FROM ${from} v LEFT JOIN ${d.table(l.table)} g ON g.${d.ident(l.naturalKey)} = ${lk}`;
    return [
      `DELETE FROM ${d.table(UNRESOLVED)} WHERE entity_name = ${e} AND target_column = ${literal(l.target)}
        AND row_key IN (SELECT CAST(v.${nk} AS bigint) ${joined} WHERE (${lk} IS NULL OR g.${d.ident(l.naturalKey)} IS NOT NULL)${accepted})`,
      `INSERT INTO ${d.table(UNRESOLVED)} (entity_name, target_column, row_key, member_key)
        SELECT ${e}, ${literal(l.target)}, CAST(v.${nk} AS bigint), CAST(${lk} AS varchar(40)) ${joined}
        WHERE ${lk} IS NOT NULL AND g.${d.ident(l.naturalKey)} IS NULL${accepted}
        ON CONFLICT (entity_name, row_key, target_column) DO UPDATE SET member_key = EXCLUDED.member_key`,
    ];
  });
}
