import { strict as assert } from 'node:assert';
import { createEngine } from '../../../src/core/engine/factory';
import type { Engine, QueryResult } from '../../../src/core/engine/types';
import { RULES } from '../../../src/core/etl/rules/catalogue';
import { valueText } from '../../../src/core/etl/rules/text';
import type { RuleSql, ScalarRule } from '../../../src/core/etl/rules/types';
import { PG } from './support/warehouse';

/** Inputs per source family, dirty on purpose: both forms of every rule must agree on each. */
const TEXT = [null, '', '   ', ' Ana.Silva@Example.COM ', '  SÃO   paulo ', 'pessoa\tjuridica', 'rio de janeiro', "santa bárbara d'OESTE", 'xique-XIQUE', '3RD street', 'ÉVORA', 'sp', ' rj ', 'XX',
  'BR', 'brazil', ' Brasil ', 'Portugal', '(11) 98765-4321', '+55 11 3333.4444', '123.456.789-09', '12.345.678/0001-95',
  '01310-100', '11 ramal 2', 'vip', ' Recorrente ', 'novo', 'f', 'm', 'O', 'Z', 'ouro', 'PLATINA', 'Nao sei', 'ativo',
  'Inativo', 'descontinuado', '700', ' 1200 ', '-5', 'alto', 'Ferias', 'pedido', 'mensal'];
const INTEGERS = [null, 0, 1, 2, -5, 512, 1000, 1200];
const BOOLEANS = [null, true, false];

function inputsFor(rule: ScalarRule): { values: readonly unknown[]; sqlType: string }[] {
  const out: { values: readonly unknown[]; sqlType: string }[] = [];
  if (rule.accepts.includes('text')) out.push({ values: TEXT, sqlType: 'text' });
  if (rule.accepts.includes('integer')) out.push({ values: INTEGERS, sqlType: 'int' });
  if (rule.accepts.includes('boolean')) out.push({ values: BOOLEANS, sqlType: 'boolean' });
  return out;
}

/** A SQL value in the form the TS rule gives (text for comparisons, so 700 and '700' differ). */
function normalise(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v;
  return valueText(v);
}

const engines: readonly [string, () => Promise<Engine>][] = [
  ['PostgreSQL', () => createEngine({ engine: 'postgres', ...PG, database: 'postgres' })],
  ['PGlite', () => createEngine({ engine: 'pglite', database: 'rules' })],
];

for (const [label, open] of engines) {
  describe(`ETL rules: the TypeScript and PostgreSQL forms agree (${label})`, () => {
    let db: Engine;
    before(async () => {
      db = await open();
    });
    after(async () => {
      await db.close();
    });

    for (const rule of RULES.values()) {
      if (rule.kind !== 'scalar') continue;
      it(`${rule.name}`, async () => {
        for (const { values, sqlType } of inputsFor(rule)) {
          for (const input of values) {
            const ts = rule.apply(input);
            const sql: RuleSql = rule.sql.postgres(`CAST($1 AS ${sqlType})`);
            const r: QueryResult<{ v: unknown; rejected: boolean | null }> = await db.query<{ v: unknown; rejected: boolean | null }>(
              `SELECT CASE WHEN ${sql.rejects ?? 'false'} THEN NULL ELSE ${sql.value} END AS v, COALESCE(${sql.rejects ?? 'false'}, false) AS rejected`,
              [input === null ? null : valueText(input)],
            );
            const row: { v: unknown; rejected: boolean | null } | undefined = r.rows[0];
            const what: string = `${rule.name}(${JSON.stringify(input)} as ${sqlType})`;
            assert.equal(row?.rejected, !ts.ok, `${what}: rejected in SQL ${String(row?.rejected)}, in TS ${String(!ts.ok)}`);
            if (ts.ok) assert.deepEqual(normalise(row?.v), normalise(ts.value), what);
          }
        }
      });
    }
  });
}
