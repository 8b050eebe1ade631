import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import type { DashboardTheme } from '../../../src/core/dashboard/theme';
import { lineageLayout, loadLineage, shippedLineageSources, type LineageGraph, type LineageLayout } from '../../../src/core/lineage';
import { isLineageOpenMessage, type LineageInitialState } from '../../../src/protocol/lineage';
import { skipBecause } from '../../support/skip';
import { chromiumAvailable, openDashboardBrowser, type DashboardBrowser } from '../dashboards/browserHarness';

const root = path.resolve(__dirname, '../../..');
const artifacts = path.join(root, 'test-artifacts', 'lineage');
const show = (file: string): string => path.relative(root, file);

function state(layout: LineageLayout, language = 'en'): LineageInitialState {
  const { locations: _kept, ...shown } = layout;
  return { language, layout: shown };
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const result = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

const focusedId = (page: Page): Promise<string | null> => page.evaluate(() => document.activeElement?.getAttribute('data-id') ?? null);

/**
 * The lineage page (the webview of DW: Show Lineage / Show Impact) in headless Chromium, on the
 * shipped warehouse's graph: layers in order, keyboard navigation, opening an item's file:line
 * through the host (by id), every theme without serious axe violations, screenshots.
 */
describe('lineage page in headless Chromium (shipped warehouse)', function () {
  this.timeout(300_000);
  let graph: LineageGraph;
  let b: DashboardBrowser;
  /** What the page sent the host, and who waits for the next message. */
  const opened: unknown[] = [];
  let waiting: (() => void) | undefined;
  const nextMessage = (): Promise<void> => new Promise((resolve) => { waiting = resolve; });

  before(async function () {
    if (!chromiumAvailable()) return skipBecause(this, 'Chromium is not installed at /usr/bin/chromium');
    mkdirSync(artifacts, { recursive: true });
    graph = await loadLineage(shippedLineageSources(root, 'postgres'));
    b = await openDashboardBrowser((m) => {
      opened.push(m);
      const wake = waiting;
      waiting = undefined;
      wake?.();
      return Promise.resolve(undefined);
    });
  });
  after(async () => {
    await b?.close();
  });

  const impactOf = (name: string): LineageLayout => {
    const target = graph.resolve(name);
    assert.ok(target.ok, `${name} resolves`);
    return lineageLayout(graph.walk(target.ids, 'downstream'), `Impact of ${target.label}`, show);
  };

  it('lays an impact out as source -> rule -> warehouse -> views -> panels/checks, each item with its file:line', () => {
    const layout = impactOf('core.customers.email');
    assert.deepEqual(layout.layers.map((l) => l.key).slice(0, 3), ['oltp', 'rule', 'dw']);
    const rules = layout.layers.find((l) => l.key === 'rule')?.items ?? [];
    assert.ok(rules.length > 0, 'a rule carries email into the warehouse');
    for (const r of rules) assert.match(r.where ?? '', /^etl\/entities\/\w+\.json:\d+$/, `${r.label} has its definition's file:line`);
    const dw = layout.layers.find((l) => l.key === 'dw')?.items ?? [];
    assert.ok(dw.some((i) => i.label.toLowerCase() === 'dim.dim_cliente.email'), dw.map((i) => i.label).join(', '));
    for (const r of rules) assert.ok(layout.locations[r.id], 'the host keeps the absolute location');
  });

  it('renders every layer, moves with the arrow keys and asks the host to open the focused item', async function () {
    if (b === undefined) return skipBecause(this, 'Chromium is not installed');
    const layout = impactOf('core.customers.email');
    await b.open('lineage', state(layout), 'dark');
    const headings = await b.page.locator('.layer h2').allTextContents();
    assert.equal(headings.length, layout.layers.length);
    assert.match(headings[0] ?? '', /^Source columns \(OLTP\) \(1\)$/);
    await b.page.locator('.node.root').first().focus();
    assert.equal(await focusedId(b.page), 'core.customers.email');
    await b.page.keyboard.press('ArrowRight');
    const rule = await focusedId(b.page);
    assert.ok(rule?.startsWith('rule:'), `ArrowRight reaches the rule, not ${rule}`);
    // Related items are marked when one is focused.
    assert.ok((await b.page.locator('.node.related').count()) >= 2);
    await b.page.keyboard.press('ArrowRight');
    const target = await focusedId(b.page);
    assert.ok(target?.startsWith('dim.'), `then the warehouse column, not ${target}`);
    await b.page.keyboard.press('ArrowLeft');
    assert.equal(await focusedId(b.page), rule);
    const message = nextMessage();
    await b.page.keyboard.press('Enter');
    await message;
    const sent = opened.at(-1);
    assert.ok(isLineageOpenMessage(sent), JSON.stringify(sent));
    assert.equal(sent.id, rule);
    assert.deepEqual(b.errors, []);
  });

  it('filters items by name', async function () {
    if (b === undefined) return skipBecause(this, 'Chromium is not installed');
    await b.open('lineage', state(impactOf('core.customers.email')), 'light');
    await b.page.locator('vscode-textfield[data-testid="filter"] input').fill('panel-that-does-not-exist');
    await b.page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.node')].every((n) => n.hidden));
    await b.page.locator('vscode-textfield[data-testid="filter"] input').fill('');
    await b.page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.node')].every((n) => !n.hidden));
  });

  for (const theme of ['light', 'dark', 'high-contrast'] as readonly DashboardTheme[]) {
    it(`has no serious accessibility violations in the ${theme} theme (screenshot in test-artifacts/lineage)`, async function () {
      if (b === undefined) return skipBecause(this, 'Chromium is not installed');
      await b.open('lineage', state(impactOf('core.products.category_name'), 'en'), theme);
      await b.page.screenshot({ path: path.join(artifacts, `impact-${theme}.png`), fullPage: true });
      assert.deepEqual(await seriousViolations(b.page), []);
      const kpis = graph.resolve('sales.kpis');
      assert.ok(kpis.ok);
      const lineage = lineageLayout(graph.walk(kpis.ids, 'upstream'), `Linhagem de ${kpis.label}`, show);
      await b.open('lineage', state(lineage, 'pt-BR'), theme);
      await b.page.screenshot({ path: path.join(artifacts, `lineage-kpis-${theme}.png`), fullPage: true });
      assert.deepEqual(await seriousViolations(b.page), []);
      assert.match((await b.page.locator('.layer h2').first().textContent()) ?? '', /Colunas|Regras/);
      assert.deepEqual(b.errors, []);
    });
  }
});
