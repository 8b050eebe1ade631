import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { skipBecause } from '../support/skip';
import { scaffoldProject } from '../../src/core/scaffold/scaffold';
import { bootstrapFromPalette, hidePanel, openMonitorAtRun, repoRoot, rowDescription, runEnd, runEtlTask, eventually, retried, shownOption, stepper, terminal, waitForEntityLoaded, windowPerSuite, type Workbench } from './harness';

/**
 * A new user's first hour through the UI only: the walkthrough scaffolds a PostgreSQL project;
 * then, on a project of their own, bootstrap, the dim_cliente ETL task, the monitor, the rest
 * of the star, the sales dashboard and a reload. The two scenarios have windows and folders of
 * their own; the second one's steps build on each other (a dashboard needs the loaded star), so
 * they are one scenario, whose failure names its step.
 */
describe('e2e: first steps on PostgreSQL', function () {
  let reachable = false;
  const admin = (): Client => new Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' });

  before(async function () {
    const client = admin();
    try {
      await client.connect();
      reachable = true;
    } catch (e) {
      skipBecause(this, `no PostgreSQL at 127.0.0.1:5432 (${e instanceof Error ? e.message : String(e)})`);
    } finally {
      await client.end().catch(() => undefined);
    }
  });

  describe('the walkthrough', function () {
    let folder = '';
    // An empty folder, as a new user opens before creating a project.
    const w = windowPerSuite((s) => {
      folder = path.join(s.workspacesDir, 'first-project');
      mkdirSync(folder, { recursive: true });
      return folder;
    });

    it('shows the DW Workbench walkthrough, whose first step scaffolds a PostgreSQL project and is then ticked', async function () {
      this.timeout(600_000);
      const wb = w.workbench;
      await wb.runCommand('Welcome: Open Walkthrough...');
      await wb.pick('Get started with DW Workbench');
      const titles = wb.page.locator('.gettingStartedContainer .getting-started-step .step-title');
      await titles.first().waitFor({ state: 'visible', timeout: 60_000 });
      await wb.screenshot('walkthrough');
      assert.deepEqual((await titles.allInnerTexts()).map((t) => t.trim()), [
        'Create or describe a project',
        'Choose where it runs',
        'Bootstrap the warehouse',
        'Run the ETL',
        'Open the dashboards',
      ]);

      const step = wb.page.locator('.gettingStartedContainer .getting-started-step', { hasText: 'Create or describe a project' });
      await step.click();
      await step.getByRole('button', { name: 'New Warehouse Project' }).click();
      await wb.pick('PostgreSQL', 180_000);
      // The open folder is empty: the project goes there, served by its own Docker stack.
      await wb.pick('This folder');
      await wb.pick("The project's Docker stack");
      await wb.page.locator('.tabs-container .tab', { hasText: 'dw-workbench.json' }).waitFor({ state: 'visible', timeout: 60_000 });
      await wb.screenshot('project-scaffolded');
      const project = JSON.parse(readFileSync(path.join(folder, 'dw-workbench.json'), 'utf8')) as { engine: string };
      assert.equal(project.engine, 'postgres');
      await wb.waitForCommand('DW: Bootstrap Warehouse');

      // The walkthrough ticks its first step once a project is loaded.
      await wb.page.locator('.tabs-container .tab', { hasText: 'Welcome' }).click();
      await wb.page.locator('.gettingStartedContainer .getting-started-step[aria-checked="true"]', { hasText: 'Create or describe a project' })
        .waitFor({ state: 'visible', timeout: 60_000 });
      await wb.screenshot('walkthrough-step-done');
    });
  });

  describe('a new warehouse', function () {
    const database = `dwb_e2e_journey_${randomBytes(4).toString('hex')}`;
    let folder = '';
    // The project a new user has scaffolded (as the walkthrough's step does), pointed, like a
    // user with a server of their own, at the machine's PostgreSQL and a database bootstrap creates.
    const w = windowPerSuite((s) => {
      folder = path.join(s.workspacesDir, 'first-warehouse');
      const { projectFile } = scaffoldProject({ engine: 'postgres', target: folder, assetsRoot: repoRoot });
      const project = JSON.parse(readFileSync(projectFile, 'utf8')) as { connection: { port: number }; databases: Record<string, string>; variables: Record<string, string> };
      project.connection.port = 5432;
      project.databases = { oltp: database, dw: database };
      // Only dim_cliente active, as in the users' own warehouse: the rest of the star is switched on from the tree.
      project.variables['ETL_ACTIVE_ENTITIES'] = 'dim_cliente';
      writeFileSync(projectFile, `${JSON.stringify(project, null, 2)}\n`);
      return folder;
    });

    after(async () => {
      if (!reachable) return;
      const client = admin();
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await client.end();
    });

    it('bootstrap, the dim_cliente task, the monitor, the rest of the star from the tree, the sales dashboard, and a reload that restores both dashboards', async function () {
      this.timeout(1_800_000);
      const wb = w.workbench;
      const step = stepper(wb);
      await wb.waitForCommand('DW: Bootstrap Warehouse');

      await step('DW: Bootstrap Warehouse from the palette builds the warehouse, and the tree lists the entities', async () => {
        assert.match(await bootstrapFromPalette(wb, 600_000), /^Warehouse ready: 4 step\(s\) ran, 0 skipped\./);
        await wb.screenshot('entities-tree');
        const labels = (await wb.page.locator('.part.sidebar .monaco-list-row .label-name').allInnerTexts()).map((l) => l.trim());
        for (const entity of ['dim_cliente', 'dim_produto', 'fact_vendas']) assert.ok(labels.includes(entity), `tree rows: ${JSON.stringify(labels)}`);
        assert.match(await rowDescription(wb, 'dim_cliente'), /never run/);
      });

      let runId = 0;
      await step('Run Task > dw-etl > dim_cliente shows batches and SUCCESS in the terminal; the tree turns green with the rows', async () => {
        await runEtlTask(wb, 'DW Workbench: dim_cliente');
        await wb.until(async () => /dim_cliente: batch \d+: 1000 rows/.test(await terminal(wb)), 180_000, async () => `no batch line in the terminal: ${await terminal(wb)}`);
        await wb.screenshot('etl-progress');
        const end = await runEnd(wb, 0, 300_000);
        await wb.screenshot('etl-finished');
        assert.match(end.text, /dim_cliente: SUCCESS in [\d.]+ s: 10000 extracted, 10000 upserted in 10 batch\(es\)/);
        assert.match(end.line, /SUCCESS in [\d.]+ s \(1 succeeded, 0 failed\)/);
        runId = end.id;
        await waitForEntityLoaded(wb, 'dim_cliente', '10,000', 60_000);
        assert.match(await rowDescription(wb, 'dim_cliente'), /^10,000 rows · last run .+ ago · lag /);
        await wb.screenshot('tree-green');
      });

      await step('DW: Open ETL Monitor lists that run with dim_cliente in its detail', async () => {
        const { frame, row: run, cells } = await openMonitorAtRun(wb, runId);
        assert.equal(cells[0], String(runId), `run row: ${JSON.stringify(cells)}`);
        assert.equal(cells[1], 'success', `run row: ${JSON.stringify(cells)}`);
        assert.equal(cells[2], 'dim_cliente', `run row: ${JSON.stringify(cells)}`);
        assert.match(cells[7] ?? '', /^VS Code \(/);
        await run.click();
        const detail = frame.locator('[data-testid="runDetail"] tbody tr', { hasText: 'dim_cliente' });
        await detail.waitFor({ state: 'visible', timeout: 60_000 });
        const detailCells = (await detail.locator('td').allInnerTexts()).map((c) => c.trim());
        // Counts in the UI language's number format (English here), as the charts print them.
        assert.deepEqual(detailCells.slice(0, 4), ['dim_cliente', 'success', '10,000', '10,000']);
        await wb.screenshot('monitor');
      });

      await step('the rest of the star from the tree: Run on dim_regiao, Activate on the others, then DW: Run ETL > All active entities', async () => {
        await wb.openViewContainer('DW Workbench');
        // The row's inline Run action, on an entity that is inactive by default.
        const regiao = wb.treeRow('dim_regiao');
        await regiao.hover();
        await regiao.locator('.actions .action-label[aria-label="Run"]').click();
        const regiaoRun = (await runEnd(wb, runId, 300_000)).id;
        await waitForEntityLoaded(wb, 'dim_regiao', '39', 60_000, { inactive: true });
        await wb.screenshot('dim-regiao-loaded');

        // Activate (context menu) puts an entity in the "all active entities" run.
        for (const entity of Object.keys(STAR)) await activateFromMenu(wb, entity);
        await wb.screenshot('activated');

        await wb.runCommand('DW: Run ETL');
        await wb.pick('All active entities');
        const all = await runEnd(wb, regiaoRun, 600_000);
        await wb.screenshot('all-active-run');
        assert.match(all.line, /SUCCESS in [\d.]+ s \(5 succeeded, 0 failed\)/);
        for (const [entity, rows] of Object.entries(STAR)) await waitForEntityLoaded(wb, entity, rows, 60_000);
        await wb.screenshot('star-loaded');
      });

      await step('DW: Open Sales Dashboard shows KPIs, and a period preset changes them', async () => {
        await hidePanel(wb);
        await wb.runCommand('DW: Open Sales Dashboard');
        const frame = wb.visibleWebview();
        const revenue = frame.locator('[data-testid="kpi-netRevenue"]');
        await revenue.waitFor({ state: 'visible', timeout: 120_000 });
        const before = Number(await revenue.getAttribute('data-value'));
        const beforeText = await revenue.locator('.value').innerText();
        assert.ok(before > 0, `net revenue shown: ${beforeText}`);
        await wb.screenshot('sales');

        const rendered = await frame.locator('main').getAttribute('data-rendered');
        // A new dashboard opens on the last 30 days of sales; narrow it to the last 7.
        const period = frame.locator('[data-testid="filter-preset"]');
        assert.equal(await shownOption(period), 'Last 30 days');
        await period.click();
        await period.getByRole('option', { name: 'Last 7 days', exact: true }).click();
        await frame.locator(`main:not([data-rendered="${rendered}"])`).waitFor({ state: 'attached', timeout: 120_000 });
        const after = Number(await frame.locator('[data-testid="kpi-netRevenue"]').getAttribute('data-value'));
        const afterText = await frame.locator('[data-testid="kpi-netRevenue"] .value').innerText();
        assert.equal(await shownOption(frame.locator('[data-testid="filter-preset"]')), 'Last 7 days');
        assert.ok(after > 0 && after < before, `net revenue ${beforeText} -> ${afterText} after choosing the last 7 days`);
        await wb.screenshot('sales-last-7-days');
      });

      await step('Developer: Reload Window restores both dashboards', async () => {
        await wb.runCommand('Developer: Reload Window');
        await wb.page.waitForLoadState('domcontentloaded');
        await wb.page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 120_000 });
        const monitorTab = wb.page.locator('.tabs-container .tab', { hasText: 'ETL Monitor' });
        const salesTab = wb.page.locator('.tabs-container .tab', { hasText: 'Sales Dashboard' });
        await monitorTab.waitFor({ state: 'visible', timeout: 120_000 });
        await salesTab.waitFor({ state: 'visible', timeout: 120_000 });

        await salesTab.click();
        const revenue = wb.visibleWebview().locator('[data-testid="kpi-netRevenue"]');
        await revenue.waitFor({ state: 'visible', timeout: 180_000 });
        await wb.screenshot('sales-restored');
        // The filters the webview saved come back with it.
        assert.equal(await shownOption(wb.visibleWebview().locator('[data-testid="filter-preset"]')), 'Last 7 days');

        await monitorTab.click();
        await wb.visibleWebview().locator('[data-testid="recentRuns"] tbody tr').first().waitFor({ state: 'visible', timeout: 180_000 });
        await wb.screenshot('monitor-restored');
      });
    });
  });
});

/** Activated and loaded by the "all active entities" run, after dim_cliente and dim_regiao. */
const STAR: Readonly<Record<string, string>> = { dim_equipe: '10', dim_vendedor: '100', dim_produto: '1,000', fact_vendas: '112,217' };

/**
 * Activate from the row's context menu until the row says it is active. The browser can take a
 * choice made right after the menu opens for the end of the right-click and drop it (the menu
 * closes, nothing runs), so an attempt whose row stays inactive opens the menu again, at most
 * three times; the row must still turn active through the menu.
 */
async function activateFromMenu(wb: Workbench, entity: string): Promise<void> {
  const active = async (): Promise<boolean> => !/inactive/.test(await rowDescription(wb, entity));
  await retried(`${entity} > Activate`, 3, async () => {
    if (await active()) return true;
    await wb.treeRow(entity).click({ button: 'right' });
    const menu = wb.page.locator('.context-view .monaco-menu');
    const activate = menu.locator('.action-item:visible', { hasText: /^\s*Activate\s*$/ }).first();
    if (await activate.waitFor({ state: 'visible', timeout: 15_000 }).then(() => true, () => false)) {
      // Pointing at the item focuses it, and Enter chooses it.
      await activate.hover();
      await wb.page.keyboard.press('Enter');
    }
    if (!(await menu.waitFor({ state: 'hidden', timeout: 10_000 }).then(() => true, () => false))) await wb.page.keyboard.press('Escape');
    return eventually(active, 30_000);
  }, async () => `${entity} row: ${await rowDescription(wb, entity)}`);
}
