import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { problemLines as linesOfResult, resultMessage, runProjectChecks, type CheckReport } from '../../../src/core/checks';
import { loadProject } from '../../../src/core/project';
import { entitiesDir } from '../../../src/cli/commands/etl';
import type { Engine } from '../../../src/core/engine/types';
import { DIM_PRODUTO } from '../../../src/core/warehouse';
import { createEtlWarehouse } from '../dashboards/etlWarehouse';
import { createPgliteLoadedWarehouse, dwb } from './support';
import { independentValues } from './independent';
import { entryLine } from '../bootstrap/scopeSupport';

/** The dw-check task's problem matcher, as package.json declares it. */
const MATCHER = /^dw-check: (error|warning|info): (.+?):(\d+):(\d+): ([^:]+): (.*)$/;

interface Setup {
  readonly engine: Engine;
  /** PGlite: a data directory opens once per process, so the checks run on the test's own engine, not through a second one in the CLI. */
  readonly inProcess: boolean;
  readonly root: string;
  readonly file: string;
  close(): Promise<void>;
}

function setConfig(file: string, edit: (config: Record<string, unknown>) => void): void {
  const config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(config);
  writeFileSync(file, JSON.stringify(config, null, 2));
}

const cases: readonly [string, () => Promise<Setup>][] = [
  ['PostgreSQL', async () => {
    const wh = await createEtlWarehouse({ scale: 0.01 });
    return { engine: wh.engine, inProcess: false, root: wh.project.root, file: wh.project.file, close: () => wh.close() };
  }],
  ['PGlite', async () => {
    const wh = await createPgliteLoadedWarehouse(0.01);
    return { engine: wh.engine, inProcess: true, root: wh.project.root, file: wh.project.file, close: () => wh.close() };
  }],
];

for (const [label, create] of cases) {
  describe(`dwb check over a bootstrapped, loaded warehouse (${label})`, function () {
    this.timeout(600_000);
    let s: Setup;
    let env: NodeJS.ProcessEnv;
    before(async () => {
      s = await create();
      env = {};
    });
    after(async () => {
      if (s !== undefined) await s.close();
    });

    /** `dwb check --json`, or what it runs (the same core calls) on the test's engine for PGlite. */
    const check = async (): Promise<{ code: number; report: CheckReport; stderr: string }> => {
      if (s.inProcess) {
        const project = loadProject(s.file);
        const report = await runProjectChecks(project, { source: s.engine, target: s.engine, entitiesDir: entitiesDir(project) });
        return { code: report.summary.errors > 0 ? 1 : 0, report, stderr: report.checks.filter((c) => c.error !== undefined).map(resultMessage).join('\n') };
      }
      const r = await dwb(s.root, env, ['check', '--json']);
      return { code: r.code, report: JSON.parse(r.stdout) as CheckReport, stderr: r.stderr };
    };
    /** The problem lines `dwb check` prints (the dw-check problem matcher's input). */
    const problemLines = async (): Promise<{ code: number; lines: string[]; text: string }> => {
      if (s.inProcess) {
        const { code, report } = await check();
        const lines = report.checks.flatMap((c) => linesOfResult(c, (f) => path.relative(s.root, f)));
        return { code, lines, text: lines.join('\n') };
      }
      const r = await dwb(s.root, env, ['check']);
      return { code: r.code, lines: r.stdout.split('\n').filter((l) => l.startsWith('dw-check:')), text: r.stdout };
    };

    /** Every built-in check's value by independent queries; the ETL scope of a sound warehouse: every active entity, nothing missing. */
    const expectedValues = async (): Promise<Map<string, number>> => {
      const active = await s.engine.query<{ entity_name: string }>('SELECT entity_name FROM ctl.etl_control WHERE is_active');
      return new Map([...active.rows.map((r) => [`scope.${r.entity_name}`, 0] as const), ...await independentValues(s.engine)]);
    };

    it('passes every built-in check, each value equal to an independent query', async () => {
      const { code, report } = await check();
      const expected = await expectedValues();
      assert.deepEqual(report.checks.filter((c) => !c.ok).map((c) => [c.check, c.value, c.error]), []);
      assert.equal(code, 0);
      assert.deepEqual(new Map(report.checks.map((c) => [c.check, c.value])), expected);
      assert.ok((expected.get('coverage.fact_vendas') ?? 0) > 0, 'the warehouse holds sales');
      assert.deepEqual(new Set(report.checks.map((c) => c.category)), new Set(['escopo_rollout', 'integridade_fk', 'unicidade_nk', 'cobertura_minima']));
      assert.equal([...expected.keys()].filter((k) => k.startsWith('scope.')).length, 9, 'every entity active');
    });

    it('finds FK orphans and duplicate natural keys with their keys, at the entity definition line', async () => {
      const pg = s.engine.dialect === 'postgres';
      await s.engine.batch('ALTER TABLE fact.fact_vendas DROP CONSTRAINT fk_fact_vendas_cliente_id');
      await s.engine.batch('ALTER TABLE dim.dim_produto DROP CONSTRAINT uq_dim_produto_produto_original_id');
      await s.engine.batch(`UPDATE fact.fact_vendas SET cliente_id = 987654 WHERE venda_id IN (SELECT venda_id FROM fact.fact_vendas ORDER BY venda_id ${pg ? 'LIMIT 3' : ''})`);
      const cols = DIM_PRODUTO.columns.filter((c) => c.identity !== true).map((c) => c.name).join(', ');
      await s.engine.batch(`INSERT INTO dim.dim_produto (${cols}) SELECT ${cols} FROM dim.dim_produto WHERE produto_id = (SELECT MIN(produto_id) FROM dim.dim_produto WHERE produto_id > 0)`);
      const r = await problemLines();
      assert.equal(r.code, 1, r.text);
      const orphan = r.lines.map((l) => MATCHER.exec(l)).find((m) => m?.[5] === 'fk_orphans.fact_vendas.cliente_id');
      assert.ok(orphan, r.text);
      const [, severity, file, line] = orphan;
      assert.equal(severity, 'error');
      const definition = readFileSync(path.resolve(s.root, file as string), 'utf8').split('\n');
      assert.match(definition[Number(line) - 1] ?? '', /"target": "cliente_id"/);
      assert.match(orphan[6] ?? '', /987654 \(3 rows\)/);

      const { report } = await check();
      const expected = await expectedValues();
      assert.deepEqual(new Map(report.checks.map((c) => [c.check, c.value])), expected);
      const dup = report.checks.find((c) => c.check === 'duplicate_keys.dim_produto');
      const duplicated = (await s.engine.query<{ k: unknown }>('SELECT MIN(produto_original_id) AS k FROM dim.dim_produto WHERE produto_id > 0')).rows[0]?.k;
      assert.deepEqual(dup?.offending.map((o) => [String(o['produto_original_id']), Number(o['n'])]), [[String(duplicated), 2]]);
      assert.match(readFileSync(dup?.location?.file ?? '', 'utf8').split('\n')[(dup?.location?.line ?? 0) - 1] ?? '', /"naturalKey"/);
    });

    it('reports the ETL scope: a dropped target column fails scope.dim_cliente at its mapping line; --only scope runs the scope alone', async () => {
      await s.engine.batch('ALTER TABLE dim.dim_cliente DROP COLUMN telefone');
      try {
        const r = await problemLines();
        assert.equal(r.code, 1, r.text);
        const file = path.join(s.root, 'etl', 'entities', 'dim_cliente.json');
        const scope = r.lines.map((l) => MATCHER.exec(l)).filter((m) => m?.[5]?.startsWith('scope.') === true).map((m) => m?.slice(1));
        assert.deepEqual(scope, [[
          'error', path.relative(s.root, file), String(entryLine(file, '"target": "telefone"')), '1', 'scope.dim_cliente',
          'entity dim_cliente, column telefone, rule normalizar_telefone: target table dim.dim_cliente has no column telefone',
        ]]);
        const only = s.inProcess
          ? await runProjectChecks(loadProject(s.file), { source: s.engine, target: s.engine, entitiesDir: entitiesDir(loadProject(s.file)), only: ['scope'] })
          : JSON.parse((await dwb(s.root, env, ['check', '--only', 'scope', '--json'])).stdout) as CheckReport;
        assert.deepEqual(new Set(only.checks.map((c) => c.family)), new Set(['scope']));
        assert.equal(only.checks.length, 9);
        assert.deepEqual(only.checks.filter((c) => !c.ok).map((c) => [c.check, c.value, c.category]), [['scope.dim_cliente', 1, 'escopo_rollout']]);
      } finally {
        await s.engine.batch('ALTER TABLE dim.dim_cliente ADD COLUMN telefone varchar(20) NULL');
      }
    });

    it('runs the project\'s own checks; a failing SQL is named at its project file line and the rest still run', async () => {
      setConfig(s.file, (c) => {
        c['checks'] = {
          severity: { fk_orphans: 'warning', duplicate_keys: 'warning' },
          minimumRows: { 'fact.FACT_METAS': 0 },
          custom: [
            { name: 'sales_without_order_number', sql: "SELECT venda_id FROM fact.fact_vendas WHERE numero_pedido = ''", severity: 'error' },
            { name: 'negative_net', sql: 'SELECT venda_id, valor_total_liquido FROM fact.fact_vendas WHERE valor_total_liquido < 0 ORDER BY venda_id', severity: 'warning' },
            { name: 'broken', sql: 'SELECT no_such_column FROM fact.fact_vendas', severity: 'error' },
          ],
        };
      });
      const { code, report, stderr } = await check();
      assert.equal(code, 1);
      const byName = new Map(report.checks.map((c) => [c.check, c]));
      assert.equal(byName.has('coverage.fact_metas'), false, 'minimumRows 0 turns the coverage check off');
      assert.equal(byName.get('fk_orphans.fact_vendas.cliente_id')?.severity, 'warning');
      const empty = await s.engine.query("SELECT venda_id FROM fact.fact_vendas WHERE numero_pedido = ''");
      assert.equal(byName.get('custom.sales_without_order_number')?.value, empty.rows.length);
      const negative = await s.engine.query('SELECT COUNT(*) AS n FROM fact.fact_vendas WHERE valor_total_liquido < 0');
      assert.equal(byName.get('custom.negative_net')?.value, Number(negative.rows[0]?.['n']));
      const broken = byName.get('custom.broken');
      assert.equal(broken?.ok, false);
      const text = readFileSync(s.file, 'utf8').split('\n');
      assert.match(text[(broken?.location?.line ?? 0) - 1] ?? '', /"sql": "SELECT no_such_column/);
      assert.match(broken?.error ?? '', new RegExp(`checks\\.custom\\[2\\] 'broken' \\(.*dw-workbench\\.json:${broken?.location?.line}:\\d+\\): the SQL failed: .*no_such_column`));
      assert.match(stderr, /checks\.custom\[2\] 'broken'/);
      assert.equal(report.summary.total_checks, report.checks.length);
      assert.equal(report.summary.errors, 1, JSON.stringify(report.checks.filter((c) => !c.ok).map((c) => c.check)));
    });

    it('exits 0 when only warnings fail', async () => {
      setConfig(s.file, (c) => {
        c['checks'] = { severity: { fk_orphans: 'warning', duplicate_keys: 'warning' } };
      });
      const { code, report } = await check();
      assert.equal(report.summary.errors, 0);
      assert.ok(report.summary.warnings >= 2);
      assert.equal(code, 0);
    });
  });
}
