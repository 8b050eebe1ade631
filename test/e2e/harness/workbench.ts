import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import type { ScenarioArtifacts } from './artifacts';
import { toolFolder } from './toolFolder';

/** Headless Debian Chromium with a fresh profile; Playwright's own browser download cannot work here. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(path.join(toolFolder.tmp, 'chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: toolFolder.chromium,
    headless: true,
    viewport: { width: 1400, height: 900 },
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
    for (const attempt of ['first palette', 'reopened palette']) {
      await this.page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      await input.fill(`>${label}`);
      const listed = await row.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
      if (listed) {
        await this.page.keyboard.press('Enter');
        return;
      }
      await this.screenshot(`palette-miss-${attempt}`);
      await this.page.keyboard.press('Escape');
    }
    throw new Error(`command "${label}" is not listed in the command palette`);
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

  /** Clicks the activity-bar entry with this title and returns the titles of its views. */
  async openViewContainer(title: string): Promise<string[]> {
    const entry = this.page.locator(`.part.activitybar .action-item a[aria-label^="${title}"]`).first();
    await entry.waitFor({ state: 'visible', timeout: 30_000 });
    const expanded = await entry.getAttribute('aria-expanded');
    if (expanded !== 'true') await entry.click();
    const headers = this.page.locator('.part.sidebar .pane-header h3.title');
    await headers.first().waitFor({ state: 'visible', timeout: 15_000 });
    return (await headers.allTextContents()).map((t) => t.trim());
  }

  /** The visible lines of an output channel, picked in the Output panel's channel list. */
  async outputChannelLines(channel: string): Promise<string[]> {
    await this.runCommand('Output: Show Output Channels...');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.fill(channel);
    const row = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: channel }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    await this.page.keyboard.press('Enter');
    const lines = this.page.locator('.part.panel .output-view .view-lines .view-line');
    await lines.first().waitFor({ state: 'visible', timeout: 15_000 });
    const texts = await lines.allTextContents();
    // Monaco renders spaces as non-breaking spaces.
    return texts.map((l) => l.replace(/\u00a0/g, ' ')).filter((l) => l.trim() !== '');
  }

  /** The content frame of the first webview (editor panel or view). */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview').first().frameLocator('iframe#active-frame');
  }

  async close(): Promise<void> {
    await this.page.close().catch(() => undefined);
  }
}
