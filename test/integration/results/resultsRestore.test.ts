import { strict as assert } from 'node:assert';
import type { ResultsSavedState } from '../../../src/protocol/results';
import { MAX_KEPT_RESULTS_CHARS } from '../../../src/protocol/results';
import { skipBecause } from '../../support/skip';
import { chromiumAvailable, type DashboardBrowser } from '../dashboards/browserHarness';
import { hostSends, openResultsPage, type ResultsBrowser } from './resultsBrowser';

const RUN = { title: 'Running scripts/20_clientes.sql', startedAt: Date.UTC(2026, 10, 29, 14, 7), target: { kind: 'path', path: '/w/scripts/20_clientes.sql' } };
const runStarted = `window.postMessage({ type: 'run-started', run: ${JSON.stringify(RUN)} }, '*')`;
const smallSet = (id: number): string => `window.postMessage({ type: 'result-set', set: {
  id: ${id}, batch: ${id + 1}, source: 'scripts/20_clientes.sql:${id + 1}', columns: ['sk_cliente', 'nome'], numeric: [true, false],
  rows: [['1', 'cliente 1'], ['2', null]], totalRows: 2 } }, '*')`;
/** About 6 MB as JSON: past the limit, so none of the run's sets is kept. */
const largeSet = `window.postMessage({ type: 'result-set', set: {
  id: 1, batch: 2, source: 'scripts/20_clientes.sql:9', columns: ['texto'], numeric: [false],
  rows: Array.from({ length: 60000 }, (_v, i) => [String(i).padStart(100, 'x')]), totalRows: 60000 } }, '*')`;

const savedState = (b: DashboardBrowser): Promise<ResultsSavedState | undefined> =>
  b.page.evaluate<ResultsSavedState | undefined>('acquireVsCodeApi().getState()');

/** Polls the saved state from the test (a string predicate would need 'unsafe-eval' in the page). */
async function stateWhere(b: DashboardBrowser, test: (s: ResultsSavedState | undefined) => boolean): Promise<ResultsSavedState | undefined> {
  const until = Date.now() + 10_000;
  for (;;) {
    const state = await savedState(b);
    if (test(state)) return state;
    if (Date.now() > until) assert.fail(`state not reached: ${JSON.stringify(state)?.slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('results view across a window reload (Chromium)', function () {
  let page: ResultsBrowser | undefined;
  let browser: DashboardBrowser;

  // One browser for the file; each test starts on a page loaded afresh (no saved state).
  before(async function () {
    if (!chromiumAvailable()) skipBecause(this, 'Chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)');
    page = await openResultsPage();
    browser = page.browser;
  });
  beforeEach(async () => {
    await page?.reload();
  });

  after(async () => {
    await page?.close();
  });

  it('keeps the run, its sets and the shown set in the webview state', async () => {
    await hostSends(browser, runStarted);
    await hostSends(browser, smallSet(0));
    await hostSends(browser, smallSet(1));
    await browser.page.waitForSelector('.grid-rows > .row');
    const state = await savedState(browser);
    assert.deepEqual(state?.run, RUN);
    assert.deepEqual(state?.sets.map((s) => s.id), [0, 1]);
    assert.equal(state?.shownId, 0);
    assert.equal(state?.droppedChars, undefined);
    assert.deepEqual(browser.errors, []);
  });

  it('keeps no rows once the run passes the limit, only their size', async () => {
    await hostSends(browser, runStarted);
    await hostSends(browser, smallSet(0));
    await hostSends(browser, largeSet);
    const state = await stateWhere(browser, (st) => st?.droppedChars !== undefined);
    assert.deepEqual(state?.sets, []);
    assert.ok((state?.droppedChars ?? 0) > MAX_KEPT_RESULTS_CHARS, `droppedChars ${state?.droppedChars}`);
  });

  it('shows restored sets under "from the run at HH:MM before the reload", and the set that was shown', async () => {
    await hostSends(browser, `window.postMessage({ type: 'restored', run: ${JSON.stringify(RUN)}, shownId: 1 }, '*')`);
    await hostSends(browser, smallSet(0));
    await hostSends(browser, smallSet(1));
    await browser.page.waitForSelector('.grid-rows > .row');
    const clock = await browser.page.evaluate<string>(`new Date(${RUN.startedAt}).toLocaleTimeString('en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })`);
    assert.match(clock, /^\d\d:\d\d$/);
    assert.equal((await browser.page.getByTestId('results-restored').innerText()).split('\n')[0], `From the run at ${clock} before the reload.`);
    assert.deepEqual((await savedState(browser))?.shownId, 1);
    assert.equal(await browser.page.locator('.grid-rows > .row[data-row="1"]').innerText(), '2\nNULL');
    // A new run replaces the note.
    await hostSends(browser, runStarted);
    await browser.page.getByTestId('results-empty').waitFor();
    assert.equal(await browser.page.getByTestId('results-restored').count(), 0);
  });

  it('saves how far the rows were scrolled, and scrolls back there on restore', async () => {
    const rows = 'rows: Array.from({ length: 500 }, (_v, i) => [String(i)]), totalRows: 500';
    await hostSends(browser, runStarted);
    await hostSends(browser, `window.postMessage({ type: 'result-set', set: { id: 0, batch: 1, source: 's.sql:1', columns: ['n'], numeric: [true], ${rows} } }, '*')`);
    await browser.page.waitForSelector('.grid-rows > .row');
    await browser.page.getByTestId('results-viewport').evaluate((el) => { el.scrollTop = 22 * 200; });
    await stateWhere(browser, (st) => st?.scrollTop === 22 * 200);

    await hostSends(browser, `window.postMessage({ type: 'restored', run: ${JSON.stringify(RUN)}, shownId: 0, scrollTop: ${22 * 300} }, '*')`);
    await hostSends(browser, `window.postMessage({ type: 'result-set', set: { id: 0, batch: 1, source: 's.sql:1', columns: ['n'], numeric: [true], ${rows} } }, '*')`);
    await browser.page.waitForSelector('.grid-rows > .row[data-row="300"]');
    assert.equal(await browser.page.getByTestId('results-viewport').evaluate((el) => el.scrollTop), 22 * 300);
  });

  it('says when the rows were too large to keep, and Run again asks the host to run it again', async () => {
    await hostSends(browser, `window.postMessage({ type: 'restored', run: ${JSON.stringify(RUN)}, droppedChars: ${6 * 1024 * 1024} }, '*')`);
    const note = browser.page.getByTestId('results-restored');
    await note.waitFor();
    assert.match(await note.innerText(), /^The results of the run at \d\d:\d\d were too large to keep across the reload \(6\.0 MB; at most 4 MB are kept\)\./);
    assert.equal(await browser.page.getByTestId('results-empty').count(), 0);
    await browser.page.getByTestId('run-again').click();
    const until = Date.now() + 10_000;
    while (!browser.requests.some((m) => (m as { type?: unknown }).type === 'run-again')) {
      if (Date.now() > until) assert.fail(`no run-again request: ${JSON.stringify(browser.requests)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  });
});
