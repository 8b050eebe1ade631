import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { bootstrapFromPalette, openMonitorAtRun, rowDescription, runEnd, stepper, waitForEntityLoaded, windowPerSuite } from './harness';

/**
 * The same first steps on the engine a new project suggests for trying things out: the embedded
 * PGlite, whose one data directory the bootstrap, the ETL task, the tree and the monitor share
 * inside the extension host. UI only, on an empty folder of its own; each step needs what the
 * one before built, so they are one scenario, whose failure names its step.
 */
describe('e2e: first steps on the embedded engine (PGlite)', function () {
  let folder = '';
  const w = windowPerSuite((s) => {
    folder = path.join(s.workspacesDir, 'embedded-warehouse');
    mkdirSync(folder, { recursive: true });
    return folder;
  });

  it('scaffolds a PGlite project, bootstraps it, runs dim_cliente in the terminal, and the tree and the monitor show the run', async function () {
    this.timeout(1_800_000);
    const wb = w.workbench;
    const step = stepper(wb);

    await step('DW: New Warehouse Project > Embedded (PGlite) scaffolds the project', async () => {
      await wb.runCommand('DW: New Warehouse Project');
      await wb.pick('Embedded (PGlite)', 180_000);
      await wb.pick('This folder');
      await wb.page.locator('.tabs-container .tab', { hasText: 'dw-workbench.json' }).waitFor({ state: 'visible', timeout: 60_000 });
      await wb.screenshot('project-scaffolded');
      const project = JSON.parse(readFileSync(path.join(folder, 'dw-workbench.json'), 'utf8')) as { engine: string };
      assert.equal(project.engine, 'pglite');
      await wb.waitForCommand('DW: Bootstrap Warehouse');
    });

    await step('DW: Bootstrap Warehouse creates the data directory, builds the warehouse and fills the tree', async () => {
      // initdb of a new data directory, then about 200k generated rows on the embedded engine.
      assert.match(await bootstrapFromPalette(wb, 900_000), /^Warehouse ready: 3 step\(s\) ran, 1 skipped\./);
      assert.match(await rowDescription(wb, 'dim_cliente'), /never run/);
    });

    let runId = 0;
    await step('DW: Run ETL > dim_cliente runs the task in the terminal; the tree turns green with the rows', async () => {
      await wb.runCommand('DW: Run ETL');
      await wb.pick('dim_cliente');
      const end = await runEnd(wb, 0, 600_000);
      await wb.screenshot('etl-finished');
      assert.match(end.text, /dim_cliente: SUCCESS in [\d.]+ s: 10000 extracted, 10000 upserted in 10 batch\(es\)/);
      assert.match(end.line, /SUCCESS in [\d.]+ s \(1 succeeded, 0 failed\)/);
      runId = end.id;
      await waitForEntityLoaded(wb, 'dim_cliente', '10,000', 60_000);
      await wb.screenshot('tree-green');
    });

    await step('DW: Open ETL Monitor lists the run', async () => {
      const { cells } = await openMonitorAtRun(wb, runId);
      await wb.screenshot('monitor');
      assert.deepEqual([cells[1], cells[2]], ['success', 'dim_cliente'], `run row: ${JSON.stringify(cells)}`);
    });
  });
});
