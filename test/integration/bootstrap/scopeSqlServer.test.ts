import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EtlScopeError, runBootstrap } from '../../../src/core/bootstrap';
import type { BootstrapSummary } from '../../../src/core/bootstrap/types';
import { ProjectEngines, loadProject, type Project } from '../../../src/core/project';
import { scaffoldProject } from '../../../src/core/scaffold/scaffold';
import { skipBecause } from '../../support/skip';
import { entitiesDirOf } from '../etl/support/project';
import { NO_MSSQL, mssqlConfig, openMssql, type MssqlConfig } from '../etl/support/sqlserver';
import { dropTargetColumn, entryLine, renameSourceTable, scopeFindings, valueLine } from './scopeSupport';

const repo = path.resolve(__dirname, '../../..');
const DATABASES = ['DW_ECOMMERCE', 'ECOMMERCE_OLTP'];

async function dropDatabases(c: MssqlConfig): Promise<void> {
  const master = await openMssql(c, 'master');
  try {
    for (const db of DATABASES) await master.batch(`IF DB_ID(N'${db}') IS NOT NULL DROP DATABASE ${db}`);
  } finally {
    await master.close();
  }
}

/** A SQL Server project on the DW_TEST_MSSQL server: OLTP and warehouse scripts, every entity active, no logins, no data. */
function sqlServerProject(c: MssqlConfig): Project {
  const dir = mkdtempSync(path.join(tmpdir(), 'dwb-scope-sqlserver-'));
  const { projectFile } = scaffoldProject({ engine: 'sqlserver', target: dir, assetsRoot: repo });
  const config = JSON.parse(readFileSync(projectFile, 'utf8')) as {
    connection: Record<string, unknown>; variables: Record<string, unknown>; stack?: unknown; bootstrap: { steps: { database?: string; folder?: string }[] };
  };
  config.connection = { ...config.connection, host: c.host, port: c.port, user: c.user, trustServerCertificate: true };
  config.variables = { ...config.variables, DIM_DATA_START: '2024-01-01', DIM_DATA_END: '2024-12-31', ETL_ACTIVE_ENTITIES: 'all' };
  delete config.stack;
  config.bootstrap.steps = config.bootstrap.steps.filter((s) => s.folder?.endsWith('/oltp') === true || s.folder?.endsWith('/dw') === true);
  writeFileSync(projectFile, JSON.stringify(config, null, 2));
  return loadProject(projectFile);
}

/** The ETL scope check on SQL Server (Babelfish under CI): ECOMMERCE_OLTP and DW_ECOMMERCE, one catalog query each. */
describe('ETL scope check after the bootstrap on SQL Server (DW_TEST_MSSQL)', function () {
  this.timeout(900_000);
  let c: MssqlConfig;
  let project: Project;
  let engines: ProjectEngines;
  const bootstrap = (p: Project = project): Promise<BootstrapSummary> =>
    runBootstrap(p, { engines: (r) => engines.get(r), entitiesDir: entitiesDirOf(p) });
  const dir = (): string => entitiesDirOf(project);

  before(async function () {
    const config = mssqlConfig();
    if (config === undefined) skipBecause(this, NO_MSSQL);
    c = config;
    await dropDatabases(c);
    project = sqlServerProject(c);
    engines = new ProjectEngines(project, c.password);
  });
  after(async () => {
    await engines?.close();
    if (c !== undefined) await dropDatabases(c);
    if (project !== undefined) rmSync(project.root, { recursive: true, force: true });
  });

  it('finds nothing on a clean warehouse, having checked every active entity', async () => {
    const summary = await bootstrap();
    assert.deepEqual(summary.scope.findings, []);
    assert.equal(summary.scope.active.length, 9);
  });

  it('names a dropped target column at its mapping line, a renamed source table at its source table line, and not an inactive entity\'s', async () => {
    const dw = await engines.get('dw');
    const oltp = await engines.get('oltp');
    await dropTargetColumn(dw, 'dim.DIM_CLIENTE', 'telefone');
    await renameSourceTable(oltp, 'core', 'discount_campaigns', 'discount_campaigns_old');
    // The warehouse only: the OLTP step would create the renamed table again.
    const warehouseOnly = { ...project, config: { ...project.config, bootstrap: { steps: (project.config.bootstrap?.steps ?? []).filter((s) => s.database === 'dw') } } };
    try {
      let error: unknown;
      await bootstrap(warehouseOnly).catch((e: unknown) => { error = e; });
      assert.ok(error instanceof EtlScopeError, String(error));
      const cliente = path.join(dir(), 'dim_cliente.json');
      const desconto = path.join(dir(), 'dim_desconto.json');
      assert.deepEqual(scopeFindings(error.summary.scope.findings, project.root), [
        `${path.relative(project.root, cliente)}:${entryLine(cliente, '"target": "telefone"')}: entity dim_cliente, column telefone, rule normalizar_telefone: `
          + 'target table dim.dim_cliente has no column telefone',
        `${path.relative(project.root, desconto)}:${valueLine(desconto, '"table": "core.discount_campaigns"')}: entity dim_desconto: `
          + 'source table core.discount_campaigns does not exist or has no columns',
      ]);
      assert.equal(error.summary.ran, 1);
      await dw.query("UPDATE ctl.etl_control SET is_active = 0 WHERE entity_name IN ('dim_cliente', 'dim_desconto')");
      const summary = await bootstrap(warehouseOnly);
      assert.deepEqual(summary.scope.findings, []);
      assert.equal(summary.scope.active.length, 7);
    } finally {
      await renameSourceTable(oltp, 'core', 'discount_campaigns_old', 'discount_campaigns');
      await dw.batch('ALTER TABLE dim.DIM_CLIENTE ADD telefone NVARCHAR(20) NULL');
      await dw.query('UPDATE ctl.etl_control SET is_active = 1');
    }
    assert.deepEqual((await bootstrap()).scope.findings, []);
  });
});
