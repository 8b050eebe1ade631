import { strict as assert } from 'node:assert';
import { createWorkspace, postgresDatabasePerSuite, postgresProject, windowPerSuite, type Workbench } from './harness';

/** Five statements; the third sleeps, so a cancel lands there and the last two must not run. */
const LONG = `-- a long script, cancelled while it sleeps
create table e2e_marks (step int);
insert into e2e_marks values (1);
select pg_sleep(120);
insert into e2e_marks values (2);
insert into e2e_marks values (3);
`;

const ROWS = 300;
const CLIENTES = `-- customers, for the results view
select g as sk_cliente, 'cliente ' || g as nome from generate_series(1, ${ROWS}) g;
`;

async function openFile(wb: Workbench, name: string, text: string): Promise<void> {
  await wb.page.keyboard.press('Control+P');
  await wb.page.locator('.quick-input-widget .quick-input-box input').fill(name);
  await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible', timeout: 60_000 });
  await wb.page.keyboard.press('Enter');
  await wb.page.locator('.monaco-editor .view-lines', { hasText: text }).first().waitFor({ state: 'visible', timeout: 60_000 });
}

describe('e2e: DW: Run Script cancel and reload (PostgreSQL)', function () {
  const db = postgresDatabasePerSuite();
  const w = windowPerSuite((s) => createWorkspace(s.workspacesDir, 'scripts-cancel', postgresProject('scripts', db.name), {
    'scripts/10_long.sql': LONG,
    'scripts/20_clientes.sql': CLIENTES,
  }));

  it('Cancel on the progress notification stops the script: the statements after the cancel point do not run', async function () {
    this.timeout(600_000);
    const wb = w.workbench;
    await wb.waitForCommand('DW: Run Script');
    await openFile(wb, '10_long.sql', 'a long script');
    await wb.runCommand('DW: Run Script');

    // The sleep is running on the server: the cancel lands inside statement 3 of 5.
    const sleeping = async (): Promise<number> => (await db.query<{ n: string }>(
      "select count(*) as n from pg_stat_activity where datname = current_database() and state = 'active' and query like 'select pg_sleep%'"))[0]?.n === '0' ? 0 : 1;
    await wb.until(async () => (await sleeping()) === 1, 120_000, () => 'pg_sleep never started on the server');
    const progress = wb.page.locator('.notifications-toasts .notification-list-item', { hasText: 'Running scripts/10_long.sql' }).first();
    await progress.waitFor({ state: 'visible', timeout: 30_000 });
    await wb.screenshot('running');
    await progress.hover();
    await progress.locator('.monaco-button', { hasText: 'Cancel' }).click();

    const message = await wb.waitForNotification(/Script cancelled/, 60_000);
    await wb.screenshot('cancelled-notification');
    assert.match(message, /^Script cancelled: 2 batch\(es\) ran, \d+ not run\.$/);
    await wb.until(async () => (await sleeping()) === 0, 30_000, () => 'pg_sleep still runs on the server after the cancel');
    // The run's summary line is written once the run is over: nothing of it runs after that.
    const summary = /5 batches: 2 ok, 0 failed, \d+ skipped in [\d.]+ s \(cancelled\)/;
    let lines: string[] = [];
    await wb.until(async () => (lines = await wb.outputChannelLines('DW Workbench: Scripts')).some((l) => summary.test(l)), 60_000,
      () => `no summary of the cancelled run in the Scripts channel: ${lines.join('\n')}`);
    await wb.screenshot('cancelled-output');
    assert.ok(!lines.some((l) => /batch [45]\/5/.test(l)), lines.join('\n'));
    // Statements 4 and 5 did not reach the server either.
    const steps = (await db.query<{ step: number }>('select step from e2e_marks order by step')).map((r) => r.step);
    assert.deepEqual(steps, [1], `rows in e2e_marks after the cancel: ${JSON.stringify(steps)}`);
  });

  it('Developer: Reload Window restores the results of the last run, marked as from before the reload, and Run again runs it', async function () {
    this.timeout(600_000);
    const wb = w.workbench;
    await wb.waitForCommand('DW: Run Script');
    await openFile(wb, '20_clientes.sql', 'customers, for the results view');
    const before = Date.now();
    await wb.runCommand('DW: Run Script');
    const frame = wb.visibleWebview();
    await frame.locator('.grid-rows > .row').first().waitFor({ state: 'visible', timeout: 180_000 });
    const after = Date.now();
    assert.match(await frame.getByTestId('results-status').innerText(), new RegExp(`^${ROWS} rows`));
    await wb.screenshot('results-before-reload');

    await wb.runCommand('Developer: Reload Window');
    await wb.page.waitForLoadState('domcontentloaded');
    await wb.page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 120_000 });
    const tab = wb.page.locator('.tabs-container .tab', { hasText: 'DW Results' });
    await tab.waitFor({ state: 'visible', timeout: 120_000 });
    await tab.click();
    const restored = wb.visibleWebview();
    const note = restored.getByTestId('results-restored');
    await note.waitFor({ state: 'visible', timeout: 180_000 });
    await restored.locator('.grid-rows > .row').first().waitFor({ state: 'visible', timeout: 60_000 });
    await wb.screenshot('results-restored');
    // The run's start, in the browser's time zone, as the note shows it.
    const clocks = await wb.page.evaluate((times: number[]) => times.map((t) => new Date(t).toLocaleTimeString('en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })), [before, after]);
    const text = (await note.innerText()).replace(/\s+/g, ' ');
    assert.ok(clocks.some((c) => text.includes(`From the run at ${c} before the reload.`)), `note: "${text}", run started between ${clocks.join(' and ')}`);
    assert.match(await restored.getByTestId('results-status').innerText(), new RegExp(`^${ROWS} rows`));
    assert.equal(await restored.locator('.grid-rows > .row[data-row="0"]').innerText(), '1\ncliente 1');

    await restored.getByTestId('run-again').click();
    await wb.until(async () => (await restored.getByTestId('results-restored').count()) === 0, 120_000, () => 'Run again did not start a new run');
    await restored.locator('.grid-rows > .row').first().waitFor({ state: 'visible', timeout: 120_000 });
    await wb.screenshot('results-run-again');
    assert.match(await restored.getByTestId('results-status').innerText(), new RegExp(`^${ROWS} rows`));
  });
});
