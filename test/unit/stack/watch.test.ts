import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectProblems } from '../../../src/core/project';
import { ComposeStack, type ComposeStackOptions } from '../../../src/core/stack/composeStack';
import { POSTGRES_STACK } from '../../../src/core/stack/definitions';
import { StackError } from '../../../src/core/stack/errors';
import type { StackEvent } from '../../../src/core/stack/events';
import type { ProcessRunner, ProcessSpec } from '../../../src/core/stack/process';
import { startStack } from '../../../src/core/stack/start';
import { watchContextFiles, watchEnvLines, watchImageTag, type WatchOptions } from '../../../src/core/stack/watch';

const FILE = '/ws/dw-workbench.json';

function projectText(watch: unknown): string {
  return JSON.stringify({ name: 'dw', engine: 'postgres', connection: { user: 'postgres' }, stack: { watch } }, null, 2);
}

describe('stack.watch in the project file', () => {
  it('accepts an interval with the etl and enabled switches', () => {
    assert.deepEqual(projectProblems(projectText({ every: '5m', etl: false, enabled: true }), FILE), []);
  });

  it('names stack.watch.every, at its line, for an interval it cannot read or out of 10s..7d', () => {
    for (const every of ['5 minutes', '5s', '30d', '0']) {
      const [p, ...rest] = projectProblems(projectText({ every }), FILE);
      assert.equal(rest.length, 0, every);
      assert.ok(p, every);
      assert.equal(p.pointer, '/stack/watch/every');
      assert.equal(p.line, 9, every);
      assert.match(p.message, /'stack\.watch\.every' is "[^"]+"/);
      assert.match(p.message, /10s.*7d/);
    }
  });

  it('needs every, and knows no other setting', () => {
    assert.match(projectProblems(projectText({ etl: true }), FILE)[0]?.message ?? '', /'stack\.watch' needs 'every'/);
    assert.match(projectProblems(projectText({ every: '5m', interval: '5m' }), FILE)[0]?.message ?? '', /Unknown setting 'interval' in 'stack\.watch'/);
  });
});

describe('the watch image', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'dwb-watch-package-'));
    const put = (rel: string, text: string): void => {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    };
    put('package.json', '{"version":"1.2.3"}');
    put('docker/images/watch/Dockerfile', 'FROM x');
    put('docker/images/watch/dwb.sh', '#!/bin/sh');
    put('dist/cli.js', 'cli');
    put('dist/cli.js.map', 'map');
    put('dist/extension.js', 'ext');
    put('dist/vendor/pg.js', 'pg');
    put('dist/vendor/pg.js.map', 'map');
    put('sql/postgres/dw/01.sql', 'select 1');
    put('etl/entities/dim_cliente.json', '{}');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is built from the CLI bundle, its drivers and the templates, without maps or the extension', () => {
    assert.deepEqual([...watchContextFiles(root).keys()].sort(), [
      'Dockerfile', 'dw-workbench/dist/cli.js', 'dw-workbench/dist/vendor/pg.js', 'dw-workbench/etl/entities/dim_cliente.json',
      'dw-workbench/package.json', 'dw-workbench/sql/postgres/dw/01.sql', 'dwb.sh',
    ]);
  });

  it('is tagged by version and checksum: the same inputs give the same tag, a changed bundle or base image a new one', () => {
    const tag = watchImageTag(watchContextFiles(root), 'debian:trixie-slim');
    assert.match(tag, /^dwb-watch:1\.2\.3-[0-9a-f]{12}$/);
    assert.equal(watchImageTag(watchContextFiles(root), 'debian:trixie-slim'), tag);
    assert.notEqual(watchImageTag(watchContextFiles(root), 'local/debian:trixie'), tag);
    appendFileSync(path.join(root, 'dist/cli.js'), '\n// 1.2.4');
    assert.notEqual(watchImageTag(watchContextFiles(root), 'debian:trixie-slim'), tag);
  });

  it('says which file is missing when the CLI bundle is not there', () => {
    rmSync(path.join(root, 'dist/cli.js'));
    assert.throws(() => watchContextFiles(root), (e: unknown) => e instanceof StackError && e.kind === 'watch-build-failed' && e.message.includes(path.join(root, 'dist', 'cli.js')));
  });

  it('hands the password and webhook URLs over as NAME=value lines, refusing a value with a line break without showing it', () => {
    assert.equal(watchEnvLines({ DWB_PASSWORD: 'p=w $x', HOOK: 'https://h/x?a=1' }), 'DWB_PASSWORD=p=w $x\nHOOK=https://h/x?a=1');
    assert.throws(() => watchEnvLines({ HOOK: 'https://h/secret\nEVIL=1' }), (e: unknown) => e instanceof StackError && /HOOK/.test(e.message) && !e.message.includes('secret'));
  });
});

describe('the watch image\'s entrypoint (docker/images/watch/dwb.sh, run by /bin/sh)', () => {
  it('exports each NAME=value line as is (quotes, $, spaces, =) and hides DWB_WATCH_ENV from the CLI', () => {
    const bin = mkdtempSync(path.join(tmpdir(), 'dwb-entrypoint-'));
    try {
      // Stands in for node: prints what the CLI would see.
      writeFileSync(path.join(bin, 'node'), '#!/bin/sh\nprintf "args=%s\\n" "$*"; printf "pw=%s\\n" "$DW_PW"; printf "hook=%s\\n" "$SLACK_HOOK"; printf "rest=%s\\n" "${DWB_WATCH_ENV-unset}"\n');
      chmodSync(path.join(bin, 'node'), 0o755);
      const pw = `a'b"c $HOME \`id\` =x\\n`;
      const r = spawnSync('/bin/sh', [path.resolve(__dirname, '../../../docker/images/watch/dwb.sh'), 'watch', '--every', '5m'], {
        env: { PATH: `${bin}:/usr/bin:/bin`, DWB_WATCH_ENV: `DW_PW=${pw}\n\nSLACK_HOOK=https://h/x?a=1&b=2` },
        encoding: 'utf8',
      });
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(r.stdout.split('\n').slice(0, 4), ['args=/opt/dw-workbench/dist/cli.js watch --every 5m', `pw=${pw}`, 'hook=https://h/x?a=1&b=2', 'rest=unset']);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});

/** A docker CLI and compose as data: answers like a running stack and records each compose call with its environment. */
function fakeDocker(
  o: { services?: string; watchLog?: string[]; watchContainer?: boolean; watchImageBuilt?: boolean; onBuild?: (context: string) => void } = {},
): ProcessRunner & { compose: ProcessSpec[]; docker: string[] } {
  const compose: ProcessSpec[] = [];
  const docker: string[] = [];
  return {
    compose,
    docker,
    run(spec) {
      const ok = (stdout = ''): Promise<{ code: number; stdout: string; stderr: string }> => Promise.resolve({ code: 0, stdout, stderr: '' });
      if (spec.command === 'fake-compose') {
        compose.push(spec);
        return ok(spec.args.includes('config') ? (o.services ?? 'postgres\npostgres-backup\ndwb-watch\n') : '');
      }
      const [verb] = spec.args;
      docker.push(spec.args.join(' '));
      if (verb === 'image' && spec.args[1] === 'inspect' && spec.args.at(-1)?.startsWith('dwb-watch:') && o.watchImageBuilt === false) {
        return Promise.resolve({ code: 1, stdout: '', stderr: 'No such image' });
      }
      if (verb === 'build') o.onBuild?.(spec.args.at(-1) ?? '');
      if (verb === 'ps') {
        const service = spec.args.find((a) => a.startsWith('label=com.docker.compose.service='))?.split('=')[2];
        return ok(service === 'dwb-watch' && o.watchContainer === false ? '' : `${service}-id\n`);
      }
      if (verb === 'inspect') return ok(JSON.stringify({ Status: 'running', Running: true, ExitCode: 0, Health: spec.args.at(-1) === 'dwb-watch-id' ? undefined : { Status: 'healthy' } }));
      if (verb === 'logs') return ok(spec.args.at(-1) === 'dwb-watch-id' ? (o.watchLog ?? ['2026-01-01T00:00:00.000Z watching every 1h with the ETL']).join('\n') : 'ready\n');
      return ok('28.0.0\n');
    },
  };
}

describe('the watch service in Start and Stop Stack (compose as data)', () => {
  let packageRoot: string;
  const password = 'Adm1n-Pa55word-xyz';
  const hook = 'https://hooks.example/services/T000/SECRET-TOKEN';
  before(() => {
    packageRoot = mkdtempSync(path.join(tmpdir(), 'dwb-watch-stack-'));
    for (const [rel, text] of [['package.json', '{"version":"0.1.0"}'], ['docker/images/watch/Dockerfile', 'FROM x'], ['docker/images/watch/dwb.sh', ''], ['dist/cli.js', 'cli']]) {
      mkdirSync(path.dirname(path.join(packageRoot, rel as string)), { recursive: true });
      writeFileSync(path.join(packageRoot, rel as string), text as string);
    }
  });
  after(() => rmSync(packageRoot, { recursive: true, force: true }));

  function stack(runner: ProcessRunner, events: StackEvent[], watch: Partial<WatchOptions> | undefined, more: Partial<ComposeStackOptions> = {}): ComposeStack {
    return new ComposeStack({
      definition: POSTGRES_STACK,
      compose: { version: 'v2', command: 'fake-compose', prefix: [], release: 'test' },
      runner,
      projectName: 'p',
      composeFile: '/ws/docker/compose.postgres.yml',
      backupDir: path.join(packageRoot, 'backups'),
      settings: { DWB_POSTGRES_PORT: '5433', DWB_WATCH_BASE_IMAGE: 'local/debian:trixie' },
      secrets: { POSTGRES_PASSWORD: password },
      ...(watch === undefined ? {} : {
        watch: {
          every: '1h', etl: true, packageRoot, projectRoot: '/ws', passwordEnv: 'DW_PW',
          webhooks: [{ name: 'slack', urlEnv: 'SLACK_HOOK' }, { name: 'teams', urlEnv: 'TEAMS_HOOK' }],
          webhookUrl: (name) => Promise.resolve(name === 'slack' ? hook : undefined),
          ...watch,
        },
      }),
      healthPollMs: 1,
      onEvent: (e) => events.push(e),
      ...more,
    });
  }

  const calls = (runner: { compose: ProcessSpec[] }): string[] => runner.compose.map((c) => `${c.args.slice(4).join(' ')}${c.env?.['COMPOSE_PROFILES'] === 'watch' ? ' [watch]' : ''}`);

  it('starts the server without the watch profile, then the watch service after bootstrap and connection, with the secrets in its environment only', async () => {
    const runner = fakeDocker();
    const events: StackEvent[] = [];
    const order: string[] = [];
    const s = stack(runner, events, {});
    const t = await startStack(s, {
      bootstrap: () => { order.push(`bootstrap after ${calls(runner).at(-1)}`); return Promise.resolve(); },
      checkConnection: () => { order.push('connection'); return Promise.resolve(); },
    });
    assert.deepEqual(calls(runner), ['config --services [watch]', 'up -d --remove-orphans', 'up -d dwb-watch [watch]']);
    assert.deepEqual(order, ['bootstrap after up -d --remove-orphans', 'connection']);
    assert.ok(t.watchMs >= 0);
    const phases = events.flatMap((e) => (e.type === 'phase' && e.state === 'done' ? [e.phase] : []));
    assert.deepEqual(phases, ['checks', 'up', 'health', 'bootstrap', 'connection', 'watch'], 'no build: the image exists');

    const up = runner.compose.at(-1)?.env ?? {};
    assert.equal(up['DWB_WATCH_ENV'], `DW_PW=${password}\nSLACK_HOOK=${hook}`, 'password under the project\'s passwordEnv, each webhook URL under its urlEnv');
    assert.match(up['DWB_WATCH_IMAGE'] ?? '', /^dwb-watch:0\.1\.0-[0-9a-f]{12}$/);
    assert.deepEqual([up['DWB_WATCH_EVERY'], up['DWB_WATCH_ETL'], up['DWB_PROJECT_DIR']], ['1h', '--etl', '/ws']);
    assert.ok(!runner.compose.some((c) => c.args.some((a) => a.includes(password) || a.includes('SECRET-TOKEN'))), 'no secret on a command line');
    assert.equal(runner.compose[1]?.env?.['DWB_WATCH_ENV'], undefined, 'the server\'s up does not carry the watch secrets');

    const said = JSON.stringify(events);
    assert.match(said, /webhook 'teams' has no URL \(TEAMS_HOOK\)/);
    assert.ok(!said.includes('SECRET-TOKEN') && !said.includes(password));
    assert.equal(s.mask(`posting to ${hook}`), 'posting to ****', 'a webhook URL is masked in every later line');
  });

  it('builds the image when its tag is missing, from a context with the CLI bundle, on the base image setting, then prunes day-old unused builds', async () => {
    let context: string[] = [];
    let contextDir = '';
    const runner = fakeDocker({
      watchImageBuilt: false,
      onBuild: (dir) => { contextDir = dir; context = readdirSync(dir, { recursive: true }).map(String).sort(); },
    });
    const events: StackEvent[] = [];
    await stack(runner, events, {}).up();
    const build = runner.docker.find((c) => c.startsWith('build '));
    assert.match(build ?? '', /^build --build-arg BASE_IMAGE=local\/debian:trixie --label dw-workbench\.service=watch -t (dwb-watch:0\.1\.0-[0-9a-f]{12}) \S+dwb-watch-image-\S+$/);
    assert.deepEqual(context, ['Dockerfile', 'dw-workbench', 'dw-workbench/dist', 'dw-workbench/dist/cli.js', 'dw-workbench/package.json', 'dwb.sh']);
    assert.ok(!existsSync(contextDir), 'the build context is removed');
    assert.deepEqual(runner.docker.filter((c) => c.startsWith('image prune')), ['image prune --all --force --filter label=dw-workbench.service=watch --filter until=24h']);
    assert.deepEqual(events.flatMap((e) => (e.type === 'phase' && e.state === 'done' ? [e.phase] : [])), ['build', 'checks', 'up', 'health']);
  });

  it('stops, follows logs and reports status with the watch service included', async () => {
    const runner = fakeDocker();
    const s = stack(runner, [], {});
    await s.down();
    await s.logs({ tail: 5 });
    assert.deepEqual(calls(runner), ['down --remove-orphans [watch]', 'logs --no-color --tail 5 [watch]']);
    assert.deepEqual(await s.serviceStatuses(), { postgres: 'healthy', 'postgres-backup': 'healthy', 'dwb-watch': 'healthy' });
  });

  it('with stack.watch off, removes a watch service left running and starts nothing more', async () => {
    const runner = fakeDocker();
    const events: StackEvent[] = [];
    await startStack(stack(runner, events, undefined));
    assert.deepEqual(calls(runner), ['up -d --remove-orphans', 'rm --stop --force dwb-watch [watch]']);
    assert.match(JSON.stringify(events), /dwb-watch: removed \(stack\.watch is off\)/);
    const quiet = fakeDocker({ watchContainer: false });
    await startStack(stack(quiet, [], undefined));
    assert.deepEqual(calls(quiet), ['up -d --remove-orphans']);
  });

  it('refuses stack.watch with a compose file that has no dwb-watch service, naming the setting and the file', async () => {
    const error = await stack(fakeDocker({ services: 'postgres\npostgres-backup\n' }), [], {}).up().catch((e: unknown) => e);
    assert.ok(error instanceof StackError);
    assert.equal(error.kind, 'watch-missing');
    assert.equal(error.setting, 'stack.watch');
    assert.match(error.message, /\/ws\/docker\/compose\.postgres\.yml has no 'dwb-watch' service/);
  });

  it('fails Start Stack with the service\'s last lines when the CLI in it refuses to start', async () => {
    const runner = fakeDocker({ watchLog: ['dwb watch: --every needs an interval such as 90s, 5m or 1h (got \'x\').'] });
    const error = await startStack(stack(runner, [], {})).catch((e: unknown) => e);
    assert.ok(error instanceof StackError, String(error));
    assert.equal(error.kind, 'watch-failed');
    assert.deepEqual(error.logTail, ['dwb watch: --every needs an interval such as 90s, 5m or 1h (got \'x\').']);
  });
});
