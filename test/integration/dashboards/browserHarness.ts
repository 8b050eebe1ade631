import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { MessageHandler } from '../../../src/core/dashboard/handler';
import { dashboardPage, type DashboardKind } from '../../../src/core/dashboard/page';
import type { DashboardTheme } from '../../../src/core/dashboard/theme';
import { readL10nBundle } from '../../../src/core/webview/l10nBundle';
import type { WebviewStrings } from '../../../src/core/webview/webviewPage';

export const CHROMIUM = '/usr/bin/chromium';
const root = path.resolve(__dirname, '../../..');

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/** The bundle the build produced; the tests build it first (scripts/build.mjs). */
export function webviewBundle(kind: DashboardKind): string {
  return readFileSync(path.join(root, 'dist', 'webview', `${kind}.js`), 'utf8');
}

/** The strings the host passes for `language` (VS Code: `vscode.l10n.bundle`, from the same files). */
export function webviewStrings(language: string): Promise<WebviewStrings | undefined> {
  return readL10nBundle(path.join(root, 'l10n'), language);
}

/** One handler for a browser that shows both dashboards: each request goes to its dashboard's handler. */
export function bothDashboards(sales: MessageHandler, monitor: MessageHandler): MessageHandler {
  return (m) => {
    const method = typeof m === 'object' && m !== null ? (m as { method?: unknown }).method : undefined;
    return (typeof method === 'string' && method.startsWith('monitor/') ? monitor : sales)(m);
  };
}

export interface DashboardBrowser {
  readonly page: Page;
  /** Every request the page sent, in order (for round-trip assertions). */
  readonly requests: unknown[];
  /** Uncaught errors and console errors of the page (CSP violations show up here). */
  readonly errors: string[];
  open(kind: DashboardKind, initialState: unknown, theme: DashboardTheme): Promise<void>;
  /** A full-page screenshot with every panel drawn (see `fullPageScreenshot`). */
  screenshot(file: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A full-page screenshot of a dashboard. Panels below the fold skip layout and paint until
 * scrolled to (`content-visibility: auto`), which a full-page capture does not do: they are made
 * visible first, through CSSOM (the page's CSP allows no injected style element).
 */
export async function fullPageScreenshot(page: Page, file: string): Promise<void> {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>('.panel')) el.style.contentVisibility = 'visible';
  });
  await page.screenshot({ path: file, fullPage: true });
}

/**
 * Headless Chromium showing a dashboard page served from 127.0.0.1. `acquireVsCodeApi` is a
 * stand-in that relays each message to `handler` (the host's own code, on a real database) and
 * posts its reply back into the page, as VS Code does.
 */
export async function openDashboardBrowser(handler: MessageHandler): Promise<DashboardBrowser> {
  let html = '';
  let bundle = '';
  const server: Server = createServer((req, res) => {
    if (req.url === '/bundle.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const profile = mkdtempSync(path.join(tmpdir(), 'dwb-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const requests: unknown[] = [];
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.exposeFunction('__dwbHostReceive', async (message: unknown) => {
    requests.push(message);
    const reply = await handler(message);
    if (reply !== undefined) await page.evaluate((r) => window.postMessage(r, '*'), reply);
  });
  // A string, not a function: tsx wraps named functions in a `__name` helper the page lacks,
  // so the page gets a no-op one for the functions the tests evaluate there.
  await page.addInitScript(`
    window.__name = (f) => f;
    (() => {
      let state;
      window.acquireVsCodeApi = () => ({
        postMessage: (m) => void window.__dwbHostReceive(m),
        getState: () => state,
        setState: (s) => { state = s; },
      });
    })();
  `);
  return {
    page,
    requests,
    errors,
    async open(kind, initialState, theme) {
      bundle = webviewBundle(kind);
      const language = (initialState as { language: string }).language;
      const strings = await webviewStrings(language);
      html = dashboardPage({ kind, title: kind, language, strings, initialState, script: { src: '/bundle.js' }, theme, cspSource: `http://127.0.0.1:${port}` });
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForSelector('main[aria-busy="false"]', { timeout: 20_000 }).catch((e: unknown) => {
        throw new Error(`The ${kind} dashboard did not render: ${errors.join(' | ') || String(e)}`);
      });
    },
    screenshot: (file) => fullPageScreenshot(page, file),
    async close() {
      await context.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
