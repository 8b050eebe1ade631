import type { SqlParam, SqlType, SqlValue } from './types';

/**
 * How values cross the PostgreSQL-family boundary (pg and PGlite alike). Everything is sent as
 * text the server parses, because both drivers infer types from JS values poorly: a Date would
 * be written in the process's local time zone and a number would lose DECIMAL digits.
 */

/** The PostgreSQL type a SqlType declares, for casts (`$1::numeric(15,2)`) and DDL. */
export function pgTypeName(type: SqlType): string {
  switch (type.kind) {
    case 'int': return 'integer';
    case 'bigint': return 'bigint';
    case 'smallint': return 'smallint';
    case 'decimal': return `numeric(${type.precision},${type.scale})`;
    case 'float': return 'double precision';
    case 'bool': return 'boolean';
    case 'text': return type.length === undefined ? 'text' : `varchar(${type.length})`;
    case 'date': return 'date';
    case 'timestamp': return `timestamp(${type.precision ?? 6})`;
    case 'bytes': return 'bytea';
  }
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** 'YYYY-MM-DD' of the UTC calendar day. */
export function utcDateText(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** 'YYYY-MM-DD HH:MM:SS.mmm' in UTC: a Date is always written as UTC (timestamps are UTC here). */
export function utcTimestampText(d: Date): string {
  return `${utcDateText(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

/**
 * The server's text form of one value, or null. Strings pass through untouched, so a caller
 * can send exact DECIMALs ('12345.67') and microsecond timestamps ('2024-01-02 03:04:05.123456').
 */
export function pgText(value: unknown, type?: SqlType): string | Uint8Array | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return type?.kind === 'date' ? utcDateText(value) : utcTimestampText(value);
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  throw new TypeError(`Cannot send a value of type ${typeof value} to PostgreSQL.`);
}

function isTypedParam(p: SqlParam): p is { readonly value: SqlValue; readonly type: SqlType } {
  return p !== null && typeof p === 'object' && !(p instanceof Date) && !(p instanceof Uint8Array) && 'type' in p;
}

/** Parameter values in the form both drivers send verbatim (text, or bytes for bytea). */
export function pgParams(params: readonly SqlParam[] | undefined): (string | Uint8Array | null)[] {
  return (params ?? []).map((p) => (isTypedParam(p) ? pgText(p.value, p.type) : pgText(p)));
}

/**
 * The type OID of each parameter for the protocol's Parse message: declared types bind as that
 * type (`SELECT $1` with a DECIMAL parameter returns numeric), 0 lets the server infer from
 * context. Precision and scale travel in the text itself, which the server parses exactly.
 */
export function pgParamOids(params: readonly SqlParam[] | undefined): number[] {
  return (params ?? []).map((p) => (isTypedParam(p) ? pgTypeOid(p.type) : 0));
}

function pgTypeOid(type: SqlType): number {
  switch (type.kind) {
    case 'int': return 23;
    case 'bigint': return PgOid.int8;
    case 'smallint': return 21;
    case 'decimal': return PgOid.numeric;
    case 'float': return 701;
    case 'bool': return 16;
    case 'text': return type.length === undefined ? 25 : 1043;
    case 'date': return PgOid.date;
    case 'timestamp': return PgOid.timestamp;
    case 'bytes': return 17;
  }
}

/** Type OIDs the adapters parse themselves, identical in PostgreSQL and PGlite. */
export const PgOid = {
  int8: 20,
  numeric: 1700,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
} as const;

/** 'YYYY-MM-DD HH:MM:SS[.ffffff]' (no zone) read as UTC; microseconds beyond ms are dropped by Date. */
export function parseUtcTimestamp(text: string): Date | string {
  const m = /^(\d{4,})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?$/.exec(text);
  if (!m) return text; // 'infinity', BC dates: keep the server's text rather than guess
  const [, y, mo, d, h, mi, s, frac] = m;
  const ms = frac === undefined ? 0 : Math.floor(Number(frac.padEnd(6, '0')) / 1000);
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms));
}

/** 'YYYY-MM-DD' as midnight UTC, the same Date SQL Server's DATE gives. */
export function parseUtcDate(text: string): Date | string {
  const m = /^(\d{4,})-(\d\d)-(\d\d)$/.exec(text);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : text;
}

/**
 * Result parsers by OID. BIGINT and NUMERIC come back as exact decimal strings (a JS number
 * cannot hold DECIMAL(15,2) cents or BIGINT beyond 2^53 exactly, and a bigint would not survive
 * JSON to a webview); timestamps without zone come back as UTC Dates; DATE as UTC midnight.
 */
export const pgResultParsers: Readonly<Record<number, (text: string) => unknown>> = {
  [PgOid.int8]: (t) => t,
  [PgOid.numeric]: (t) => t,
  [PgOid.date]: parseUtcDate,
  [PgOid.timestamp]: parseUtcTimestamp,
  [PgOid.timestamptz]: (t) => new Date(t.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')),
};

const typeNamesByOid: Readonly<Record<number, string>> = {
  16: 'boolean', 17: 'bytea', 18: 'char', 19: 'name', 20: 'bigint', 21: 'smallint', 23: 'integer',
  25: 'text', 26: 'oid', 114: 'json', 700: 'real', 701: 'double precision', 1042: 'character',
  1043: 'character varying', 1082: 'date', 1083: 'time', 1114: 'timestamp', 1184: 'timestamptz',
  1700: 'numeric', 2950: 'uuid', 3802: 'jsonb',
};

/** The type name of a result column's OID, as far as the common built-in types go. */
export function pgTypeNameOfOid(oid: number): string {
  return typeNamesByOid[oid] ?? `oid ${oid}`;
}
