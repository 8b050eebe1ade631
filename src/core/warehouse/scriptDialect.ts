import type { Dialect } from '../engine/types';

/**
 * Recognises which dialect a warehouse script is written in, so a bootstrap refuses a T-SQL
 * script on PostgreSQL (and the reverse) before it runs anything. It looks for constructs only
 * one side accepts, outside `--` comments; a script with none of them is not refused.
 */
const MARKERS: Readonly<Record<Dialect, readonly RegExp[]>> = {
  sqlserver: [
    /^\s*GO\s*(\d+\s*)?$/i,
    /\$\([A-Za-z_][A-Za-z0-9_]*\)/,
    /^\s*:(setvar|r|on\s+error)\b/i,
    /\bN'/,
    /\bSET\s+IDENTITY_INSERT\b/i,
    /\bCREATE\s+OR\s+ALTER\b/i,
    /\bNVARCHAR\b/i,
    /\bIDENTITY\s*\(/i,
  ],
  postgres: [
    /\bDO\s+\$[A-Za-z_]*\$/i,
    /\bRAISE\s+(NOTICE|EXCEPTION|WARNING)\b/i,
    /:'[A-Za-z_][A-Za-z0-9_]*'/,
    /^\s*\\[a-z]+/,
    /\bCREATE\s+OR\s+REPLACE\b/i,
    /\bGENERATED\s+(BY\s+DEFAULT|ALWAYS)\s+AS\s+IDENTITY\b/i,
    /\bCREATE\s+SCHEMA\s+IF\s+NOT\s+EXISTS\b/i,
  ],
};

export interface DialectEvidence {
  readonly dialect: Dialect;
  /** 1-based line of the first construct of that dialect. */
  readonly line: number;
  readonly text: string;
}

function firstMarker(lines: readonly string[], dialect: Dialect): DialectEvidence | undefined {
  for (let i = 0; i < lines.length; i++) {
    const code = (lines[i] ?? '').replace(/--.*$/, '');
    if (MARKERS[dialect].some((re) => re.test(code))) return { dialect, line: i + 1, text: code.trim() };
  }
  return undefined;
}

/** The dialect the script shows, when it shows only one. */
export function detectScriptDialect(text: string): DialectEvidence | undefined {
  const lines = text.split(/\r?\n/);
  const ss = firstMarker(lines, 'sqlserver');
  const pg = firstMarker(lines, 'postgres');
  if (ss !== undefined && pg === undefined) return ss;
  if (pg !== undefined && ss === undefined) return pg;
  return undefined;
}

const DIALECT_LABEL: Readonly<Record<Dialect, string>> = { sqlserver: 'T-SQL (SQL Server)', postgres: 'PostgreSQL' };

export class WrongScriptDialectError extends Error {
  constructor(readonly file: string, readonly line: number, readonly scriptDialect: Dialect, readonly engineDialect: Dialect) {
    super(
      `${file}:${line} is ${DIALECT_LABEL[scriptDialect]}, but the engine speaks ${DIALECT_LABEL[engineDialect]}. `
      + `Nothing was run. Use the scripts under sql/${engineDialect}/ or change the project's engine.`,
    );
    this.name = 'WrongScriptDialectError';
  }
}

/** Throws WrongScriptDialectError when `text` is written for the other dialect. */
export function assertScriptDialect(file: string, text: string, engineDialect: Dialect): void {
  const evidence = detectScriptDialect(text);
  if (evidence !== undefined && evidence.dialect !== engineDialect) {
    throw new WrongScriptDialectError(file, evidence.line, evidence.dialect, engineDialect);
  }
}
