import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { composeProjectName, createProcessRunner } from '../../src/core/stack';
import { requireDocker, TEST_POSTGRES_IMAGE, useSetupDockerConfig } from '../stack/dockerTestEnv';
import { createWorkspace, windowPerSuite, type Workbench } from './harness';

// Before any e2e file starts code-server: its extension hosts find the compose v2 plugin there.
useSetupDockerConfig();

const STACK_CHANNEL = 'DW Workbench: Stack';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function statusBarText(wb: Workbench): Promise<string> {
  return wb.page.locator('.monaco-workbench .part.statusbar').innerText();
}

async function waitForStatusBar(wb: Workbench, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await statusBarText(wb)).includes(text)) return;
    await wb.page.waitForTimeout(500);
  }
  await wb.screenshot('status-bar-miss');
  assert.fail(`the status bar never showed "${text}" within ${timeoutMs} ms: ${JSON.stringify(await statusBarText(wb))}`);
}

describe('e2e: the Docker stack from VS Code', function () {
  const name = `stack-e2e-${randomBytes(3).toString('hex')}`;
  let port = 0;

  before(async function () {
    await requireDocker(this);
    port = await freePort();
  });

  const w = windowPerSuite((s) =>
    createWorkspace(s.workspacesDir, name, {
      name,
      engine: 'postgres',
      // The connection is the stack's administrator on its port: Start Stack hands it the password.
      connection: { host: '127.0.0.1', port, user: 'postgres' },
      databases: { oltp: 'dw_ecommerce', dw: 'dw_ecommerce' },
      stack: { healthTimeoutSeconds: 180, env: { DWB_POSTGRES_IMAGE: TEST_POSTGRES_IMAGE } },
    }),
  );

  after(async () => {
    // The volumes too: the stack was made for this run only.
    const runner = createProcessRunner();
    const label = `label=com.docker.compose.project=${composeProjectName(name)}`;
    const ids = (await runner.run({ command: 'docker', args: ['ps', '-aq', '--filter', label] })).stdout.split('\n').filter(Boolean);
    if (ids.length > 0) await runner.run({ command: 'docker', args: ['rm', '-f', '-v', ...ids] });
    const volumes = (await runner.run({ command: 'docker', args: ['volume', 'ls', '-q', '--filter', label] })).stdout.split('\n').filter(Boolean);
    if (volumes.length > 0) await runner.run({ command: 'docker', args: ['volume', 'rm', ...volumes] });
    await runner.run({ command: 'docker', args: ['network', 'rm', `${composeProjectName(name)}_default`] });
  });

  it('shows the stack as down in the status bar before it runs', async () => {
    const wb = w.workbench;
    await wb.waitForCommand('DW: Start Stack');
    await waitForStatusBar(wb, 'Stack: down', 30_000);
  });

  it('DW: Start Stack brings the server up healthy, and Test Connection works right after', async () => {
    const wb = w.workbench;
    await wb.runCommand('DW: Start Stack');
    const message = await wb.waitForNotification(/is ready on|failed/, 300_000);
    await wb.screenshot('started');
    assert.match(message, new RegExp(`^Stack ${composeProjectName(name)} is ready on 127\\.0\\.0\\.1:${port} `));
    await waitForStatusBar(wb, 'Stack: healthy', 30_000);

    await wb.runCommand('DW: Test Connection');
    assert.match(await wb.waitForNotification(/Connected:|failed/, 60_000), /^Connected: PostgreSQL \d+/);

    const lines = await wb.outputChannelLines(STACK_CHANNEL);
    assert.ok(lines.some((l) => /^Connected: PostgreSQL/.test(l)), `the stack channel lacks the connection check: ${JSON.stringify(lines)}`);
  });

  it('DW: Stop Stack stops it, and the status bar follows', async () => {
    const wb = w.workbench;
    await wb.runCommand('DW: Stop Stack');
    assert.match(await wb.waitForNotification(/stopped|failed/, 120_000), /stopped; its data is kept/);
    await waitForStatusBar(wb, 'Stack: down', 30_000);
  });
});
