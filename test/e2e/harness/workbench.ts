import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type FrameLocator, type Locator, type Page } from 'playwright-core';
import type { ScenarioArtifacts } from './artifacts';
import { toolFolder } from './toolFolder';

/** Headless Debian Chromium with a fresh profile; Playwright's own browser download cannot work here. */
export async function launchBrowser(
  viewport = { width: 1400, height: 900 },
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(path.join(toolFolder.tmp, 'chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: toolFolder.chromium,
    headless: true,
    viewport,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** One VS Code window in the browser, driven through its UI the way a user would. */
export class Workbench {
  private constructor(readonly page: Page, private artifacts: ScenarioArtifacts) {}

  /** Screenshots from now on go to this scenario's folder (several scenarios can share a window). */
  useArtifacts(artifacts: ScenarioArtifacts): void {
    this.artifacts = artifacts;
  }

  /** Opens `url` in a new tab (a new window, with its own extension host) and waits for the workbench. */
  static async open(context: BrowserContext, url: string, artifacts: ScenarioArtifacts): Promise<Workbench> {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible', timeout: 60_000 });
    const wb = new Workbench(page, artifacts);
    await wb.screenshot('workbench');
    return wb;
  }

  async screenshot(step: string): Promise<void> {
    await this.page.screenshot({ path: this.artifacts.nextShot(step) }).catch(() => undefined);
  }

  /**
   * Runs a command from the palette by its label. Right after a window opens, commands
   * contributed by extensions can be missing from the first palette (it does not refresh
   * when they register), so only a miss on the first opening is retried, once the palette
   * has been closed; any later miss is a real failure.
   */
  async runCommand(label: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    const row = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
    const exact = this.page.locator('.quick-input-widget .monaco-list-row', {
      has: this.page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }),
    }).first();
    for (const attempt of ['first palette', 'reopened palette']) {
      await this.page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      await input.fill(`>${label}`);
      const listed = await row.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
      if (listed) {
        // Click the row itself: Enter runs the highlighted row, which for "Tasks: Run Task" is
        // "Tasks: Rerun All Running Tasks" (the palette ranks recently used and fuzzy matches first).
        await ((await exact.count()) > 0 ? exact : row).click();
        return;
      }
      await this.screenshot(`palette-miss-${attempt}`);
      await this.page.keyboard.press('Escape');
    }
    throw new Error(`command "${label}" is not listed in the command palette`);
  }

  /**
   * Waits until the palette lists `label`: commands guarded by a `when` clause appear only once
   * the extension has set its context (for DW Workbench: the project is loaded), which is the
   * readiness a user waits for too. Polls the palette, closing it between looks.
   */
  async waitForCommand(label: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let rows: string[] = [];
    while (Date.now() < deadline) {
      rows = await this.paletteRows(label);
      if (rows.includes(label)) return;
      await this.page.waitForTimeout(1_000);
    }
    await this.screenshot('command-never-listed');
    throw new Error(`"${label}" was not listed in the palette within ${timeoutMs} ms (rows: ${JSON.stringify(rows.slice(0, 5))})`);
  }

  /** The labels the palette lists for `filter` (opens and closes the palette). */
  async paletteRows(filter: string): Promise<string[]> {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await this.page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill(`>${filter}`);
    await this.page.locator('.quick-input-widget .monaco-list-row').first().waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
    const rows = await this.page.locator('.quick-input-widget .monaco-list-row .label-name').allTextContents();
    await this.page.keyboard.press('Escape');
    return rows.map((r) => r.trim());
  }

  /**
   * The text of the first notification that matches `text`: a toast, or, when the toast has
   * already gone, the same entry in the notification center.
   */
  async waitForNotification(text: string | RegExp, timeoutMs = 30_000): Promise<string> {
    const toast = this.page.locator('.notifications-toasts .notification-list-item-message', { hasText: text }).first();
    const seen = await toast.waitFor({ state: 'visible', timeout: timeoutMs }).then(() => true, () => false);
    if (seen) return ((await toast.textContent()) ?? '').trim();
    await this.runCommand('Notifications: Show Notifications');
    const item = this.page.locator('.notifications-center .notification-list-item-message', { hasText: text }).first();
    const found = await item.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
    if (!found) {
      const all = await this.page.locator('.notifications-center .notification-list-item-message').allTextContents();
      await this.screenshot('notification-miss');
      throw new Error(`no notification matching ${String(text)} within ${timeoutMs} ms; notifications: ${JSON.stringify(all)}`);
    }
    const message = ((await item.textContent()) ?? '').trim();
    await this.page.keyboard.press('Escape');
    return message;
  }

  /** Clicks the button `action` of the notification toast matching `text`. */
  async clickNotificationAction(text: string | RegExp, action: string, timeoutMs = 30_000): Promise<void> {
    const toast = this.page.locator('.notifications-toasts .notification-list-item', {
      has: this.page.locator('.notification-list-item-message', { hasText: text }),
    }).first();
    await toast.waitFor({ state: 'visible', timeout: timeoutMs });
    await toast.locator('.notification-list-item-buttons-container a.monaco-button', { hasText: action }).first().click();
  }

  /** Waits for the modal dialog matching `text`, returns its message and detail, and clicks `button`. */
  async answerDialog(text: string | RegExp, button: string, timeoutMs = 30_000): Promise<string> {
    const dialog = this.page.locator('.monaco-dialog-box', { hasText: text }).first();
    await dialog.waitFor({ state: 'visible', timeout: timeoutMs });
    await this.screenshot('modal-dialog');
    const message = ((await dialog.locator('.dialog-message-container').innerText()) ?? '').trim();
    await dialog.locator('.dialog-buttons a.monaco-button', { hasText: new RegExp(`^\\s*${escapeRegExp(button)}\\s*$`) }).first().click();
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    return message;
  }

  /**
   * Clicks the activity-bar entry with this title and returns the titles of its views. A
   * container with a single view shows it as "<container>: <view>" in the sidebar title
   * instead of a pane header, so both places are read.
   */
  async openViewContainer(title: string): Promise<string[]> {
    const entry = this.page.locator(`.part.activitybar .action-item a[aria-label^="${title}"]`).first();
    await entry.waitFor({ state: 'visible', timeout: 30_000 });
    const sidebarTitle = this.page.locator('.part.sidebar .composite.title .title-label h2');
    if (!((await sidebarTitle.textContent().catch(() => '')) ?? '').toLowerCase().startsWith(title.toLowerCase())) await entry.click();
    await this.page.locator('.part.sidebar .pane-header h3.title').first().waitFor({ state: 'attached', timeout: 15_000 });
    const headers = await this.page.locator('.part.sidebar .pane-header h3.title').allTextContents();
    const label = ((await sidebarTitle.textContent()) ?? '').trim();
    const merged = label.toLowerCase().startsWith(`${title.toLowerCase()}: `) ? [label.slice(title.length + 2)] : [];
    return [...new Set([...headers.map((t) => t.trim()), ...merged])];
  }

  /**
   * The visible lines of an output channel, picked in the Output panel's channel list. With
   * `filter`, only the entries containing it (the Output view's filter box; cleared afterwards):
   * the view renders only what fits on screen, and long channels scroll.
   */
  async outputChannelLines(channel: string, filter?: string): Promise<string[]> {
    await this.runCommand('Output: Show Output Channels...');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    // The channel picker replaces the palette: typing before it has would search files instead.
    await this.page.locator('.quick-input-widget .monaco-list-row').first().waitFor({ state: 'visible', timeout: 10_000 });
    await this.waitUntil(async () => (await input.inputValue()) === '', 10_000, 'the output channel picker did not open');
    await input.fill(channel);
    const row = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: channel }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    await this.page.keyboard.press('Enter');
    const lines = this.page.locator('.part.panel .output-view .view-lines .view-line');
    await lines.first().waitFor({ state: 'visible', timeout: 15_000 });
    if (filter !== undefined) return this.filteredOutputLines(filter);
    const texts = await lines.allTextContents();
    // Monaco renders spaces as non-breaking spaces.
    return texts.map((l) => l.replace(/\u00a0/g, ' ')).filter((l) => l.trim() !== '');
  }

  /**
   * The "Extension Activation Stats" table of "Developer: Startup Performance": per extension
   * identifier, the times the extension host measured (ms) for loading the extension's code,
   * the activate() call, and the wait for the promise activate() returned. Waits (the report
   * says "Loading..." until the window has settled) until every id in `waitFor` is listed.
   */
  async activationStats(waitFor: readonly string[]): Promise<Map<string, ActivationStats>> {
    await this.runCommand('Developer: Startup Performance');
    const lines = this.page.locator('.editor-instance .view-lines .view-line');
    const deadline = Date.now() + 180_000;
    for (;;) {
      const stats = parseActivationStats((await lines.allTextContents()).map((l) => l.replace(/\u00a0/g, ' ')));
      if (waitFor.every((id) => stats.has(id))) return stats;
      if (Date.now() > deadline) {
        await this.screenshot('activation-stats-missing');
        throw new Error(`Startup Performance lists no activation of ${waitFor.filter((id) => !stats.has(id)).join(', ')}`);
      }
      await this.page.waitForTimeout(1_000);
    }
  }

  /** The entries of the open output channel that contain `filter`, wrapped lines joined back. */
  private async filteredOutputLines(filter: string): Promise<string[]> {
    const box = this.page.locator('.part.panel .viewpane-filter input').first();
    const lines = this.page.locator('.part.panel .output-view .view-lines .view-line');
    // Entries start with their timestamp; the view wraps long ones over several lines.
    const read = async (): Promise<string[]> => {
      const entries: string[] = [];
      for (const raw of await lines.allTextContents()) {
        const line = raw.replace(/\u00a0/g, ' ');
        if (/^\d{4}-\d\d-\d\d /.test(line) || entries.length === 0) entries.push(line);
        else entries[entries.length - 1] += line;
      }
      return entries.filter((l) => l.trim() !== '');
    };
    await box.fill(filter);
    let entries: string[] = [];
    await this.until(async () => {
      entries = await read();
      return entries.length > 0 && entries.every((l) => l.toLowerCase().includes(filter.toLowerCase()));
    }, 10_000, () => `the output filter "${filter}" shows no matching entry: ${JSON.stringify(entries)}`);
    await this.screenshot(`output-filter-${filter}`);
    await box.fill('');
    return entries;
  }

  private async waitUntil(condition: () => Promise<boolean>, timeoutMs: number, failure: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(failure);
      await this.page.waitForTimeout(100);
    }
  }

  /** The content frame of the first webview (editor panel or view). */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview').first().frameLocator('iframe#active-frame');
  }

  /** The content frame of the webview on screen (other panels' frames stay in the page, hidden). */
  visibleWebview(): FrameLocator {
    return this.page.frameLocator('iframe.webview:visible').first().frameLocator('iframe#active-frame');
  }

  /** Clicks the row of the open quick pick whose label is exactly `label`. */
  async pick(label: string, timeoutMs = 30_000): Promise<void> {
    const row = this.page.locator('.quick-input-widget .monaco-list-row', {
      has: this.page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }),
    }).first();
    await row.waitFor({ state: 'visible', timeout: timeoutMs });
    await row.click();
  }

  /** The tree row of the side bar whose label is `label`. */
  treeRow(label: string): Locator {
    return this.page.locator('.part.sidebar .monaco-list-row', {
      has: this.page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }),
    }).first();
  }

  /** The text the terminal panel shows (its visible rows; the DOM renderer is set in the profile). */
  async terminalText(): Promise<string> {
    const rows = this.page.locator('.part.panel .terminal-wrapper.active .xterm-rows');
    await rows.first().waitFor({ state: 'visible', timeout: 30_000 });
    return ((await rows.first().innerText()) ?? '').replace(/\u00a0/g, ' ');
  }

  /** Waits until `condition` holds, polling; screenshots and fails with `failure()` otherwise. */
  async until(condition: () => Promise<boolean>, timeoutMs: number, failure: () => Promise<string> | string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition().catch(() => false))) {
      if (Date.now() > deadline) {
        await this.screenshot('wait-failed');
        throw new Error(await failure());
      }
      await this.page.waitForTimeout(250);
    }
  }

  async close(): Promise<void> {
    await this.page.close().catch(() => undefined);
  }
}

export interface ActivationStats {
  readonly eager: boolean;
  readonly loadCodeMs: number;
  readonly callActivateMs: number;
  readonly finishActivateMs: number;
  readonly event: string;
}

/** Rows "| id | eager | load | call | finish | event | by |" of the report's markdown table. */
export function parseActivationStats(lines: readonly string[]): Map<string, ActivationStats> {
  const stats = new Map<string, ActivationStats>();
  const heading = lines.findIndex((l) => l.trim() === '## Extension Activation Stats');
  if (heading < 0) return stats;
  for (const line of lines.slice(heading + 1)) {
    if (line.startsWith('##')) break;
    const cells = line.split('|').map((c) => c.trim());
    const [, id, eager, load, call, finish, event] = cells;
    if (id === undefined || !/^\d+$/.test(load ?? '') || !/^\d+$/.test(call ?? '') || !/^\d+$/.test(finish ?? '')) continue;
    stats.set(id, { eager: eager === 'true', loadCodeMs: Number(load), callActivateMs: Number(call), finishActivateMs: Number(finish), event: event ?? '' });
  }
  return stats;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
