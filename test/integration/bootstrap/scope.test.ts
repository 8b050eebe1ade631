import { strict as assert } from 'node:assert';
import { readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EtlScopeError, runBootstrap } from '../../../src/core/bootstrap';
import type { BootstrapSummary } from '../../../src/core/bootstrap/types';
import { ProjectEngines, loadProject, type Project } from '../../../src/core/project';
import { dropDatabase, throwawayName } from '../../support/throwawayDatabase';
import { dwb } from '../checks/support';
import { BOOTSTRAP_SECRETS, entitiesDirOf, scaffoldEtlProject } from '../etl/support/project';
import { entryLine, dropTargetColumn, projectLine, renameSourceTable, scopeFindings, valueLine } from './scopeSupport';

/** The project without its generator step (the scope check needs no rows), written back to its file. */
function withoutData(project: Project): Project {
  const config = JSON.parse(readFileSync(project.file, 'utf8')) as { bootstrap: { steps: { generate?: unknown }[] } };
  config.bootstrap.steps = config.bootstrap.steps.filter((s) => s.generate === undefined);
  writeFileSync(project.file, JSON.stringify(config, null, 2));
  return loadProject(project.file);
}

/** The same project whose plan builds the warehouse only: the OLTP is someone else's (nothing recreates its tables). */
function warehouseOnly(project: Project): Project {
  const steps = (project.config.bootstrap?.steps ?? []).filter((s) => s.database === 'dw');
  return { ...project, config: { ...project.config, bootstrap: { steps } } };
}

for (const engineName of ['postgres', 'pglite'] as const) {
  describe(`ETL scope check after the bootstrap on ${engineName === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, function () {
    this.timeout(600_000);
    const dbName = engineName === 'postgres' ? throwawayName('dwb_scope') : undefined;
    let project: Project;
    let engines: ProjectEngines;
    const bootstrap = (p: Project = project): Promise<BootstrapSummary> =>
      runBootstrap(p, { engines: (r) => engines.get(r), entitiesDir: entitiesDirOf(p), secrets: BOOTSTRAP_SECRETS });
    const sql = async (text: string): Promise<void> => {
      await (await engines.get('dw')).batch(text);
    };
    const dir = (): string => entitiesDirOf(project);
    /** The bootstrap's rejection, with its findings as `file:line: text` relative to the project. */
    const failing = async (p: Project = project): Promise<{ error: EtlScopeError; found: string[] }> => {
      let error: unknown;
      await bootstrap(p).catch((e: unknown) => { error = e; });
      assert.ok(error instanceof EtlScopeError, `expected the scope check to fail the bootstrap, got ${String(error)}`);
      return { error, found: scopeFindings(error.summary.scope.findings, project.root) };
    };

    before(async () => {
      project = withoutData(scaffoldEtlProject(engineName, dbName, 0.01, 'dwb-scope'));
      engines = new ProjectEngines(project, undefined);
      await bootstrap();
      await sql('UPDATE ctl.etl_control SET is_active = true');
    });
    after(async () => {
      await engines?.close();
      if (dbName !== undefined) await dropDatabase(dbName);
      if (project !== undefined) rmSync(project.root, { recursive: true, force: true });
    });

    it('finds nothing on a clean warehouse, having checked every active entity', async () => {
      const summary = await bootstrap();
      assert.equal(summary.ok, true);
      assert.deepEqual(summary.scope.findings, []);
      assert.deepEqual([...summary.scope.active].sort(), [
        'dim_cliente', 'dim_desconto', 'dim_equipe', 'dim_produto', 'dim_regiao', 'dim_vendedor', 'fact_descontos', 'fact_metas', 'fact_vendas',
      ]);
    });

    it('names a dropped target column at its mapping line, and keeps what the steps did', async () => {
      await dropTargetColumn(await engines.get('dw'), 'dim.dim_cliente', 'telefone');
      // A table the warehouse step creates: back after the failing bootstrap, so nothing was rolled back.
      await sql('DROP TABLE ctl.alert_state');
      try {
        const { error, found } = await failing();
        const file = path.join(dir(), 'dim_cliente.json');
        assert.deepEqual(found, [
          `${path.relative(project.root, file)}:${entryLine(file, '"target": "telefone"')}: entity dim_cliente, column telefone, rule normalizar_telefone: `
            + 'target table dim.dim_cliente has no column telefone',
        ]);
        assert.equal(error.summary.ran, project.config.bootstrap?.steps?.filter((s) => !s.skipOn?.includes(engineName)).length);
        assert.match(error.message, /nothing is rolled back/);
        assert.match(error.message, /dim_cliente\.json:\d+: entity dim_cliente, column telefone/);
        const kept = await (await engines.get('dw')).query("SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = 'ctl' AND table_name = 'alert_state'");
        assert.equal(Number(kept.rows[0]?.['n']), 1, 'the warehouse step recreated ctl.alert_state and it stays');
      } finally {
        await sql('ALTER TABLE dim.dim_cliente ADD COLUMN telefone varchar(20) NULL');
      }
      assert.deepEqual((await bootstrap()).scope.findings, []);
    });

    it('names a renamed source table at the definition\'s source table line; once the entity is inactive it is not a finding', async () => {
      const oltp = await engines.get('oltp');
      await renameSourceTable(oltp, 'core', 'discount_campaigns', 'discount_campaigns_old');
      try {
        const { found } = await failing(warehouseOnly(project));
        const file = path.join(dir(), 'dim_desconto.json');
        assert.deepEqual(found, [
          `${path.relative(project.root, file)}:${valueLine(file, '"table": "core.discount_campaigns"')}: entity dim_desconto: `
            + 'source table core.discount_campaigns does not exist or has no columns',
        ]);
        await sql("UPDATE ctl.etl_control SET is_active = false WHERE entity_name = 'dim_desconto'");
        const summary = await bootstrap(warehouseOnly(project));
        assert.deepEqual(summary.scope.findings, []);
        assert.equal(summary.scope.active.includes('dim_desconto'), false);
        assert.equal(summary.scope.active.length, 8);
      } finally {
        await renameSourceTable(oltp, 'core', 'discount_campaigns_old', 'discount_campaigns');
        await sql("UPDATE ctl.etl_control SET is_active = true WHERE entity_name = 'dim_desconto'");
      }
    });

    it('names an active entity without a definition and a definition ctl.etl_control does not know', async () => {
      const extra = path.join(dir(), 'dim_canal.json');
      const regiao = JSON.parse(readFileSync(path.join(dir(), 'dim_regiao.json'), 'utf8')) as Record<string, unknown>;
      writeFileSync(extra, JSON.stringify({ ...regiao, entity: 'dim_canal' }, null, 2));
      await sql(`INSERT INTO ctl.etl_control (entity_name, source_table, target_table, source_pk_column, is_active)
        VALUES ('dim_loja', 'core.stores', 'dim.dim_loja', 'store_id', true)`);
      try {
        const { found } = await failing();
        assert.deepEqual(found, [
          `dw-workbench.json:${projectLine(project.file)}: entity dim_loja: is active in ctl.etl_control but has no definition in etl/entities: `
            + 'add dim_loja.json there, or deactivate it (dwb etl deactivate dim_loja)',
          `${path.relative(project.root, extra)}:${valueLine(extra, '"entity": "dim_canal"')}: entity dim_canal: has no row in ctl.etl_control, `
            + 'so no run knows whether it is active: register it in the warehouse scripts (as dw/06_etl_control.sql does), or run it once with "dwb etl dim_canal"',
        ]);
      } finally {
        unlinkSync(extra);
        await sql("DELETE FROM ctl.etl_control WHERE entity_name = 'dim_loja'");
      }
    });

    if (engineName === 'postgres') {
      it('dwb bootstrap exits 1, says what the steps did and prints each problem at its file:line', async () => {
        await dropTargetColumn(await engines.get('dw'), 'dim.dim_cliente', 'telefone');
        try {
          const r = await dwb(project.root, { ...BOOTSTRAP_SECRETS }, ['bootstrap']);
          const steps = project.config.bootstrap?.steps?.length ?? 0;
          assert.equal(r.code, 1, r.stderr);
          assert.match(r.stdout, /ETL scope: checking the entities active in ctl\.etl_control/, r.stderr);
          assert.ok(r.stdout.includes(`Bootstrap steps done (${steps} ran, 0 skipped, `) && r.stdout.includes('but the ETL scope check failed.'), r.stdout);
          const line = entryLine(path.join(dir(), 'dim_cliente.json'), '"target": "telefone"');
          assert.ok(r.stderr.includes(`dim_cliente.json:${line}: entity dim_cliente, column telefone, rule normalizar_telefone: target table dim.dim_cliente has no column telefone`), r.stderr);
          assert.ok(r.stderr.includes(`The bootstrap ran ${steps} step(s) and skipped 0; what they did stays`), r.stderr);
        } finally {
          await sql('ALTER TABLE dim.dim_cliente ADD COLUMN telefone varchar(20) NULL');
        }
        const clean = await dwb(project.root, { ...BOOTSTRAP_SECRETS }, ['bootstrap']);
        assert.equal(clean.code, 0, clean.stderr);
        assert.match(clean.stdout, /9 active entities \(.*\): every source and target table and column exists/);
      });
    }
  });
}
