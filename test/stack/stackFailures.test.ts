import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createProcessRunner, isStackError, openComposeStack, waitForHealthy, type StackError } from '../../src/core/stack';
import { memorySecretStore, openTestPostgresStack, repoRoot, requireDocker, type TestStack } from './dockerTestEnv';

function stackError(kind: StackError['kind'], check: (e: StackError) => void = () => undefined) {
  return (e: unknown): boolean => {
    assert.ok(isStackError(e), `expected a StackError, got ${String(e)}`);
    assert.equal(e.kind, kind, e.message);
    check(e);
    return true;
  };
}

describe('stack failures the user can act on (real Docker engine)', function () {
  this.timeout(300_000);
  const opened: TestStack[] = [];

  before(async function () {
    await requireDocker(this);
  });

  after(async () => {
    for (const t of opened) await t.dispose();
  });

  it('a taken port is named, with the setting to change', async () => {
    const server: Server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    try {
      const t = await openTestPostgresStack({ port });
      opened.push(t);
      await assert.rejects(t.stack.up(), stackError('port-taken', (e) => {
        assert.equal(e.port, port);
        assert.equal(e.setting, 'DWB_POSTGRES_PORT');
        assert.match(e.message, new RegExp(`Port ${port} .*DWB_POSTGRES_PORT`));
      }));
      assert.equal(await t.stack.status(), 'down', 'nothing was started');
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('a daemon that does not answer is reported as daemon-down', async () => {
    const runner = createProcessRunner({ ...process.env, DOCKER_HOST: 'unix:///tmp/dwb-no-docker-daemon.sock' });
    const t = await openTestPostgresStack({ runner });
    opened.push(t);
    await assert.rejects(t.stack.up(), stackError('daemon-down', (e) => assert.match(e.message, /Docker daemon is not running/)));
  });

  it('docker missing from PATH is reported as docker-missing', async () => {
    const emptyBin = mkdtempSync(path.join(tmpdir(), 'dwb-nobin-'));
    try {
      const runner = createProcessRunner({ ...process.env, PATH: emptyBin });
      await assert.rejects(
        openComposeStack({
          engine: 'postgres', projectRoot: emptyBin, projectName: 'dwbtest-missing',
          bundledDockerDir: path.join(repoRoot, 'docker'), runner, secrets: memorySecretStore(),
        }),
        stackError('docker-missing'),
      );
    } finally {
      rmSync(emptyBin, { recursive: true, force: true });
    }
  });

  it('an image that is missing and cannot be pulled is named, with the setting to change', async () => {
    const t = await openTestPostgresStack({ env: { DWB_POSTGRES_IMAGE: 'local/dwb-no-such-image:1' } });
    opened.push(t);
    await assert.rejects(t.stack.up(), stackError('image-missing', (e) => {
      assert.equal(e.image, 'local/dwb-no-such-image:1');
      assert.equal(e.setting, 'DWB_POSTGRES_IMAGE');
    }));
  });

  it('health that never comes times out with the container\'s last log lines', async () => {
    // The first healthcheck runs only after one interval: an hour means never, within the test.
    const t = await openTestPostgresStack({ env: { DWB_HEALTH_INTERVAL: '1h' } });
    opened.push(t);
    const { stack } = t;
    assert.equal((await stack.compose(['up', '-d', 'postgres'])).code, 0);
    // Wait until the server has logged, so the error has lines to carry whatever the machine's speed.
    const [id] = await stack.docker.serviceContainers(stack.projectName, 'postgres');
    for (let i = 0; i < 120 && !(await stack.docker.logTail(id ?? '', 20)).some((l) => /ready to accept/.test(l)); i++) {
      await new Promise((r) => setTimeout(r, 500));
    }
    await assert.rejects(
      waitForHealthy({ docker: stack.docker, projectName: stack.projectName, service: 'postgres', timeoutMs: 1500, pollMs: 300, mask: stack.mask }),
      stackError('health-timeout', (e) => {
        assert.equal(e.service, 'postgres');
        assert.ok(e.logTail.some((l) => /ready to accept connections/.test(l)), `log tail: ${e.logTail.join(' | ')}`);
        assert.match(e.message, /did not become healthy within 2 s .*starting.*healthTimeoutSeconds/);
      }),
    );
    assert.equal(await stack.status(), 'starting');
  });

  it('falls back to compose v1 (docker-compose) when the v2 plugin is absent, and runs the stack with it', async () => {
    const noPlugins = mkdtempSync(path.join(tmpdir(), 'dwb-docker-config-'));
    try {
      const runner = createProcessRunner({ ...process.env, DOCKER_CONFIG: noPlugins });
      const t = await openTestPostgresStack({ runner });
      opened.push(t);
      assert.equal(t.stack.options.compose.version, 'v1');
      assert.equal(t.stack.options.compose.command, 'docker-compose');
      await t.stack.up();
      assert.equal(await t.stack.status(), 'healthy');
      await t.stack.destroy();
      assert.equal(await t.stack.status(), 'down');
    } finally {
      rmSync(noPlugins, { recursive: true, force: true });
    }
  });
});
