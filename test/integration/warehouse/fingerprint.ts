import { warehouseContract } from '../../../src/core/warehouse/contract';
import { qualifiedName } from '../../../src/core/warehouse/names';

/**
 * One query that returns, per contract table, its row count and an md5 over its rows in key
 * order: equal fingerprints before and after a rerun mean the rerun changed no data.
 */
export function fingerprintSql(): string {
  return warehouseContract
    .map((t) => {
      const name = qualifiedName(t, 'postgres');
      return `SELECT '${name}' AS table_name, count(*)::text AS row_count, coalesce(md5(string_agg(x::text, '|' ORDER BY x.${t.primaryKey})), '-') AS checksum FROM ${name} x`;
    })
    .join('\nUNION ALL\n')
    .concat('\nORDER BY 1');
}
