import { valueText } from './text';
import type { ScalarRule } from './types';
import { accepted, rejected } from './types';
import { trimmed } from './text';

/** A number from a driver value (numbers, bigints, numeric strings); undefined when it is not one. */
function numberOf(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && /^[ ]*-?[0-9]+(\.[0-9]+)?[ ]*$/.test(v)) return Number(v);
  return undefined;
}

export const clampScoreCredito: ScalarRule = {
  name: 'clamp_score_credito',
  kind: 'scalar',
  summary: 'Clamps a credit score to 0..1000; a value that is not a number rejects the row.',
  accepts: ['integer', 'decimal', 'text'],
  produces: 'integer',
  apply: (v) => {
    if (v === null || v === undefined) return accepted(null);
    const n = numberOf(v);
    if (n === undefined) return rejected(`credit score '${valueText(v)}' is not a number`);
    return accepted(Math.min(1000, Math.max(0, Math.round(n))));
  },
  sql: {
    postgres: (x) => {
      const isNumber = `(CAST(${x} AS text) ~ '^[ ]*-?[0-9]+(\\.[0-9]+)?[ ]*$')`;
      return {
        value: `CASE WHEN ${isNumber} THEN CAST(LEAST(1000, GREATEST(0, ROUND(CAST(CAST(${x} AS text) AS numeric)))) AS int) END`,
        rejects: `(NOT ${isNumber})`,
      };
    },
    sqlserver: (x) => {
      // The PostgreSQL regular expression in LIKE: -?[0-9]+(\.[0-9]+)? between spaces.
      const t = `LTRIM(RTRIM(CAST(${x} AS nvarchar(100))))`;
      const u = `(CASE WHEN LEFT(${t}, 1) = '-' THEN SUBSTRING(${t}, 2, 100) ELSE ${t} END)`;
      const isNumber = `(${u} <> '' AND ${u} NOT LIKE '%[^0-9.]%' AND ${u} NOT LIKE '%.%.%' AND ${u} NOT LIKE '.%' AND ${u} NOT LIKE '%.')`;
      const n = `ROUND(TRY_CAST(${t} AS decimal(18,4)), 0)`;
      return {
        value: `CASE WHEN ${isNumber} THEN CAST(CASE WHEN ${n} > 1000 THEN 1000 WHEN ${n} < 0 THEN 0 ELSE ${n} END AS int) END`,
        rejects: `(${x} IS NOT NULL AND NOT ${isNumber})`,
      };
    },
  },
};

/** 1/0, true/false and their text forms; anything else is not a bit. */
function bitOf(v: unknown): boolean | null | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === '1' || v === 1n) return true;
  if (v === 0 || v === '0' || v === 0n) return false;
  return undefined;
}

const pgBit = (x: string): string => `CAST(CAST(${x} AS int) AS boolean)`;
const pgNotBit = (x: string): string => `(CAST(${x} AS int) NOT IN (0, 1))`;

export const bitParaBool: ScalarRule = {
  name: 'bit_para_bool',
  kind: 'scalar',
  summary: 'A bit (1/0) becomes a boolean; any other value rejects the row.',
  accepts: ['boolean', 'integer'],
  produces: 'boolean',
  apply: (v) => {
    const b = bitOf(v);
    return b === undefined ? rejected(`'${String(v)}' is not a bit (1/0)`) : accepted(b);
  },
  sql: {
    postgres: (x) => ({ value: pgBit(x), rejects: pgNotBit(x) }),
    sqlserver: (x) => ({ value: `CAST(${x} AS bit)`, rejects: `(CAST(${x} AS int) NOT IN (0, 1))` }),
  },
};

export const bitParaStatusAtivoInativo: ScalarRule = {
  name: 'bit_para_status_ativo_inativo',
  kind: 'scalar',
  summary: "A bit becomes 'Ativo' (1) or 'Inativo' (0).",
  accepts: ['boolean', 'integer'],
  produces: 'text',
  apply: (v) => {
    const b = bitOf(v);
    if (b === undefined) return rejected(`'${String(v)}' is not a bit (1/0)`);
    return accepted(b === null ? null : b ? 'Ativo' : 'Inativo');
  },
  sql: {
    postgres: (x) => ({ value: `CASE ${pgBit(x)} WHEN true THEN 'Ativo' WHEN false THEN 'Inativo' END`, rejects: pgNotBit(x) }),
    sqlserver: (x) => ({
      value: `CASE CAST(${x} AS int) WHEN 1 THEN 'Ativo' WHEN 0 THEN 'Inativo' END`,
      rejects: `(CAST(${x} AS int) NOT IN (0, 1))`,
    }),
  },
};

export const statusParaBool: ScalarRule = {
  name: 'status_para_bool',
  kind: 'scalar',
  summary: "A status is true when it is 'Ativo' (any case), false otherwise; NULL stays NULL.",
  accepts: ['text'],
  produces: 'boolean',
  apply: (v) => {
    const s = trimmed(v);
    return accepted(s === null ? null : s.toLowerCase() === 'ativo');
  },
  sql: {
    postgres: (x) => ({ value: `(lower(NULLIF(btrim(${x}, E' \\t\\r\\n'), '')) = 'ativo')` }),
    sqlserver: (x) => ({
      value: `CASE WHEN NULLIF(TRIM(CHAR(32)+CHAR(9)+CHAR(13)+CHAR(10) FROM ${x}), '') IS NULL THEN NULL WHEN LOWER(TRIM(${x})) = 'ativo' THEN CAST(1 AS bit) ELSE CAST(0 AS bit) END`,
    }),
  },
};

/** The three aggregates of dim_cliente are computed set-based in the extract; the rule names them. */
function aggregateRule(name: string, summary: string): ScalarRule {
  return {
    name,
    kind: 'scalar',
    summary,
    accepts: ['integer', 'decimal'],
    produces: 'source',
    apply: (v) => accepted(v ?? null),
    sql: { postgres: (x) => ({ value: x }), sqlserver: (x) => ({ value: x }) },
  };
}

export const valueRules: readonly ScalarRule[] = [
  clampScoreCredito,
  bitParaBool,
  bitParaStatusAtivoInativo,
  statusParaBool,
  aggregateRule('agregar_count_pedidos', 'Number of orders of the customer (a derived column of the extract).'),
  aggregateRule('agregar_sum_net_amount_por_cliente', 'Sum of net_amount of the customer’s order items (a derived column of the extract).'),
  aggregateRule('agregar_ticket_medio_por_cliente', 'Net amount per order of the customer (a derived column of the extract).'),
];
