import type { Dialect } from '../engine/types';

type DialectName = 'mssql' | 'postgresql';

/** What we use of @guanmingchiu/sqlparser-ts (its types are ESM-only; this code is CommonJS). */
interface SqlparserModule {
  init(this: void): Promise<void>;
  parse(this: void, sql: string, dialect: DialectName): unknown[];
  readonly ParserError: new (message: string) => Error & { readonly location?: { readonly line: number; readonly column: number } };
}

/**
 * SQL parsing for lineage: datafusion-sqlparser-rs (the Apache DataFusion project's parser,
 * MsSql and PostgreSql dialects) through its WebAssembly build. The AST is sqlparser-rs's own
 * serde JSON: walked as plain data in `selectLineage.ts`.
 */
export type SqlAst = unknown;

export interface SqlParseFailure {
  readonly message: string;
  /** 1-based, within the text given. */
  readonly line?: number;
  readonly column?: number;
}

export interface SqlParser {
  /** The statements of `sql`, or why it does not parse. Never throws. */
  parse(sql: string, dialect: Dialect): { readonly statements: readonly SqlAst[] } | { readonly failure: SqlParseFailure };
}

const DIALECT_NAMES: Readonly<Record<Dialect, DialectName>> = { sqlserver: 'mssql', postgres: 'postgresql' };

let ready: Promise<SqlParser> | undefined;

/**
 * The parser's message and position. The WebAssembly build hands sqlparser-rs's error over as
 * text only (its `location` stays empty), so the position is read from the text's fixed
 * "at Line: N, Column: M" tail, which sqlparser-rs writes for every tokenizer and parser error.
 */
function failureOf(e: unknown, parserError: new (...args: never[]) => Error & { location?: { line: number; column: number } }): SqlParseFailure {
  const text = (e instanceof Error ? e.message : String(e)).replace(/^sql parser error: /i, '');
  const location = e instanceof parserError ? e.location : undefined;
  if (location !== undefined) return { message: text, line: location.line, column: location.column };
  const tail = /\s*at Line: (\d+), Column: (\d+)\s*$/.exec(text);
  if (tail === null) return { message: text };
  return { message: text.slice(0, tail.index), line: Number(tail[1]), column: Number(tail[2]) };
}

/**
 * Parsed texts, by dialect and text: a rebuild (a definition or script changed) parses only the
 * texts that changed. The ASTs are only read. Bounded: the shipped warehouse has ~120 texts.
 */
const cache = new Map<string, { readonly statements: readonly SqlAst[] } | { readonly failure: SqlParseFailure }>();
const CACHE_LIMIT = 5000;

/** Forgets every parsed text (the benchmark measures builds that parse everything). */
export function clearSqlParseCache(): void {
  cache.clear();
  for (const f of onClear) f();
}

const onClear: (() => void)[] = [];

/** Lets a cache derived from parsed texts be forgotten with them. */
export function onSqlParseCacheCleared(f: () => void): void {
  onClear.push(f);
}

/**
 * Loads the parser's WebAssembly once per process (about 0.2 s); later calls share it. Required
 * on first use (the bundles keep it in dist/vendor, its .wasm in dist/wasm), so activation and
 * commands that never ask for lineage do not load it.
 */
export function loadSqlParser(): Promise<SqlParser> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy load, see above
  const { init, parse, ParserError } = require('@guanmingchiu/sqlparser-ts') as SqlparserModule;
  ready ??= init().then(() => ({
    parse(sql: string, dialect: Dialect) {
      const key = `${dialect}\u0000${sql}`;
      let result = cache.get(key);
      if (result === undefined) {
        try {
          result = { statements: parse(sql, DIALECT_NAMES[dialect]) };
        } catch (e) {
          result = { failure: failureOf(e, ParserError) };
        }
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(key, result);
      }
      return result;
    },
  }));
  return ready;
}
