import type { ScalarRule } from './types';
import { accepted, rejected } from './types';
import { trimmed } from './text';

/** The 27 federative units of Brazil (26 states and the Federal District). */
export const UFS: readonly string[] = [
  'AC', 'AL', 'AP', 'AM', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MT', 'MS', 'MG', 'PA',
  'PB', 'PR', 'PE', 'PI', 'RJ', 'RN', 'RS', 'RO', 'RR', 'SC', 'SP', 'SE', 'TO',
];

const ufList = UFS.map((u) => `'${u}'`).join(', ');
const pgTrim = (x: string): string => `NULLIF(btrim(${x}, E' \\t\\r\\n'), '')`;
const msTrim = (x: string): string => `NULLIF(TRIM(CHAR(32)+CHAR(9)+CHAR(13)+CHAR(10) FROM ${x}), '')`;

export const normalizarUf: ScalarRule = {
  name: 'normalizar_uf',
  kind: 'scalar',
  summary: 'Upper-cases a state and checks it against the 27 Brazilian UFs; anything else rejects the row.',
  accepts: ['text'],
  produces: 'text',
  apply: (v) => {
    const s = trimmed(v)?.toUpperCase() ?? null;
    if (s === null || UFS.includes(s)) return accepted(s);
    return rejected(`state '${String(v)}' is not one of the 27 Brazilian UFs`);
  },
  sql: {
    postgres: (x) => ({
      value: `CASE WHEN upper(${pgTrim(x)}) IN (${ufList}) THEN upper(${pgTrim(x)}) END`,
      rejects: `(upper(${pgTrim(x)}) NOT IN (${ufList}))`,
    }),
    sqlserver: (x) => ({
      value: `CASE WHEN UPPER(${msTrim(x)}) IN (${ufList}) THEN UPPER(${msTrim(x)}) END`,
      rejects: `(UPPER(${msTrim(x)}) NOT IN (${ufList}))`,
    }),
  },
};

/** Spellings of Brazil seen in the source, compared lower-case. */
export const BRAZIL_SYNONYMS: readonly string[] = ['br', 'bra', 'brasil', 'brazil'];
const synonymList = BRAZIL_SYNONYMS.map((s) => `'${s}'`).join(', ');

export const normalizarPais: ScalarRule = {
  name: 'normalizar_pais',
  kind: 'scalar',
  summary: "Maps the synonyms of Brazil (BR, BRA, Brasil, Brazil, any case) to 'Brasil'; other countries stay as written, trimmed.",
  accepts: ['text'],
  produces: 'text',
  apply: (v) => {
    const s = trimmed(v);
    if (s === null) return accepted(null);
    return accepted(BRAZIL_SYNONYMS.includes(s.toLowerCase()) ? 'Brasil' : s);
  },
  sql: {
    postgres: (x) => ({ value: `CASE WHEN lower(${pgTrim(x)}) IN (${synonymList}) THEN 'Brasil' ELSE ${pgTrim(x)} END` }),
    sqlserver: (x) => ({ value: `CASE WHEN LOWER(${msTrim(x)}) IN (${synonymList}) THEN 'Brasil' ELSE ${msTrim(x)} END` }),
  },
};

export const geoRules: readonly ScalarRule[] = [normalizarUf, normalizarPais];
