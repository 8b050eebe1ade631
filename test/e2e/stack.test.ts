import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { composeProjectName, createProcessRunner } from '../../src/core/stack';
import { requireDocker, requireWatchImage, TEST_POSTGRES_IMAGE, TEST_WATCH_BASE_IMAGE, useSetupDockerConfig } from '../stack/dockerTestEnv';
import { createWorkspace, outputChannelFiles, stepper, windowPerSuite, type Workbench } from './harness';
import { freePort } from '../support/freePort';

// Before any e2e file starts code-server: its extension hosts find the compose v2 plugin there.
useSetupDockerConfig();

const STACK_CHANNEL = 'DW Workbench: Stack';

async function statusBarText(wb: Workbench): Promise<string> {
  return wb.page.locator('.monaco-workbench .part.statusbar').innerText();
}

async function waitForStatusBar(wb: Workbench, text: string, timeoutMs: number): Promise<void> {
  const shown = await wb.page.locator('.monaco-workbench .part.statusbar', { hasText: text }).waitFor({ state: 'visible', timeout: timeoutMs }).then(() => true, () => false);
  if (shown) return;
  await wb.screenshot('status-bar-miss');
  assert.fail(`the status bar never showed "${text}" within ${timeoutMs} ms: ${JSON.stringify(await statusBarText(wb))}`);
}

/** Clicks a button of the modal dialog that shows `text`. */
async function answerDialog(wb: Workbench, text: RegExp, button: string): Promise<void> {
  const dialog = wb.page.locator('.monaco-dialog-box', { hasText: text });
  await dialog.waitFor({ state: 'visible', timeout: 60_000 });
  await wb.screenshot('dialog');
  await dialog.locator('.dialog-buttons .monaco-button', { hasText: button }).first().click();
}

describe('e2e: the Docker stack from VS Code', function () {
  const name = `stack-e2e-${randomBytes(3).toString('hex')}`;
  const stackName = composeProjectName(name);
  let port = 0;
  let workspace = '';
  const runner = createProcessRunner();
  const label = `label=com.docker.compose.project=${stackName}`;
  const volumes = async (): Promise<string[]> =>
    (await runner.run({ command: 'docker', args: ['volume', 'ls', '-q', '--filter', label] })).stdout.split('\n').filter(Boolean);

  const watchContainers = async (): Promise<string[]> =>
    (await runner.run({ command: 'docker', args: ['ps', '-aq', '--filter', label, '--filter', 'label=com.docker.compose.service=dwb-watch'] })).stdout.split('\n').filter(Boolean);

  before(async function () {
    await requireDocker(this);
    await requireWatchImage(this);
    port = await freePort();
  });

  const w = windowPerSuite((s) => {
    workspace = createWorkspace(s.workspacesDir, name, {
      name,
      engine: 'postgres',
      // The connection is the stack's administrator on its port: Start Stack hands it the password.
      connection: { host: '127.0.0.1', port, user: 'postgres' },
      databases: { oltp: 'dw_ecommerce', dw: 'dw_ecommerce' },
      // The watch service, alerts only: this project has no warehouse, the CLI suite's stack test loads one.
      stack: { healthTimeoutSeconds: 180, watch: { every: '1h', etl: false }, env: { DWB_POSTGRES_IMAGE: TEST_POSTGRES_IMAGE, DWB_WATCH_BASE_IMAGE: TEST_WATCH_BASE_IMAGE } },
    });
    return workspace;
  });

  after(async () => {
    // Whatever a failed scenario left: containers, volumes, network of this run's stack.
    const ids = (await runner.run({ command: 'docker', args: ['ps', '-aq', '--filter', label] })).stdout.split('\n').filter(Boolean);
    if (ids.length > 0) await runner.run({ command: 'docker', args: ['rm', '-f', '-v', ...ids] });
    const left = await volumes();
    if (left.length > 0) await runner.run({ command: 'docker', args: ['volume', 'rm', ...left] });
    await runner.run({ command: 'docker', args: ['network', 'rm', `${stackName}_default`] });
  });

  it('shows the stack as down in the status bar before it runs', async function () {
    this.timeout(300_000);
    const wb = w.workbench;
    await wb.waitForCommand('DW: Start Stack');
    await waitForStatusBar(wb, 'Stack: down', 60_000);
  });

  it('DW: Start Stack on a port in use says which, and offers to open the project file', async function () {
    this.timeout(600_000);
    const wb = w.workbench;
    await wb.waitForCommand('DW: Start Stack');
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    try {
      await wb.runCommand('DW: Start Stack');
      const message = await wb.waitForNotification(/already in use|is ready on/, 300_000);
      assert.match(message, new RegExp(`^Start Stack failed: Port ${port} on 127\\.0\\.0\\.1 is already in use.*DWB_POSTGRES_PORT`));
      const toast = wb.page.locator('.notifications-toasts .notification-list-item', { hasText: 'already in use' }).first();
      await toast.locator('.monaco-button', { hasText: 'Open Project File' }).waitFor({ state: 'visible', timeout: 30_000 });
      await wb.screenshot('port-taken');
    } finally {
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
    await wb.runCommand('Notifications: Clear All Notifications');
    await waitForStatusBar(wb, 'Stack: down', 60_000);
  });

  // Each step needs the stack the steps before left (running, backed up, stopped): one scenario.
  it('the stack\'s life: Start (healthy, Test Connection works, the watch service running), Show Stack Logs, Backup Now, Restore Backup…, Stop, Destroy', async function () {
    this.timeout(1_800_000);
    const wb = w.workbench;
    const step = stepper(wb);
    await wb.waitForCommand('DW: Start Stack');

    await step('DW: Start Stack brings the server up healthy, and Test Connection works right after', async () => {
      await wb.runCommand('DW: Start Stack');
      const message = await wb.waitForNotification(/is ready on|failed/, 600_000);
      await wb.screenshot('started');
      assert.match(message, new RegExp(`^Stack ${stackName} is ready on 127\\.0\\.0\\.1:${port} `));
      assert.match(message, /The watch service evaluates the alerts every 1h; 'DW: Show Stack Logs' shows it\.$/);
      assert.equal((await watchContainers()).length, 1, 'Start Stack started the watch service');
      await waitForStatusBar(wb, 'Stack: healthy', 60_000);

      await wb.runCommand('DW: Test Connection');
      assert.match(await wb.waitForNotification(/Connected:|failed/, 120_000), /^Connected: PostgreSQL \d+/);

      const lines = await wb.outputChannelLines(STACK_CHANNEL);
      assert.ok(lines.some((l) => /^Connected: PostgreSQL/.test(l)), `the stack channel lacks the connection check: ${JSON.stringify(lines)}`);
    });

    await step('DW: Show Stack Logs follows the services\' logs into the Stack channel', async () => {
      await wb.runCommand('DW: Show Stack Logs');
      await wb.waitForNotification(/Following the logs of stack/, 60_000);
      let lines: string[] = [];
      await wb.until(async () => (lines = await wb.outputChannelLines(STACK_CHANNEL)).some((l) => /^postgres-1\s+\|/.test(l)), 120_000,
        () => `no server log line in the channel: ${JSON.stringify(lines.slice(-10))}`);
      // The server's log can fill more lines than the view shows (only those are rendered), and the
      // view's filter keeps whole blocks of this channel: the watch service's line is looked for in
      // the channel's file, which holds all it shows.
      const session = w.session;
      if (session === undefined) throw new Error('the window has no e2e session');
      // This window's channel: the one that names this run's stack.
      let watchLines: string[] = [];
      await wb.until(() => {
        const channel = outputChannelFiles(session, /DW Workbench[^/]*Stack[^/]*\.log$/).find((text) => text.includes(stackName)) ?? '';
        watchLines = channel.split(/\r?\n/).filter((l) => l.includes('dwb-watch-1'));
        return Promise.resolve(watchLines.some((l) => /dwb-watch-1\s+\|\s+\S+ watching every 1h/.test(l)));
      }, 120_000, () => `no watch service line in the stack channel: ${JSON.stringify(watchLines)}`);
      await wb.screenshot('logs');
    });

    await step('DW: Backup Now writes a dump of the warehouse database into the project', async () => {
      await wb.runCommand('DW: Backup Now');
      assert.match(await wb.waitForNotification(/Backed up|failed/, 300_000), /^Backed up 1 database\(s\): dw_ecommerce_\d{8}T\d{6}Z\.dump/);
      assert.ok(readdirSync(path.join(workspace, '.dw/backups')).some((f) => /^dw_ecommerce_.*\.dump$/.test(f)));
    });

    await step('DW: Restore Backup… lists the backup, confirms in a modal, restores it', async () => {
      await wb.runCommand('DW: Restore Backup…');
      const row = wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'dw_ecommerce' }).first();
      await row.waitFor({ state: 'visible', timeout: 60_000 });
      await wb.screenshot('restore-picker');
      await row.click();
      await answerDialog(wb, /Replace dw_ecommerce with the backup of/, 'Restore');
      assert.match(await wb.waitForNotification(/Restored|failed/, 300_000), /^Restored dw_ecommerce_\d{8}T\d{6}Z\.dump\./);
    });

    await step('DW: Stop Stack stops it, and the status bar follows', async () => {
      await wb.runCommand('DW: Stop Stack');
      assert.match(await wb.waitForNotification(/stopped|failed/, 300_000), /stopped; its data is kept/);
      await waitForStatusBar(wb, 'Stack: down', 60_000);
      assert.ok((await volumes()).length > 0, 'Stop Stack must keep the volumes');
      assert.deepEqual(await watchContainers(), [], 'Stop Stack removes the watch service too');
    });

    await step('DW: Destroy Stack deletes the volumes only after the modal and the typed name', async () => {
      await wb.runCommand('DW: Destroy Stack');
      await answerDialog(wb, new RegExp(`Destroy the stack ${stackName}`), 'Destroy');
      const input = wb.page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ state: 'visible', timeout: 30_000 });
      await input.fill(`${stackName}-typo`);
      await wb.page.locator('.quick-input-widget', { hasText: 'exactly' }).waitFor({ state: 'visible', timeout: 30_000 });
      await wb.screenshot('destroy-typo');
      await input.fill(stackName);
      await wb.page.keyboard.press('Enter');
      assert.match(await wb.waitForNotification(/destroyed|failed/, 300_000), new RegExp(`^Stack ${stackName} destroyed`));
      assert.deepEqual(await volumes(), []);
      // Backups survive Destroy.
      assert.ok(readdirSync(path.join(workspace, '.dw/backups')).length > 0);
    });
  });
});
