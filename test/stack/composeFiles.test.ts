import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createProcessRunner, detectComposeCli, type ComposeCli } from '../../src/core/stack';
import { repoRoot, skipSuite, useSetupDockerConfig } from './dockerTestEnv';

interface ComposeConfig {
  services: Record<string, {
    image: string;
    command?: string[];
    entrypoint?: string[];
    environment?: Record<string, string>;
    ports?: { host_ip?: string; published: string; target: number }[];
    volumes?: { type: string; source: string; target: string }[];
    healthcheck?: { test: string[] };
    depends_on?: Record<string, { condition: string }>;
    user?: string;
    profiles?: string[];
    read_only?: boolean;
    working_dir?: string;
  }>;
  volumes?: Record<string, unknown>;
}

const runner = createProcessRunner();
let compose: ComposeCli;

/** What `docker compose config` makes of a bundled file, with the given settings. */
async function config(file: string, env: Record<string, string>): Promise<ComposeConfig> {
  const r = await runner.run({
    command: compose.command,
    args: [...compose.prefix, '--project-name', 'dwbconfig', '--file', path.join(repoRoot, 'docker', file), 'config', '--format', 'json'],
    env: { DWB_BACKUP_DIR: '/srv/dwb/backups', ...env },
  });
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as ComposeConfig;
}

/** The service's command as its container gets it (config keeps compose's `$$` escapes). */
function loopScript(c: ComposeConfig, service: string): string {
  return (c.services[service]?.command?.[0] ?? '').replaceAll('$$', '$');
}

/** The loop script as the container's shell gets it must at least parse. */
async function assertShellParses(shell: string, script: string): Promise<void> {
  const r = await runner.run({ command: shell, args: ['-n', '-c', script] });
  assert.equal(r.code, 0, r.stderr);
}

describe('bundled compose files (docker compose config + static checks)', () => {
  before(async function () {
    useSetupDockerConfig();
    try {
      compose = await detectComposeCli(runner);
    } catch {
      skipSuite(this, 'Docker Compose is not installed; run `bash .ci/setup-docker.sh start`');
    }
    if (compose.version !== 'v2') skipSuite(this, 'compose v2 is needed for `config --format json`; run `bash .ci/setup-docker.sh start`');
  });

  const sqlEnv = { MSSQL_SA_PASSWORD: 'Sa-Pass-1234', ETL_MONITOR_PASSWORD: 'Mon-Pass-1234', ETL_BACKUP_PASSWORD: 'Bak-Pass-1234' };

  it('SQL Server: fixes volume ownership first, then the server with Agent, Developer edition and a sqlcmd healthcheck', async () => {
    const c = await config('compose.sqlserver.yml', sqlEnv);
    const init = c.services['volume-init'];
    const server = c.services['sqlserver'];
    assert.ok(init && server);
    assert.match(init.command?.join(' ') ?? '', /chown -R 10001:0 .*data .*log .*secrets .*backup .*audit/);
    assert.equal(server.depends_on?.['volume-init']?.condition, 'service_completed_successfully');
    assert.equal(server.image, 'mcr.microsoft.com/mssql/server:2022-latest');
    assert.equal(server.environment?.['MSSQL_AGENT_ENABLED'], 'true');
    assert.equal(server.environment?.['MSSQL_PID'], 'Developer');
    assert.equal(server.environment?.['ACCEPT_EULA'], 'Y');
    const hc = server.healthcheck?.test.join(' ') ?? '';
    assert.match(hc, /sqlcmd .*-Q SELECT 1/);
    assert.doesNotMatch(hc, /Sa-Pass-1234|-P /, 'the healthcheck has no password on its command line');
  });

  it('SQL Server: data, log, secrets, backup and audit are mounted, and the port is bound to 127.0.0.1 only', async () => {
    const c = await config('compose.sqlserver.yml', { ...sqlEnv, DWB_SQLSERVER_PORT: '14339' });
    const server = c.services['sqlserver'];
    const targets = new Map(server?.volumes?.map((v) => [v.target, v]));
    for (const dir of ['data', 'log', 'secrets', 'audit']) {
      assert.equal(targets.get(`/var/opt/mssql/${dir}`)?.type, 'volume', dir);
    }
    assert.deepEqual(
      { type: targets.get('/var/opt/mssql/backup')?.type, source: targets.get('/var/opt/mssql/backup')?.source },
      { type: 'bind', source: '/srv/dwb/backups' },
    );
    assert.deepEqual(server?.ports, [{ mode: 'ingress', host_ip: '127.0.0.1', target: 1433, published: '14339', protocol: 'tcp' }]);
  });

  it('SQL Server: the backup loop backs up both databases WITH COPY_ONLY, COMPRESSION, CHECKSUM, prunes and cleans the audit', async () => {
    const c = await config('compose.sqlserver.yml', sqlEnv);
    const backup = c.services['sql-backup'];
    const env = backup?.environment ?? {};
    assert.deepEqual(
      [env['BACKUP_INTERVAL_HOURS'], env['BACKUP_RETENTION_DAYS'], env['CONNECTION_AUDIT_RETENTION_DAYS'], env['BACKUP_DATABASES']],
      ['24', '14', '30', 'ECOMMERCE_OLTP DW_ECOMMERCE'],
    );
    const script = loopScript(c, 'sql-backup');
    assert.match(script, /BACKUP DATABASE \[\$db\] TO DISK = N'\/var\/opt\/mssql\/backup\/\$\{db\}_\$\{ts\}\.bak' WITH COPY_ONLY, COMPRESSION, CHECKSUM/);
    assert.match(script, /-U etl_backup/);
    assert.match(script, /-name '\*\.bak' -mmin \+\$\(\(r \* 1440\)\) -print -delete/);
    assert.match(script, /\[ "\$h" -ge 1 \] 2>\/dev\/null \|\| h=1/, 'the interval is at least one hour');
    assert.match(script, /EXEC audit\.usp_cleanup_connection_login_events @retention_days = \$a/);
    assert.doesNotMatch(script, /Bak-Pass-1234|Mon-Pass-1234/, 'passwords reach sqlcmd through the environment');
    await assertShellParses('bash', script);
  });

  it('SQL Server: the audit cleanup procedure the loop calls exists in the warehouse scripts', () => {
    const file = path.join(repoRoot, 'sql/sqlserver/dw/08_connection_audit.sql');
    assert.ok(existsSync(file));
    assert.match(readFileSync(file, 'utf8'), /PROCEDURE audit\.usp_cleanup_connection_login_events\s+@retention_days/);
  });

  it('SQL Server: image, port and intervals follow the settings', async () => {
    const c = await config('compose.sqlserver.yml', {
      ...sqlEnv, DWB_SQLSERVER_IMAGE: 'example/mssql:x', BACKUP_INTERVAL_HOURS: '6', BACKUP_RETENTION_DAYS: '3',
    });
    for (const s of ['volume-init', 'sqlserver', 'sql-backup']) assert.equal(c.services[s]?.image, 'example/mssql:x');
    assert.equal(c.services['sql-backup']?.environment?.['BACKUP_INTERVAL_HOURS'], '6');
    assert.equal(c.services['sql-backup']?.environment?.['BACKUP_RETENTION_DAYS'], '3');
  });

  it('SQL Server: compose refuses to run without the secrets instead of starting with empty passwords', async () => {
    const r = await runner.run({
      command: compose.command,
      args: [...compose.prefix, '--file', path.join(repoRoot, 'docker/compose.sqlserver.yml'), 'config'],
      env: { MSSQL_SA_PASSWORD: '', ETL_MONITOR_PASSWORD: '', ETL_BACKUP_PASSWORD: '' },
    });
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /(MSSQL_SA|ETL_BACKUP|ETL_MONITOR)_PASSWORD is not set; start the stack/);
  });

  it('PostgreSQL: server with a pg_isready healthcheck on 127.0.0.1:5433 by default, backup loop with pg_dump -Fc and retention', async () => {
    const c = await config('compose.postgres.yml', { POSTGRES_PASSWORD: 'Pg-Pass-1234' });
    const server = c.services['postgres'];
    const backup = c.services['postgres-backup'];
    assert.equal(server?.image, 'postgres:16');
    assert.deepEqual(server?.ports, [{ mode: 'ingress', host_ip: '127.0.0.1', target: 5432, published: '5433', protocol: 'tcp' }]);
    assert.equal(server?.healthcheck?.test[1], 'pg_isready');
    assert.equal(server?.volumes?.[0]?.type, 'volume');
    const script = loopScript(c, 'postgres-backup');
    assert.match(script, /pg_dump -Fc -d "\$db"/);
    assert.match(script, /-name '\*\.dump' -mmin \+\$\(\(r \* 1440\)\) -print -delete/);
    assert.deepEqual([backup?.environment?.['BACKUP_INTERVAL_HOURS'], backup?.environment?.['BACKUP_RETENTION_DAYS']], ['24', '14']);
    await assertShellParses('sh', script);
  });

  for (const [file, secrets, server, port, user] of [
    ['compose.postgres.yml', { POSTGRES_PASSWORD: 'Pg-Pass-1234' }, 'postgres', '5432', 'dwadmin'],
    ['compose.sqlserver.yml', sqlEnv, 'sqlserver', '1433', 'sa'],
  ] as const) {
    it(`${file}: the watch service is in the watch profile only, reaches ${server} by name after it is healthy, and reads the project read-only`, async () => {
      const plain = await config(file, secrets);
      assert.equal(plain.services['dwb-watch'], undefined, 'a plain up leaves it out');
      const c = await config(file, {
        ...secrets, COMPOSE_PROFILES: 'watch', DWB_POSTGRES_USER: 'dwadmin', DWB_WATCH_IMAGE: 'dwb-watch:0.1.0-abc', DWB_WATCH_EVERY: '15m',
        DWB_WATCH_ETL: '--etl', DWB_PROJECT_DIR: '/srv/project', DWB_WATCH_ENV: 'DWB_PASSWORD=x', DWB_BACKUP_UID: '1000', DWB_BACKUP_GID: '1001',
      });
      const watch = c.services['dwb-watch'];
      assert.ok(watch);
      assert.deepEqual(watch.profiles, ['watch']);
      assert.equal(watch.image, 'dwb-watch:0.1.0-abc');
      assert.deepEqual(watch.command, ['watch', '--every', '15m', '--etl']);
      assert.equal(watch.depends_on?.[server]?.condition, 'service_healthy');
      assert.deepEqual([watch.environment?.['DWB_HOST'], watch.environment?.['DWB_PORT'], watch.environment?.['DWB_USER']], [server, port, user]);
      assert.equal(watch.environment?.['DWB_WATCH_ENV'], 'DWB_PASSWORD=x');
      assert.deepEqual(watch.volumes?.map((v) => [v.type, v.source, v.target, (v as { read_only?: boolean }).read_only]), [['bind', '/srv/project', '/project', true]]);
      assert.equal(watch.working_dir, '/project');
      assert.equal(watch.read_only, true);
      assert.equal(watch.user, '1000:1001');
      assert.equal(watch.ports, undefined, 'it publishes nothing');
      const alertsOnly = await config(file, { ...secrets, COMPOSE_PROFILES: 'watch', DWB_WATCH_EVERY: '1h', DWB_WATCH_ETL: '' });
      assert.deepEqual(alertsOnly.services['dwb-watch']?.command, ['watch', '--every', '1h'], 'without the ETL the flag disappears');
    });
  }
});
