import type { Dialect, Queryable } from '../../engine/types';
import type { ColumnMeta, EtlDialect } from '../dialect/types';

/** `schema.table` as its two parts; a bare name is in `dbo`. */
export function splitTable(qualified: string): [string, string] {
  const parts = qualified.split('.');
  return [parts[parts.length - 2] ?? 'dbo', parts[parts.length - 1] ?? qualified];
}

function columnMeta(row: Record<string, unknown>): ColumnMeta {
  const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  return {
    name: String(row['name']),
    dataType: String(row['data_type']),
    precision: num(row['precision']),
    scale: num(row['scale']),
    length: num(row['length']),
  };
}

/** The columns of one table, in order; none when it does not exist. */
export async function readColumns(db: Queryable, d: EtlDialect, table: string): Promise<ColumnMeta[]> {
  const r = await db.query<Record<string, unknown>>(d.columnsSql, splitTable(table));
  return r.rows.map(columnMeta);
}

/**
 * The columns of many tables, read in one catalog query. A table is found as the
 * dialect's per-table query finds it: by exact name on PostgreSQL (unquoted names were folded to
 * lower case when created), ignoring case on SQL Server (its default collations do).
 */
export class TableCatalog {
  private constructor(private readonly dialect: Dialect, private readonly tables: ReadonlyMap<string, readonly ColumnMeta[]>) {}

  /** The columns of `tables` (`schema.table`), in one query (none when `tables` is empty). */
  static async read(db: Queryable, d: EtlDialect, tables: readonly string[]): Promise<TableCatalog> {
    const parts = tables.map(splitTable);
    const schemas = [...new Set(parts.map(([schema]) => schema))];
    const names = [...new Set(parts.map(([, name]) => name))];
    if (names.length === 0) return TableCatalog.of(d.name, []);
    const r = await db.query<Record<string, unknown>>(d.catalogColumnsSql(schemas.length, names.length), [...schemas, ...names]);
    return TableCatalog.of(d.name, r.rows);
  }

  /** A catalog from the rows of `catalogColumnsSql`. */
  static of(dialect: Dialect, rows: readonly Record<string, unknown>[]): TableCatalog {
    const tables = new Map<string, ColumnMeta[]>();
    for (const row of rows) {
      const key = TableCatalog.key(dialect, String(row['table_schema']), String(row['table_name']));
      tables.set(key, [...(tables.get(key) ?? []), columnMeta(row)]);
    }
    return new TableCatalog(dialect, tables);
  }

  private static key(dialect: Dialect, schema: string, table: string): string {
    const key = `${schema}.${table}`;
    return dialect === 'sqlserver' ? key.toLowerCase() : key;
  }

  /** The table's columns in order; none when the catalog has no such table. */
  columns(qualified: string): readonly ColumnMeta[] {
    return this.tables.get(TableCatalog.key(this.dialect, ...splitTable(qualified))) ?? [];
  }
}
