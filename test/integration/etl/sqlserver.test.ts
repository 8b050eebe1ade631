import { strict as assert } from 'node:assert';
import { createEngine } from '../../../src/core/engine/factory';
import type { Engine, QueryResult } from '../../../src/core/engine/types';
import { RULES } from '../../../src/core/etl/rules/catalogue';
import { valueText } from '../../../src/core/etl/rules/text';
import type { RuleSql } from '../../../src/core/etl/rules/types';
import { skipBecause } from '../../support/skip';

/** `host=..;port=..;user=..;password=..` from DW_TEST_MSSQL; undefined when no server is configured. */
function config(): { host: string; port: number; user: string; password: string } | undefined {
  const raw = process.env['DW_TEST_MSSQL'];
  if (raw === undefined || raw === '') return undefined;
  const parts = new Map(raw.split(';').filter((p) => p.includes('=')).map((p) => [p.slice(0, p.indexOf('=')).trim().toLowerCase(), p.slice(p.indexOf('=') + 1).trim()] as const));
  return { host: parts.get('host') ?? '127.0.0.1', port: Number(parts.get('port') ?? 1433), user: parts.get('user') ?? 'sa', password: parts.get('password') ?? '' };
}

const TEXT = [null, '', ' Ana.Silva@Example.COM ', '  SÃO   paulo ', 'rio de janeiro', 'sp', 'XX', 'BR', 'brazil', 'Portugal',
  '(11) 98765-4321', '123.456.789-09', '01310-100', '11 ramal 2', 'vip', 'Z', 'ativo', '700', ' 1200 ', 'alto'];
const INTEGERS = [null, 0, 1, 2, -5, 512, 1200];

describe('ETL rules: the TypeScript and T-SQL forms agree (SQL Server, DW_TEST_MSSQL)', () => {
  let db: Engine;
  before(async function () {
    const c = config();
    if (c === undefined) skipBecause(this, 'SQL Server cannot run on this machine; set DW_TEST_MSSQL="host=..;port=..;user=sa;password=.." to run it');
    db = await createEngine({ engine: 'sqlserver', ...c, database: 'master', trustServerCertificate: true });
  });
  after(async () => {
    if (db !== undefined) await db.close();
  });

  for (const rule of RULES.values()) {
    if (rule.kind !== 'scalar') continue;
    it(rule.name, async () => {
      const inputs: [readonly unknown[], string][] = [];
      if (rule.accepts.includes('text')) inputs.push([TEXT, 'nvarchar(200)']);
      if (rule.accepts.includes('integer') || rule.accepts.includes('boolean')) inputs.push([INTEGERS, 'int']);
      for (const [values, sqlType] of inputs) {
        for (const input of values) {
          const ts = rule.apply(input);
          const sql: RuleSql = rule.sql.sqlserver(`CAST(@p1 AS ${sqlType})`);
          const rejects = sql.rejects ?? '1 = 0';
          const r: QueryResult<{ v: unknown; rejected: number }> = await db.query(
            `SELECT CASE WHEN ${rejects} THEN NULL ELSE CAST(${sql.value} AS nvarchar(400)) END AS v, CASE WHEN ${rejects} THEN 1 ELSE 0 END AS rejected`,
            [input === null ? null : valueText(input)],
          );
          const what: string = `${rule.name}(${JSON.stringify(input)} as ${sqlType})`;
          assert.equal(r.rows[0]?.rejected === 1, !ts.ok, what);
          const expected: string | null = ts.ok ? (typeof ts.value === 'boolean' ? (ts.value ? '1' : '0') : ts.value === null ? null : valueText(ts.value)) : null;
          if (ts.ok) assert.equal(r.rows[0]?.v ?? null, expected, what);
        }
      }
    });
  }
});
