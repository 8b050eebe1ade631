import { strict as assert } from 'node:assert';
import { skipBecause } from '../../support/skip';
import { chromiumAvailable, type DashboardBrowser } from '../dashboards/browserHarness';
import { hostSends, openResultsPage, type ResultsBrowser } from './resultsBrowser';

const ROWS = 100_000;

/** A result set of `ROWS` rows built inside the page (no 100k-row round trip through CDP). */
const bigSet = `window.postMessage({ type: 'result-set', set: {
  id: 0, batch: 2, source: 'scripts/20_fact.sql:7', columns: ['sk_cliente', 'nome', 'valor'], numeric: [true, false, true],
  rows: Array.from({ length: ${ROWS} }, (_v, i) => [String(i), i === 3 ? null : 'cliente ' + i, (i * 1.5).toFixed(2)]),
  totalRows: ${ROWS * 2} } }, '*')`;

const rowCount = (b: DashboardBrowser): Promise<number> => b.page.locator('.grid-rows > .row').count();

describe('results grid in Chromium (100k rows)', function () {
  let browser: DashboardBrowser;
  let page: ResultsBrowser | undefined;
  const copies = (): unknown[] => browser.requests.filter((m) => (m as { type?: unknown }).type === 'copy');

  before(async function () {
    if (!chromiumAvailable()) skipBecause(this, 'Chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)');
    page = await openResultsPage();
    browser = page.browser;
    await hostSends(browser, bigSet);
    await browser.page.waitForSelector('.grid-rows > .row');
  });

  after(async () => {
    await page?.close();
  });

  it('says it is ready, renders the first rows, and names the cut', async () => {
    assert.deepEqual(browser.requests[0], { type: 'ready' });
    assert.equal(await browser.page.locator('.grid-rows > .row').first().getAttribute('data-row'), '0');
    assert.match(await browser.page.getByTestId('results-status').innerText(), /100,000 of 200,000 rows kept/);
    assert.equal(await browser.page.locator('.grid-rows > .row[data-row="3"] .cell.null').innerText(), 'NULL');
  });

  it('keeps only a window of rows in the DOM while scrolling to the end, where the last row is right', async () => {
    const viewport = browser.page.getByTestId('results-viewport');
    const counts: number[] = [await rowCount(browser)];
    for (const fraction of [0.25, 0.5, 0.75, 1]) {
      await viewport.evaluate((el, f) => { el.scrollTop = (el.scrollHeight - el.clientHeight) * f; }, fraction);
      await browser.page.waitForFunction((f) => {
        const rows = document.querySelectorAll('.grid-rows > .row');
        const first = Number(rows[0]?.getAttribute('data-row'));
        return f === 1 ? rows[rows.length - 1]?.getAttribute('data-row') === '99999' : first > 1000;
      }, fraction);
      counts.push(await rowCount(browser));
    }
    assert.ok(Math.max(...counts) < 100, `rows in the DOM: ${counts.join(', ')}`);
    const last = browser.page.locator('.grid-rows > .row').last();
    assert.equal(await last.innerText(), ['99999', 'cliente 99999', '149998.50'].join('\n'));
    assert.ok(await last.isVisible());
    assert.deepEqual(browser.errors, []);
  });

  it('copies the clicked row with Ctrl+C, a Shift range with the header, and one cell', async () => {
    const viewport = browser.page.getByTestId('results-viewport');
    await viewport.evaluate((el) => { el.scrollTop = 0; });
    await browser.page.waitForSelector('.grid-rows > .row[data-row="2"]');
    await browser.page.locator('.grid-rows > .row[data-row="2"] .cell[data-col="1"]').click();
    await browser.page.keyboard.press('Control+C');
    await browser.page.locator('.grid-rows > .row[data-row="4"] .cell[data-col="0"]').click({ modifiers: ['Shift'] });
    await browser.page.getByTestId('copy-rows').click();
    await browser.page.locator('.grid-rows > .row[data-row="3"] .cell[data-col="1"]').click();
    await browser.page.getByTestId('copy-cell').click();
    await waitFor(() => copies().length >= 3);
    assert.deepEqual(copies(), [
      { type: 'copy', text: '2\tcliente 2\t3.00' },
      { type: 'copy', text: 'sk_cliente\tnome\tvalor\r\n2\tcliente 2\t3.00\r\n3\tNULL\t4.50\r\n4\tcliente 4\t6.00' },
      { type: 'copy', text: 'NULL' },
    ]);
  });

  it('asks the host to export the shown set as CSV', async () => {
    await browser.page.getByTestId('export-csv').click();
    await waitFor(() => browser.requests.some((m) => (m as { type?: unknown }).type === 'export-csv'));
    assert.deepEqual(browser.requests.find((m) => (m as { type?: unknown }).type === 'export-csv'), { type: 'export-csv', setId: 0 });
  });

  it('ignores a malformed host message and shows hostile text as text', async () => {
    await hostSends(browser, `window.postMessage({ type: 'result-set', set: { id: 1, batch: 1, source: 'x', columns: ['a'], numeric: [false], rows: [['1', '2']], totalRows: 1 } }, '*')`);
    await hostSends(browser, `window.postMessage({ type: 'run-started', run: { title: 'again', startedAt: 0, target: null } }, '*')`);
    await hostSends(browser, `window.postMessage({ type: 'result-set', set: { id: 0, batch: 1, source: 'x', columns: ['<b>c</b>'], numeric: [false], rows: [['<img src=x onerror="window.pwned=1">']], totalRows: 1 } }, '*')`);
    await browser.page.waitForSelector('.grid-rows > .row[data-row="0"]');
    assert.equal(await rowCount(browser), 1);
    assert.equal(await browser.page.locator('.grid-rows > .row .cell').innerText(), '<img src=x onerror="window.pwned=1">');
    assert.equal(await browser.page.locator('.grid-header .cell').innerText(), '<b>c</b>');
    assert.equal(await browser.page.evaluate('window.pwned === undefined'), true);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
