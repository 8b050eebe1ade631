import type { SqlType } from '../engine/types';

/**
 * The shape of a warehouse table as data: enough to check a catalog or a script against it and
 * to give the bulk loader its column types. Names are the users' own spelling (see DOMAIN.md);
 * `physicalName` gives each dialect's spelling.
 */
export type Layer = 'oltp' | 'dw';

/** A default the scripts declare; `utc-now` is SYSUTCDATETIME() / now() at UTC. */
export type ColumnDefault =
  | { readonly kind: 'utc-now' }
  | { readonly kind: 'value'; readonly value: string | number | boolean };

export interface ColumnSpec {
  readonly name: string;
  readonly type: SqlType;
  readonly nullable: boolean;
  readonly identity?: true;
  readonly default?: ColumnDefault;
  /** Allowed values (CHECK column IN (...)). */
  readonly oneOf?: readonly string[];
  /** Inclusive numeric range (CHECK column BETWEEN min AND max; max Infinity: column >= min). */
  readonly range?: readonly [number, number];
}

export interface ForeignKeySpec {
  readonly column: string;
  readonly references: { readonly schema: string; readonly table: string; readonly column: string };
}

export interface TableSpec {
  readonly layer: Layer;
  readonly schema: string;
  /** The users' name: `customers`, `DIM_CLIENTE`. */
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  readonly primaryKey: string;
  readonly unique?: readonly (readonly string[])[];
  readonly foreignKeys?: readonly ForeignKeySpec[];
  /** Row-level CHECK expressions, written in SQL both dialects accept. */
  readonly checks?: readonly { readonly name: string; readonly expression: string }[];
}

// Shorthands keep the contract readable as a table listing.
export const t = {
  bigint: { kind: 'bigint' } as const,
  int: { kind: 'int' } as const,
  smallint: { kind: 'smallint' } as const,
  bool: { kind: 'bool' } as const,
  date: { kind: 'date' } as const,
  ts: { kind: 'timestamp', precision: 0 } as const,
  money: { kind: 'decimal', precision: 15, scale: 2 } as const,
  dec: (precision: number, scale: number): SqlType => ({ kind: 'decimal', precision, scale }),
  text: (length: number): SqlType => ({ kind: 'text', length }),
  /** Unbounded text: NVARCHAR(MAX) / text. */
  clob: { kind: 'text' } as const,
};

type ColumnOptions = Omit<ColumnSpec, 'name' | 'type' | 'nullable'>;

/** A NOT NULL column. */
export function req(name: string, type: SqlType, options: ColumnOptions = {}): ColumnSpec {
  return { name, type, nullable: false, ...options };
}

/** A nullable column. */
export function opt(name: string, type: SqlType, options: ColumnOptions = {}): ColumnSpec {
  return { name, type, nullable: true, ...options };
}

export const utcNow: ColumnDefault = { kind: 'utc-now' };
export const dflt = (value: string | number | boolean): ColumnDefault => ({ kind: 'value', value });

/** created_at / updated_at / deleted_at: every OLTP table has them (DOMAIN.md). */
export const oltpAuditColumns: readonly ColumnSpec[] = [
  req('created_at', t.ts, { default: utcNow }),
  req('updated_at', t.ts, { default: utcNow }),
  opt('deleted_at', t.ts),
];
