import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { dropDatabase, throwawayName } from '../support/throwawayDatabase';
import { bootstrapFromPalette, eventually, retried, rowDescription, runEnd, skipWithoutPostgres, stepper, waitForEntityLoaded, windowPerSuite, type Workbench } from './harness';

const NINE = ['dim_cliente', 'dim_produto', 'dim_regiao', 'dim_equipe', 'dim_vendedor', 'dim_desconto', 'fact_vendas', 'fact_metas', 'fact_descontos'];

/**
 * A new user with a PostgreSQL server and nothing else: from an empty window, "DW: New Warehouse
 * Project" asks the engine, where the project folder goes and which server it uses (the
 * machine's PostgreSQL, its connection tested before anything is written), opens the new folder,
 * and the bootstrap plus one "all active entities" run load the whole star. UI only; each step
 * needs the one before, so they are one scenario, whose failure names its step.
 */
describe('e2e: a new warehouse project from an empty window', function () {
  // Not created here: the project's bootstrap creates it.
  const database = throwawayName('dwb_e2e_new');
  let parent = '';

  before(async function () {
    await skipWithoutPostgres(this);
  });
  after(async () => dropDatabase(database));

  const w = windowPerSuite((s) => {
    parent = path.join(s.workspacesDir, 'projects');
    mkdirSync(parent, { recursive: true });
    return undefined;
  });

  it('asks engine, folder and server, tests the connection, opens the new folder; the bootstrap and one run load all nine entities', async function () {
    this.timeout(1_800_000);
    const wb = w.workbench;
    const step = stepper(wb);
    const folder = path.join(parent, 'sales-dw');

    await step('DW: New Warehouse Project > PostgreSQL > a new folder > a server that runs now writes the project and opens its folder', async () => {
      // No folder is open: VS Code's folder dialog asks where the project folder goes. The name
      // box after it says which folder the dialog took; the dialog can take its own start folder
      // instead of the path typed into it (seen under load: /root). Then the command is cancelled
      // there, before anything is written, and run again.
      // "Name of the new project folder in /root (Press 'Enter' to confirm or 'Escape' to cancel)"
      const named = /^Name of the new project folder in (.+?)(?: \(Press .*)?$/;
      let message = '';
      await retried('New Warehouse Project > PostgreSQL > folder dialog', 3, async () => {
        await wb.runCommand('DW: New Warehouse Project');
        await wb.pick('PostgreSQL', 180_000);
        await chooseFolder(wb, parent, 'Create Project Folder Here');
        message = await wb.waitForInput(named);
        if (named.exec(message)?.[1] === parent) return true;
        await wb.closeQuickInput();
        return false;
      }, () => `the name box asks ${JSON.stringify(message)}, not for a folder in ${parent}`);
      assert.equal(await wb.answerInput(named, 'sales-dw'), 'dw-warehouse');
      await wb.pick('A PostgreSQL server that runs now');
      // The offers are what a local PostgreSQL has; the database is this run's own.
      assert.equal(await wb.answerInput(/^Host of the PostgreSQL server/), '127.0.0.1');
      assert.equal(await wb.answerInput(/^Port/), '5432');
      assert.equal(await wb.answerInput(/^User/), 'postgres');
      assert.equal(await wb.answerInput(/^Database/, database), 'dw_ecommerce');
      // Trust authentication: no password.
      await wb.answerInput(/^Password of postgres/, '');
      // The window opens the new folder once the connection test passed and the files are written.
      await wb.page.waitForURL((url) => url.searchParams.get('folder') === folder, { timeout: 180_000 });
      await wb.page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 180_000 });
      await wb.waitForCommand('DW: Bootstrap Warehouse', 180_000);
      await wb.screenshot('new-project-opened');
      const project = JSON.parse(readFileSync(path.join(folder, 'dw-workbench.json'), 'utf8')) as Record<string, unknown>;
      assert.deepEqual(project['connection'], { host: '127.0.0.1', port: 5432, user: 'postgres' });
      assert.deepEqual(project['databases'], { oltp: database, dw: database });
      assert.equal(project['stack'], undefined, 'a project on a running server has no stack');
      assert.equal((project['variables'] as Record<string, unknown>)['ETL_ACTIVE_ENTITIES'], 'all');
    });

    await step('DW: Bootstrap Warehouse creates the database and registers the nine entities, all active', async () => {
      assert.match(await bootstrapFromPalette(wb, 600_000), /^Warehouse ready: 4 step\(s\) ran, 0 skipped\./);
      for (const entity of NINE) {
        await wb.treeRow(entity).waitFor({ state: 'visible', timeout: 60_000 });
        // Active: an inactive entity's row says "inactive" first.
        assert.match(await rowDescription(wb, entity), /^0 rows · never run/, entity);
      }
      await wb.screenshot('nine-entities');
      // The project uses no Docker stack: the status bar says nothing of one.
      assert.doesNotMatch(await wb.page.locator('.monaco-workbench .part.statusbar').innerText(), /Stack/);
    });

    await step('DW: Run ETL > All active entities loads the whole star in one run', async () => {
      await wb.runCommand('DW: Run ETL');
      await wb.pick('All active entities');
      const end = await runEnd(wb, 0, 900_000);
      await wb.screenshot('all-loaded-terminal');
      assert.match(end.line, /SUCCESS in [\d.]+ s \(9 succeeded, 0 failed\)/);
      await waitForEntityLoaded(wb, 'dim_cliente', '10,000', 60_000);
      await waitForEntityLoaded(wb, 'fact_vendas', '112,217', 60_000);
      for (const entity of NINE) {
        await wb.until(async () => /^[1-9][\d,]* rows · /.test(await rowDescription(wb, entity)), 60_000, async () => `${entity} row: ${await rowDescription(wb, entity)}`);
      }
      await wb.screenshot('all-loaded-tree');
    });
  });
});

/**
 * Chooses `folder` in VS Code's own folder dialog (the browser has no native one): its path goes
 * into the dialog's box, and its button (`okLabel`) accepts it.
 */
async function chooseFolder(wb: Workbench, folder: string, okLabel: string): Promise<void> {
  const input = wb.page.locator('.quick-input-widget .quick-input-box input');
  const ok = wb.page.locator('.quick-input-widget .monaco-button', { hasText: okLabel }).first();
  await ok.waitFor({ state: 'visible', timeout: 60_000 });
  // Its own start folder in the box first (a folder path ends with a slash): typing before that lands is overwritten.
  await eventually(async () => (await input.inputValue()).endsWith('/'), 10_000);
  // The dialog fills its box with its own start folder once it has read it: a path typed before
  // that is replaced (seen: the box back at /root/ and the click taken for nothing). The path is
  // typed again until the box holds it, and the click took when the dialog closes.
  await retried(`folder dialog > ${okLabel}`, 3, async () => {
    await input.fill(`${folder}/`);
    if (!(await eventually(async () => (await input.inputValue()) === `${folder}/`, 5_000))) return false;
    await wb.screenshot('folder-dialog');
    await ok.click();
    return eventually(async () => !(await ok.isVisible()), 15_000);
  }, async () => `the dialog still shows ${JSON.stringify(await input.inputValue().catch(() => '?'))}`);
}
