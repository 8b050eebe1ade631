import type { Dialect } from '../engine/types';
import { qualifiedName } from '../warehouse/names';
import type { TableSpec } from '../warehouse/spec';
import { toColumns, type GeneratedRow } from './row';
import { multiRowInsert } from './sqlLiteral';

/**
 * Statements that insert rows with their generated ids into an identity table and leave the
 * identity past them: SET IDENTITY_INSERT around the INSERT on SQL Server (which then moves the
 * identity itself), setval on PostgreSQL. One statement (batch) per `rowsPerStatement` rows;
 * SQL Server accepts at most 1000 rows in one VALUES list.
 */
export function identityInserts(spec: TableSpec, rows: readonly GeneratedRow[], dialect: Dialect, rowsPerStatement = 500): string[] {
  if (rows.length === 0) return [];
  const name = qualifiedName(spec, dialect);
  const columns = spec.columns.map((c) => ({ name: c.name, isDate: c.type.kind === 'date' }));
  const names = spec.columns.map((c) => c.name);
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += rowsPerStatement) {
    const chunk = rows.slice(i, i + rowsPerStatement).map((r) => toColumns(r, names));
    const insert = multiRowInsert(name, columns, chunk, dialect);
    out.push(dialect === 'sqlserver' ? `SET IDENTITY_INSERT ${name} ON;\n${insert}\nSET IDENTITY_INSERT ${name} OFF;` : insert);
  }
  if (dialect === 'postgres') out.push(identityResync(spec));
  return out;
}

/** PostgreSQL: moves a BY DEFAULT identity past the largest id in the table. */
export function identityResync(spec: TableSpec): string {
  const name = qualifiedName(spec, 'postgres');
  const id = spec.primaryKey;
  return `SELECT setval(pg_get_serial_sequence('${name}', '${id}'), (SELECT coalesce(max(${id}), 0) + 1 FROM ${name}), false);`;
}
