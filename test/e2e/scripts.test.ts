import { strict as assert } from 'node:assert';
import { createWorkspace, pgliteProject, windowPerSuite } from './harness';

const ROWS = 5000;
const script = `-- sales by customer, for the results view
create table if not exists e2e_vendas (sk_cliente int, valor numeric(12,2));
truncate e2e_vendas;
insert into e2e_vendas select g, g * 1.25 from generate_series(1, ${ROWS}) g;
select sk_cliente, valor from e2e_vendas order by sk_cliente;
`;

describe('e2e: DW: Run Script in code-server (PGlite)', function () {
  const w = windowPerSuite((s) => createWorkspace(s.workspacesDir, 'scripts-demo', pgliteProject('scripts'), { 'scripts/10_vendas.sql': script }));

  it('names the target in the status bar, runs the open .sql file, and shows its rows in the results grid', async function () {
    this.timeout(600_000);
    const wb = w.workbench;
    await wb.waitForCommand('DW: Run Script');
    const status = wb.page.locator('.part.statusbar', { hasText: 'PGlite · dw' });
    await status.waitFor({ state: 'visible', timeout: 120_000 });

    await wb.page.keyboard.press('Control+P');
    await wb.page.locator('.quick-input-widget .quick-input-box input').fill('10_vendas.sql');
    await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: '10_vendas.sql' }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.monaco-editor .view-lines', { hasText: 'sales by customer' }).first().waitFor({ state: 'visible', timeout: 60_000 });

    await wb.runCommand('DW: Run Script');
    // The first open of a PGlite data directory runs initdb; webviews take seconds on 2 cores.
    const frame = wb.page.frameLocator('iframe.webview').first().frameLocator('iframe#active-frame');
    await frame.locator('.grid-rows > .row').first().waitFor({ state: 'visible', timeout: 300_000 });
    await wb.screenshot('results-grid');
    assert.match(await frame.getByTestId('results-status').innerText(), /5,000 rows/);
    const rendered = await frame.locator('.grid-rows > .row').count();
    assert.ok(rendered > 5 && rendered < 200, `rows in the DOM: ${rendered}`);
    assert.equal(await frame.locator('.grid-rows > .row[data-row="0"]').innerText(), '1\n1.25');

    const lines = await wb.outputChannelLines('DW Workbench: Scripts');
    await wb.screenshot('scripts-output');
    assert.ok(lines.some((l) => /^\[\d\d:\d\d:\d\d\.\d{3}\] batch 4\/4 at scripts\/10_vendas\.sql:5/.test(l)), lines.join('\n'));
    assert.ok(lines.some((l) => /4 batches: 4 ok, 0 failed, 0 skipped/.test(l)), lines.join('\n'));
  });
});
