import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { resultsPage } from '../../../src/extension/scripts/resultsPage';
import { openDashboardBrowser, type DashboardBrowser } from '../dashboards/browserHarness';
import { ensureBuilt } from '../../support/build';

const root = path.resolve(__dirname, '../../..');

/** The results page served from 127.0.0.1 in headless Chromium, with a host that only records. */
export interface ResultsBrowser {
  readonly browser: DashboardBrowser;
  /** Loads the page again (a new webview: no saved state), forgetting the requests and errors seen so far; resolves once it is ready. */
  reload(): Promise<void>;
  close(): Promise<void>;
}

/** Builds the bundles, serves the results page and opens it; resolves once it says it is ready. */
export async function openResultsPage(): Promise<ResultsBrowser> {
  ensureBuilt();
  const bundle = readFileSync(path.join(root, 'dist/webview/results.js'), 'utf8');
  let origin = '';
  const server: Server = createServer((req, res) => {
    if (req.url === '/results.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(resultsPage({ title: 'DW Results', initialState: { language: 'en' }, scriptSrc: '/results.js', cspSource: origin }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The harness brings Chromium and the acquireVsCodeApi stand-in (getState/setState included).
  const browser = await openDashboardBrowser(() => Promise.resolve(undefined));
  const load = async (): Promise<void> => {
    await browser.page.goto(`${origin}/`);
    await browser.page.waitForSelector('main[aria-busy="false"]');
  };
  await load();
  return {
    browser,
    async reload() {
      browser.requests.length = 0;
      browser.errors.length = 0;
      await load();
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Posts a host message into the page, as VS Code's webview.postMessage does. */
export async function hostSends(browser: DashboardBrowser, script: string): Promise<void> {
  await browser.page.evaluate(script);
}
