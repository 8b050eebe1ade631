import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import type { DashboardTheme } from '../../../src/core/dashboard/theme';
import { lineageLayout, loadLineage, shippedLineageSources, type LineageGraph, type LineageLayout } from '../../../src/core/lineage';
import { isLineageOpenMessage, validateLineageSavedState, type LineageInitialState } from '../../../src/protocol/lineage';
import { LineageItems } from '../../../webview/lineage/model';
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

interface Rect { x: number; y: number; width: number; height: number }
/** Where an element is drawn now (after the pan and zoom), in the page's pixels. */
async function rectOf(page: Page, selector: string): Promise<Rect> {
  const box = await page.locator(selector).first().boundingBox();
  assert.ok(box !== null, `${selector} is drawn`);
  return box;
}
const near = (actual: number, expected: number, what: string, tolerance = 1.5): void =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual.toFixed(1)}, expected ${expected.toFixed(1)}`);
const inside = (inner: Rect, outer: Rect, what: string): void => assert.ok(
  inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5
    && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5,
  `${what}: ${JSON.stringify(inner)} is not inside ${JSON.stringify(outer)}`);
/** The edges drawn, one `M…C…` subpath each, of the path with `testId` (`edges-all`, `edges-related`). */
async function drawnEdges(page: Page, testId: string): Promise<string[]> {
  const d = (await page.getByTestId(testId).getAttribute('d')) ?? '';
  return d.split(/(?=M)/).filter((e) => e !== '');
}

/**
 * Edges whose ends are not at the middle of the left or right side of their items (in the graph's
 * own pixels). `links` are the edges the page draws, in its order (every item shown).
 */
function edgesOffTheirItems(page: Page, links: readonly { from: string; to: string }[]): Promise<string[]> {
  return page.evaluate((expected) => {
    const stage = document.querySelector<HTMLElement>('[data-testid="stage"]');
    const box = (id: string): DOMRect | undefined => {
      const el = document.querySelector<HTMLElement>(`.node[data-id="${CSS.escape(id)}"]`);
      if (el === null || stage === null) return undefined;
      let x = 0;
      let y = 0;
      for (let cur: HTMLElement | null = el; cur !== null && cur !== stage; cur = cur.offsetParent as HTMLElement | null) {
        x += cur.offsetLeft;
        y += cur.offsetTop;
      }
      return new DOMRect(x, y, el.offsetWidth, el.offsetHeight);
    };
    const at = (x: number, y: number, r: DOMRect | undefined): boolean =>
      r !== undefined && Math.abs(y - (r.y + r.height / 2)) < 1 && (Math.abs(x - r.x) < 1 || Math.abs(x - r.right) < 1);
    const d = document.querySelector('[data-testid="edges-all"]')?.getAttribute('d') ?? '';
    const segments = d.split(/(?=M)/).filter((e) => e !== '');
    if (segments.length !== expected.length) return [`${segments.length} edges drawn, ${expected.length} expected`];
    return segments.flatMap((seg, i) => {
      const n = (seg.match(/-?[\d.]+/g) ?? []).map(Number);
      const { from, to } = expected[i] ?? { from: '', to: '' };
      // Starts at its source; ends (its last point, after any crossing of the columns between) at its target.
      const ok = at(n[0] ?? NaN, n[1] ?? NaN, box(from)) && at(n.at(-2) ?? NaN, n.at(-1) ?? NaN, box(to));
      return ok ? [] : [`${from} -> ${to}: ${seg}`];
    });
  }, links);
}

/** `promise`, or a failure naming what did not happen within `ms`. */
async function within<T>(promise: Promise<T>, ms: number, failure: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => { timer = setTimeout(() => reject(new Error(failure)), ms); });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
const zoomLevel = (page: Page): Promise<string | null> => page.getByTestId('zoom-level').textContent();

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
    await within(message, 10_000, 'Enter on a rule sent no lineage/open');
    const sent = opened.at(-1);
    assert.ok(isLineageOpenMessage(sent), JSON.stringify(sent));
    assert.equal(sent.id, rule);
    assert.deepEqual(b.errors, []);
  });

  it('filters items by name, and draws only the edges between the items shown', async function () {
    if (b === undefined) return skipBecause(this, 'Chromium is not installed');
    const layout = impactOf('core.products.category_name');
    await b.open('lineage', state(layout), 'light');
    const links = new LineageItems(layout).links;
    assert.ok(links.length > 10);
    assert.deepEqual(await edgesOffTheirItems(b.page, links), [], 'one edge per link of the answer, from item to item');
    await b.page.locator('vscode-textfield[data-testid="filter"] input').fill('panel-that-does-not-exist');
    await b.page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.node')].every((n) => n.hidden));
    assert.deepEqual(await drawnEdges(b.page, 'edges-all'), []);
    await b.page.locator('vscode-textfield[data-testid="filter"] input').fill('vw_vendas');
    await b.page.waitForFunction(() => document.querySelectorAll('.node:not([hidden])').length === 1);
    assert.deepEqual(await drawnEdges(b.page, 'edges-all'), [], 'no edge has both ends shown');
    await b.page.locator('vscode-textfield[data-testid="filter"] input').fill('');
    await b.page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.node')].every((n) => !n.hidden));
    assert.deepEqual(await edgesOffTheirItems(b.page, links), []);
  });

  it('marks the edges on the paths through the focused item', async function () {
    if (b === undefined) return skipBecause(this, 'Chromium is not installed');
    await b.open('lineage', state(impactOf('core.products.category_name')), 'dark');
    assert.deepEqual(await drawnEdges(b.page, 'edges-related'), []);
    await b.page.locator('.node.root').first().focus();
    // category_name -> rule -> dim column -> views -> panels: every edge of an impact answer starts at the root.
    const all = await drawnEdges(b.page, 'edges-all');
    assert.deepEqual(await drawnEdges(b.page, 'edges-related'), all);
    await b.page.keyboard.press('ArrowRight');
    await b.page.keyboard.press('ArrowRight');
    await b.page.keyboard.press('ArrowRight');
    const marked = (await drawnEdges(b.page, 'edges-related')).length;
    assert.ok(marked > 0 && marked < all.length, `a view column is on some of the paths: ${marked} of ${all.length}`);
  });

  describe('pan and zoom', () => {
    const kpisLineage = (): LineageLayout => {
      const kpis = graph.resolve('sales.kpis');
      assert.ok(kpis.ok);
      return lineageLayout(graph.walk(kpis.ids, 'upstream'), `Lineage of ${kpis.label}`, show);
    };
    const first = '.layer[data-layer="oltp"] .node';

    it('pans with the arrow keys on the graph, zooms with + and - around the middle, and 0 goes back to 100%', async function () {
      if (b === undefined) return skipBecause(this, 'Chromium is not installed');
      await b.open('lineage', state(kpisLineage()), 'dark');
      assert.equal(await zoomLevel(b.page), '100%');
      const start = await rectOf(b.page, first);
      await b.page.getByTestId('frame').focus();
      await b.page.keyboard.press('ArrowLeft');
      await b.page.keyboard.press('ArrowUp');
      const panned = await rectOf(b.page, first);
      near(panned.x, start.x + 60, 'ArrowLeft shows more of the left: the graph moves right');
      near(panned.y, start.y + 60, 'ArrowUp moves the graph down');
      await b.page.keyboard.press('ArrowRight');
      await b.page.keyboard.press('ArrowDown');
      await b.page.keyboard.press('ArrowDown');
      const panned2 = await rectOf(b.page, first);
      near(panned2.y, start.y - 60, 'ArrowDown moves the graph up');
      const frame = await rectOf(b.page, '[data-testid="frame"]');
      const stage = await rectOf(b.page, '[data-testid="stage"]');
      const left = Math.max(frame.x, stage.x);
      const visible = { x: left, width: Math.min(frame.x + frame.width, stage.x + stage.width) - left };
      await b.page.keyboard.press('+');
      assert.equal(await zoomLevel(b.page), '125%');
      const zoomed = await rectOf(b.page, first);
      near(zoomed.width, start.width * 1.25, 'an item is drawn 1.25 times as wide');
      // Around the middle of what was shown of the graph: the distance to it grows by the same factor.
      const mid = (visible.x + visible.x + visible.width) / 2;
      near(mid - zoomed.x, (mid - panned2.x) * 1.25, 'zoomed around the middle of the graph shown', 2);
      await b.page.keyboard.press('-');
      await b.page.keyboard.press('-');
      assert.equal(await zoomLevel(b.page), '80%');
      await b.page.keyboard.press('0');
      assert.equal(await zoomLevel(b.page), '100%');
      const back = await rectOf(b.page, first);
      near(back.x, start.x, '0 puts the graph back: x');
      near(back.y, start.y, '0 puts the graph back: y');
      assert.deepEqual(b.errors, []);
    });

    it('zooms with the wheel around the pointer and pans with a drag, which opens nothing', async function () {
      if (b === undefined) return skipBecause(this, 'Chromium is not installed');
      await b.open('lineage', state(kpisLineage()), 'light');
      const before = await rectOf(b.page, first);
      const px = before.x + 10;
      const py = before.y + before.height / 2;
      await b.page.mouse.move(px, py);
      await b.page.mouse.wheel(0, -300);
      await b.page.waitForFunction(() => document.querySelector('[data-testid="zoom-level"]')?.textContent !== '100%');
      const zoomed = await rectOf(b.page, first);
      const k = zoomed.width / before.width;
      assert.ok(k > 1.3, `the wheel up zooms in (x${k.toFixed(2)})`);
      near(zoomed.x + (px - before.x) * k, px, 'the point under the pointer stays under it: x');
      near(zoomed.y + (py - before.y) * k, py, 'the point under the pointer stays under it: y');

      await b.page.keyboard.press('0');
      // A rule has its definition's file:line: a click on it opens it.
      const rule = '.layer[data-layer="rule"] .node';
      const sent = b.requests.length;
      const from = await rectOf(b.page, rule);
      await b.page.mouse.move(from.x + 20, from.y + 5);
      await b.page.mouse.down();
      await b.page.mouse.move(from.x + 80, from.y + 35, { steps: 4 });
      await b.page.mouse.move(from.x + 140, from.y + 65, { steps: 4 });
      await b.page.mouse.up();
      const dragged = await rectOf(b.page, rule);
      near(dragged.x, from.x + 120, 'the graph follows the drag: x');
      near(dragged.y, from.y + 60, 'the graph follows the drag: y');
      assert.equal(b.requests.length, sent, 'a drag that starts on an item does not open it');
      // A click (no drag) still opens the item.
      const message = nextMessage();
      await b.page.locator(rule).first().click();
      await within(message, 10_000, 'the click on a rule sent no lineage/open');
      assert.equal(b.requests.length, sent + 1);
      const open = opened.at(-1);
      assert.ok(isLineageOpenMessage(open) && open.id.startsWith('rule:'), JSON.stringify(open));
    });

    it('has zoom buttons with accessible names (Fit shows the whole graph), and keyboard navigation pans an item off screen into view', async function () {
      if (b === undefined) return skipBecause(this, 'Chromium is not installed');
      await b.page.setViewportSize({ width: 1000, height: 600 });
      try {
        await b.open('lineage', state(kpisLineage()), 'high-contrast');
        const frame = await rectOf(b.page, '[data-testid="frame"]');
        const stage = await rectOf(b.page, '[data-testid="stage"]');
        assert.ok(stage.height > frame.height, 'the graph is taller than the window');
        await b.page.getByRole('button', { name: 'Zoom in (+)' }).click();
        assert.equal(await zoomLevel(b.page), '125%');
        await b.page.getByRole('button', { name: 'Zoom out (-)' }).click();
        assert.equal(await zoomLevel(b.page), '100%');
        await b.page.getByRole('button', { name: 'Fit the whole graph in the window' }).click();
        inside(await rectOf(b.page, '[data-testid="stage"]'), frame, 'after Fit the graph');
        await b.page.getByRole('button', { name: 'Reset zoom to 100% (0)' }).click();
        assert.equal(await zoomLevel(b.page), '100%');

        // The last source column is below the frame; End moves to it and the graph pans.
        await b.page.locator(first).first().focus();
        const last = b.page.locator(first).last();
        assert.ok(((await last.boundingBox())?.y ?? 0) > frame.y + frame.height, 'the last item starts off screen');
        await b.page.keyboard.press('End');
        assert.equal(await focusedId(b.page), await last.getAttribute('data-id'));
        inside(await rectOf(b.page, `${first} >> nth=-1`), frame, 'the focused item');
        await b.page.keyboard.press('Home');
        inside(await rectOf(b.page, first), frame, 'back at the first item');
        assert.deepEqual(b.errors, []);
      } finally {
        await b.page.setViewportSize({ width: 1400, height: 1000 });
      }
    });

    it('saves the question and the pan and zoom for a reload, and starts from a saved view', async function () {
      if (b === undefined) return skipBecause(this, 'Chromium is not installed');
      const question = { direction: 'upstream', name: 'sales.kpis' } as const;
      await b.open('lineage', { ...state(kpisLineage()), question }, 'dark');
      await b.page.getByTestId('frame').focus();
      await b.page.keyboard.press('+');
      await b.page.keyboard.press('ArrowLeft');
      const saved = await b.page.waitForFunction(() => {
        const s = (window as unknown as { acquireVsCodeApi: () => { getState(): { view?: { scale: number } } | undefined } }).acquireVsCodeApi().getState();
        return s?.view?.scale === 1.25 ? s : undefined;
      }).then((h) => h.jsonValue());
      const check = validateLineageSavedState(saved);
      assert.ok(check.ok, JSON.stringify(saved));
      assert.deepEqual(check.value.question, question);
      const view = check.value.view;
      await b.open('lineage', { ...state(kpisLineage()), question, view }, 'dark');
      assert.equal(await zoomLevel(b.page), '125%');
      const transform = await b.page.getByTestId('stage').evaluate((el) => (el as HTMLElement).style.transform);
      assert.equal(transform, `translate(${view.x}px, ${view.y}px) scale(1.25)`);
    });
  });

  it('renders the graph of the whole warehouse: every item, every edge from item to item (screenshots fitted in each theme)', async function () {
    if (b === undefined) return skipBecause(this, 'Chromium is not installed');
    const layout = lineageLayout(graph.whole(), 'Lineage of the whole warehouse', show);
    const items = layout.layers.reduce((n, l) => n + l.items.length, 0);
    assert.ok(items > 600, `${items} items`);
    for (const theme of ['dark', 'light', 'high-contrast'] as const) {
      await b.open('lineage', state(layout), theme);
      if (theme === 'dark') {
        assert.equal(await b.page.locator('.node').count(), items);
        assert.deepEqual(await edgesOffTheirItems(b.page, new LineageItems(layout).links), []);
      }
      await b.page.getByTestId('zoom-fit').click();
      await b.page.screenshot({ path: path.join(artifacts, `whole-${theme}.png`) });
    }
    assert.deepEqual(b.errors, []);
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
