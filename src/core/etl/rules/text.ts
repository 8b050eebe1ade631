import type { ScalarRule } from './types';
import { accepted, rejected } from './types';

/**
 * Text rules. Whitespace means space, tab, CR and LF on every side (TypeScript, PostgreSQL and
 * T-SQL), so the three forms agree; words are separated by runs of that whitespace.
 */
const WS = /^[ \t\r\n]+|[ \t\r\n]+$/g;
const WS_RUN = /[ \t\r\n]+/g;
const PG_WS = `E' \\t\\r\\n'`;
const MS_WS = 'CHAR(32)+CHAR(9)+CHAR(13)+CHAR(10)';

/** A source value as text: scalars as themselves, anything else (a driver's object) as JSON. */
export function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean' || value instanceof Date) return String(value);
  return JSON.stringify(value) ?? '';
}

export function trimmed(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const s = valueText(value).replace(WS, '');
  return s === '' ? null : s;
}

const pgTrim = (x: string): string => `NULLIF(btrim(${x}, ${PG_WS}), '')`;
const msTrim = (x: string): string => `NULLIF(TRIM(${MS_WS} FROM ${x}), '')`;

/**
 * T-SQL whitespace runs to one space, trimmed, empty to NULL, with scalar functions only:
 * each space gains a marker after it, "marker + space" pairs go, then the markers. (STRING_SPLIT's
 * ordinal and STRING_AGG ... WITHIN GROUP, the set-based form, are SQL Server 2022 only and
 * missing on Babelfish; without them the words' order is not guaranteed.) The marker is
 * NCHAR(1), a control character no text column holds, compared in a binary collation (a
 * linguistic one ignores it).
 */
function msCollapse(x: string): string {
  const spaced = `REPLACE(REPLACE(REPLACE(${x}, CHAR(9), ' '), CHAR(13), ' '), CHAR(10), ' ')`;
  const marked = `REPLACE(TRIM(' ' FROM ${spaced}) COLLATE Latin1_General_BIN2, ' ', ' ' + NCHAR(1))`;
  return `NULLIF(REPLACE(REPLACE(${marked}, NCHAR(1) + ' ', ''), NCHAR(1), ''), '') COLLATE DATABASE_DEFAULT`;
}

/** Letters T-SQL title-cases after a space: Latin, with the accents of Portuguese and Spanish. */
const TITLE_LETTERS = 'abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿ';

/**
 * Title case of single-spaced text in T-SQL: lower case, then the first letter and every letter
 * after a space upper-cased (one binary-collated REPLACE per letter, so no set and no order).
 */
function msTitle(x: string): string {
  const lower = `LOWER(${x}) COLLATE Latin1_General_BIN2`;
  const words = [...TITLE_LETTERS].reduce((acc, ch) => `REPLACE(${acc}, N' ${ch}', N' ${ch.toUpperCase()}')`, `N' ' + ${lower}`);
  return `STUFF(${words}, 1, 1, '') COLLATE DATABASE_DEFAULT`;
}

export const direto: ScalarRule = {
  name: 'direto',
  kind: 'scalar',
  summary: 'Copies the value unchanged.',
  accepts: ['text', 'integer', 'decimal', 'boolean', 'date', 'timestamp'],
  produces: 'source',
  apply: (v) => accepted(v ?? null),
  sql: { postgres: (x) => ({ value: x }), sqlserver: (x) => ({ value: x }) },
};

export const normalizarEmail: ScalarRule = {
  name: 'normalizar_email',
  kind: 'scalar',
  summary: 'Trims and lower-cases an e-mail; empty becomes NULL.',
  accepts: ['text'],
  produces: 'text',
  apply: (v) => accepted(trimmed(v)?.toLowerCase() ?? null),
  sql: {
    postgres: (x) => ({ value: `lower(${pgTrim(x)})` }),
    sqlserver: (x) => ({ value: `LOWER(${msTrim(x)})` }),
  },
};

export const normalizarTexto: ScalarRule = {
  name: 'normalizar_texto',
  kind: 'scalar',
  summary: 'Trims and collapses runs of whitespace to one space; empty becomes NULL.',
  accepts: ['text'],
  produces: 'text',
  apply: (v) => accepted(trimmed(v)?.replace(WS_RUN, ' ') ?? null),
  sql: {
    postgres: (x) => ({ value: `regexp_replace(${pgTrim(x)}, '[ \\t\\r\\n]+', ' ', 'g')` }),
    sqlserver: (x) => ({
      value: msCollapse(x),
    }),
  },
};

function titleWord(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
}

export const normalizarTextoTitulo: ScalarRule = {
  name: 'normalizar_texto_titulo',
  kind: 'scalar',
  summary: 'Title case with single spaces: the first letter of each word upper, the rest lower.',
  accepts: ['text'],
  produces: 'text',
  apply: (v) => accepted(trimmed(v)?.split(WS_RUN).map(titleWord).join(' ') ?? null),
  sql: {
    // initcap agrees with the per-word form when a value has only letters, digits and
    // whitespace (the common case) and is far cheaper; other values take the per-word form.
    postgres: (x) => ({
      value: `CASE WHEN ${x} !~ '[^[:alnum:] \\t\\r\\n]' THEN initcap(regexp_replace(${pgTrim(x)}, '[ \\t\\r\\n]+', ' ', 'g')) ELSE (SELECT string_agg(upper(left(w, 1)) || lower(substr(w, 2)), ' ' ORDER BY n) FROM regexp_split_to_table(${x}, '[ \\t\\r\\n]+') WITH ORDINALITY AS t(w, n) WHERE w <> '') END`,
    }),
    sqlserver: (x) => ({
      value: msTitle(msCollapse(x)),
    }),
  },
};

/**
 * Digit rules (phone, CPF/CNPJ, CEP): the usual separators are removed; any other non-digit
 * rejects the row, because guessing would silently change a customer's identity or address.
 * T-SQL has no regular expressions before 2025, so the separator list is explicit everywhere.
 */
const SEPARATORS = /[ \t\r\n\-.()/+]/g;
const PG_SEPARATORS = `E' \\t\\r\\n-.()/+'`;
const MS_STRIP = (x: string): string =>
  ['CHAR(32)', 'CHAR(9)', 'CHAR(13)', 'CHAR(10)', `'-'`, `'.'`, `'('`, `')'`, `'/'`, `'+'`].reduce(
    (acc, ch) => `REPLACE(${acc}, ${ch}, '')`,
    x,
  );

function digitsRule(name: string, what: string): ScalarRule {
  return {
    name,
    kind: 'scalar',
    summary: `Reduces a ${what} to its digits; empty becomes NULL; other characters reject the row.`,
    accepts: ['text', 'integer'],
    produces: 'text',
    apply: (v) => {
      if (v === null || v === undefined) return accepted(null);
      const s = valueText(v).replace(SEPARATORS, '');
      if (s === '') return accepted(null);
      return /^[0-9]+$/.test(s) ? accepted(s) : rejected(`${what} '${valueText(v)}' has characters other than digits and separators`);
    },
    sql: {
      postgres: (x) => {
        const s = `NULLIF(translate(CAST(${x} AS text), ${PG_SEPARATORS}, ''), '')`;
        return { value: `CASE WHEN ${s} ~ '^[0-9]+$' THEN ${s} END`, rejects: `(${s} !~ '^[0-9]+$')` };
      },
      sqlserver: (x) => {
        const s = `NULLIF(${MS_STRIP(`CAST(${x} AS nvarchar(4000))`)}, '')`;
        return { value: `CASE WHEN ${s} NOT LIKE '%[^0-9]%' THEN ${s} END`, rejects: `(${s} LIKE '%[^0-9]%')` };
      },
    },
  };
}

export const normalizarTelefone = digitsRule('normalizar_telefone', 'phone');
export const normalizarDocumento = digitsRule('normalizar_documento', 'document');
export const normalizarCep = digitsRule('normalizar_cep', 'CEP');

export const normalizarKeywords: ScalarRule = {
  ...normalizarTexto,
  name: 'normalizar_keywords',
  summary: 'Trims and collapses whitespace in a keyword list; empty becomes NULL.',
};

export const textRules: readonly ScalarRule[] = [
  direto,
  normalizarEmail,
  normalizarTexto,
  normalizarTextoTitulo,
  normalizarTelefone,
  normalizarDocumento,
  normalizarCep,
  normalizarKeywords,
];
