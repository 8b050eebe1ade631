import type * as mssql from 'mssql';
import type { SqlType } from './types';

type MssqlModule = typeof mssql;

/**
 * The mssql type a SqlType declares: DECIMAL(15,2) binds as sql.Decimal(15, 2), a timestamp as
 * DATETIME2(p), text as NVARCHAR (Unicode: São Paulo must survive).
 */
export function mssqlType(sql: MssqlModule, type: SqlType): mssql.ISqlType {
  switch (type.kind) {
    case 'int': return sql.Int();
    case 'bigint': return sql.BigInt();
    case 'smallint': return sql.SmallInt();
    case 'decimal': return sql.Decimal(type.precision, type.scale);
    case 'float': return sql.Float();
    case 'bool': return sql.Bit();
    case 'text': return sql.NVarChar(type.length ?? sql.MAX);
    case 'date': return sql.Date();
    case 'timestamp': return sql.DateTime2(type.precision ?? 7);
    case 'bytes': return sql.VarBinary(sql.MAX);
  }
}

/**
 * The type a bulk-load column is declared with. DECIMAL is declared DECIMAL(38, scale) whatever
 * the column's precision: tedious sends a precision-dependent value length, which Babelfish for
 * PostgreSQL 4.2 misreads in a TDS bulk load, silently corrupting the values (1.25 stored as
 * 1.78e29, then unreadable). With precision 38 both servers read the values exactly, and the
 * server still checks each against the column's own precision.
 */
export function mssqlBulkType(sql: MssqlModule, type: SqlType): mssql.ISqlType {
  return type.kind === 'decimal' ? sql.Decimal(38, type.scale) : mssqlType(sql, type);
}

const TIMESTAMP_TEXT = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?Z?$/;

/**
 * A typed parameter's value. A timestamp given as text ("2024-02-29 23:59:58.123456", UTC)
 * becomes a Date plus tedious's `nanosecondDelta` (the seconds below the millisecond): a plain
 * Date would drop the microseconds DATETIME2(6) keeps.
 */
export function mssqlTypedValue(type: SqlType, value: unknown): unknown {
  if (type.kind !== 'timestamp' || typeof value !== 'string') return mssqlValue(value);
  const m = TIMESTAMP_TEXT.exec(value.trim());
  if (m === null) return value;
  const fraction = (m[7] ?? '').padEnd(7, '0');
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), Number(fraction.slice(0, 3))));
  return Object.assign(date, { nanosecondDelta: Number(`0.000${fraction.slice(3)}`) });
}

/** A value as tedious accepts it for its type (bytes as Buffer, a bigint as its decimal text). */
export function mssqlValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** Column metadata as far as the conversion needs it. */
export interface MssqlColumnMeta {
  readonly name: string;
  readonly type: unknown;
  readonly scale?: number | undefined;
}

function typeName(type: unknown): string {
  const declared = (typeof type === 'function' ? (type as { declaration?: string }).declaration : undefined)
    ?? (type as { declaration?: string; name?: string } | undefined)?.declaration
    ?? (type as { name?: string } | undefined)?.name;
  return (declared ?? 'unknown').toLowerCase();
}

export function mssqlColumnTypeName(column: MssqlColumnMeta): string {
  return typeName(column.type);
}

/**
 * Row values in the same shapes as PostgreSQL's: DECIMAL/NUMERIC/MONEY as exact strings with
 * their scale (tedious parses them into a JS number; up to 15 significant digits, DECIMAL(15,2)
 * included, toFixed(scale) recovers the exact value), BIGINT as a string (tedious already does).
 */
export function normaliseRow(row: Record<string, unknown>, columns: readonly MssqlColumnMeta[]): Record<string, unknown> {
  for (const column of columns) {
    const value = row[column.name];
    const name = typeName(column.type);
    if (typeof value === 'number' && (name === 'decimal' || name === 'numeric' || name === 'money' || name === 'smallmoney')) {
      row[column.name] = value.toFixed(column.scale ?? (name.endsWith('money') ? 4 : 0));
    }
  }
  return row;
}
