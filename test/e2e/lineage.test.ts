import { strict as assert } from 'node:assert';
import { createWorkspace, pgliteProject, windowPerSuite } from './harness';

/**
 * DW: Show Impact in code-server, and the lineage panel after Developer: Reload Window: its
 * serializer (onWebviewPanel activation) asks the saved question again and starts from the saved
 * pan and zoom. Lineage reads the project's files only: a PGlite project that was never
 * bootstrapped is enough.
 */
describe('e2e: the lineage panel across a window reload', function () {
  const w = windowPerSuite((s) => createWorkspace(s.workspacesDir, 'lineage-reload', pgliteProject('lineage')));

  it('DW: Show Impact on core.customers.email shows the graph; after a reload the same question comes back at the zoom it had', async function () {
    this.timeout(600_000);
    const wb = w.workbench;
    await wb.waitForCommand('DW: Show Impact');
    await wb.runCommand('DW: Show Impact');
    await wb.pick('core.customers');
    await wb.pick('email');
    const tab = wb.page.locator('.tabs-container .tab', { hasText: 'Impact of core.customers.email' });
    await tab.waitFor({ state: 'visible', timeout: 60_000 });
    const page = wb.visibleWebview();
    await page.locator('.node.root[data-id="core.customers.email"]').waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByTestId('zoom-in').click();
    await page.getByTestId('zoom-in').click();
    assert.equal(await page.getByTestId('zoom-level').textContent(), '156%');
    await wb.screenshot('impact-zoomed');

    await wb.runCommand('Developer: Reload Window');
    await wb.page.waitForLoadState('domcontentloaded');
    await wb.page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 120_000 });
    await tab.waitFor({ state: 'visible', timeout: 120_000 });
    await tab.click();
    const restored = wb.visibleWebview();
    await restored.locator('.node.root[data-id="core.customers.email"]').waitFor({ state: 'visible', timeout: 120_000 });
    await wb.screenshot('impact-restored');
    assert.equal(await restored.getByTestId('zoom-level').textContent(), '156%');
    assert.ok(await restored.locator('.layer[data-layer="rule"] .node').count() > 0, 'the rule that carries email is shown again');
  });
});
