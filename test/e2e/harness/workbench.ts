import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type FrameLocator, type Locator, type Page } from 'playwright-core';
import type { ScenarioArtifacts } from './artifacts';
import { toolFolder } from './toolFolder';
import { eventually, retried } from './wait';

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
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 180_000 });
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 180_000 });
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible', timeout: 180_000 });
    const wb = new Workbench(page, artifacts);
    await wb.screenshot('workbench');
    return wb;
  }

  async screenshot(step: string): Promise<void> {
    await this.page.screenshot({ path: this.artifacts.nextShot(step) }).catch(() => undefined);
  }

  /** The palette's (or any quick pick's) text box. */
  private get quickInput(): Locator {
    return this.page.locator('.quick-input-widget .quick-input-box input');
  }

  /** The row of the open quick pick whose label is exactly `label`. */
  private quickPickRow(label: string): Locator {
    return this.page.locator('.quick-input-widget .monaco-list-row', {
      has: this.page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }),
    }).first();
  }

  /** Closes whatever quick pick is open (a palette left open by a failed step would swallow the next keys). */
  async closeQuickInput(): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    for (let i = 0; i < 3 && (await widget.isVisible()); i++) {
      await this.page.keyboard.press('Escape');
      await widget.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    }
  }

  /**
   * Opens the palette and types `>text` into it; true once the palette keeps that text and
   * lists `row` (a label, matched exactly). Under load the workbench can drop the key that
   * opens the palette, or the palette can take the text before it is listening and stay
   * inert (the list does not filter), or reset it to ">" when it finishes opening: the text
   * is typed again whenever the box does not hold it, until `row` shows or `listMs` passes.
   */
  private async paletteListing(text: string, row: Locator, listMs: number): Promise<boolean> {
    await this.closeQuickInput();
    await this.page.keyboard.press('F1');
    if (!(await this.quickInput.waitFor({ state: 'visible', timeout: 20_000 }).then(() => true, () => false))) return false;
    const typed = `>${text}`;
    let typedAt = 0;
    return eventually(async () => {
      if (typedAt === 0 || (await this.quickInput.inputValue()) !== typed) {
        await this.quickInput.fill(typed);
        typedAt = Date.now();
      } else if (Date.now() - typedAt > 5_000 && !(await row.isVisible())) {
        // The box has held the text for seconds but the list has not followed it: type it again.
        await this.quickInput.fill('>');
        await this.quickInput.fill(typed);
        typedAt = Date.now();
      }
      return row.isVisible();
    }, listMs, 250);
  }

  /**
   * Runs a command from the palette by its label, clicking its row (Enter runs the highlighted
   * row, which for "Tasks: Run Task" is "Tasks: Rerun All Running Tasks": the palette ranks
   * recently used and fuzzy matches first). An opening of the palette that does not list the
   * command (dropped, inert, or the command not registered yet right after a window opens),
   * or a click the palette does not take (the row stays), is made again, up to four times.
   */
  async runCommand(label: string): Promise<void> {
    // A command's row reads "Category: Title"; a few are listed under a category the label omits.
    const exact = this.page.locator('.quick-input-widget .monaco-list-row', {
      has: this.page.locator('.label-name', { hasText: new RegExp(`^\\s*(?:[^:]+: )?${escapeRegExp(label)}\\s*$`) }),
    }).first();
    let rows: string[] = [];
    await retried(`palette "${label}"`, 4, async (n) => {
      if (!(await this.paletteListing(label, exact, n === 1 ? 20_000 : 30_000))) {
        rows = await this.page.locator('.quick-input-widget .monaco-list-row .label-name').allTextContents().catch(() => []);
        await this.screenshot(`palette-miss-${n}`);
        return false;
      }
      await exact.click();
      // The click took when the row goes: the palette closed, or the command opened its own picker.
      return eventually(async () => !(await exact.isVisible()), 10_000);
    }, async () => `"${label}" is not listed in the command palette (input ${JSON.stringify(await this.quickInput.inputValue().catch(() => '?'))}, rows ${JSON.stringify(rows.slice(0, 5))})`);
  }

  /**
   * Waits until the palette lists `label`: commands guarded by a `when` clause appear only once
   * the extension has set its context (for DW Workbench: the project is loaded), which is the
   * readiness a user waits for too. Looks at the palette, closing it between looks.
   */
  async waitForCommand(label: string, timeoutMs = 120_000): Promise<void> {
    let rows: string[] = [];
    const listed = await eventually(async () => (rows = await this.paletteRows(label)).includes(label), timeoutMs, 500);
    if (listed) return;
    await this.screenshot('command-never-listed');
    throw new Error(`"${label}" was not listed in the palette within ${timeoutMs} ms (rows: ${JSON.stringify(rows.slice(0, 5))})`);
  }

  /** The labels the palette lists for `filter` once it lists `filter` itself or `listMs` passes (opens and closes the palette). */
  async paletteRows(filter: string, listMs = 5_000): Promise<string[]> {
    await this.paletteListing(filter, this.quickPickRow(filter), listMs);
    const rows = await this.page.locator('.quick-input-widget .monaco-list-row .label-name').allTextContents();
    await this.closeQuickInput();
    return rows.map((r) => r.trim());
  }

  /**
   * The text of the first notification that matches `text`: a toast, or, when the toast has
   * already gone (an information toast hides itself after some seconds), the same entry in the
   * notification center.
   */
  async waitForNotification(text: string | RegExp, timeoutMs = 60_000): Promise<string> {
    const toast = this.page.locator('.notifications-toasts .notification-list-item-message', { hasText: text }).first();
    const seen = await toast.waitFor({ state: 'visible', timeout: timeoutMs }).then(() => true, () => false);
    if (seen) return ((await toast.textContent()) ?? '').trim();
    process.stderr.write(`      [e2e] notification ${String(text)}: no toast within ${timeoutMs} ms; looking in the notification center\n`);
    const item = await this.notificationInCenter(text);
    if (item === undefined) {
      const all = await this.page.locator('.notifications-center .notification-list-item-message').allTextContents();
      await this.screenshot('notification-miss');
      await this.closeNotificationCenter();
      throw new Error(`no notification matching ${String(text)} within ${timeoutMs} ms; notifications: ${JSON.stringify(all)}`);
    }
    const message = ((await item.locator('.notification-list-item-message').textContent()) ?? '').trim();
    await this.closeNotificationCenter();
    return message;
  }

  /** Opens the notification center; the entry matching `text` there, or undefined. */
  private async notificationInCenter(text: string | RegExp): Promise<Locator | undefined> {
    const center = this.page.locator('.notifications-center');
    if (!(await center.isVisible())) await this.runCommand('Notifications: Show Notifications');
    await center.waitFor({ state: 'visible', timeout: 15_000 });
    const item = center.locator('.notification-list-item', { has: this.page.locator('.notification-list-item-message', { hasText: text }) }).first();
    return (await item.waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false)) ? item : undefined;
  }

  private async closeNotificationCenter(): Promise<void> {
    const center = this.page.locator('.notifications-center');
    if (await center.isVisible()) await this.runCommand('Notifications: Hide Notifications');
  }

  /**
   * Clicks the button `action` of the notification matching `text`: on its toast, or, when the
   * toast has hidden itself (information toasts do after some seconds, so a scenario that reads
   * other things first finds it gone), on its entry in the notification center. The click took
   * when the notification closes; one that did not is made again, up to three times. `shown`:
   * the scenario has seen the notification already (waitForNotification), so a toast that is not
   * visible now has hidden itself and the center is looked at at once, instead of waiting
   * `timeoutMs` for a toast that will not come back.
   * `effect`: what the action does, when the scenario can see it. Then the click took when that
   * shows, not when the toast is gone: an information toast that hides itself as it is clicked
   * is gone too, and the action never ran (the notification waits in the center, where the
   * next attempt clicks it). When the center no longer holds it, the action ran: its effect is
   * awaited longer.
   */
  async clickNotificationAction(
    text: string | RegExp, action: string,
    { timeoutMs = 60_000, shown = false, effect }: { timeoutMs?: number; shown?: boolean; effect?: () => Promise<boolean> } = {},
  ): Promise<void> {
    const withText = { has: this.page.locator('.notification-list-item-message', { hasText: text }) };
    const toast = this.page.locator('.notifications-toasts .notification-list-item', withText).first();
    const entry = this.page.locator('.notifications-center .notification-list-item', withText).first();
    const button = (item: Locator): Locator => item.locator('.notification-list-item-buttons-container a.monaco-button', { hasText: action }).first();
    const gone = (): Promise<boolean> => eventually(async () => !(await toast.isVisible()) && !(await entry.isVisible()), 10_000);
    const took = (): Promise<boolean> => (effect === undefined ? gone() : eventually(effect, 20_000));
    await retried(`notification "${String(text)}" > ${action}`, 3, async (n) => {
      // A toast that hides itself while the click waits for it fails the click: the effect says whether it took.
      const clickToast = (): Promise<void> => button(toast).click({ timeout: 10_000 }).catch(() => undefined);
      if (n === 1 && !shown && (await toast.waitFor({ state: 'visible', timeout: timeoutMs }).then(() => true, () => false))) {
        await clickToast();
        return took();
      }
      if (await toast.isVisible()) {
        await clickToast();
        return took();
      }
      process.stderr.write(`      [e2e] notification "${String(text)}": its toast has hidden itself; "${action}" is taken from the notification center\n`);
      const item = await this.notificationInCenter(text);
      if (item === undefined) {
        // Not there any more: an earlier click ran the action, whose effect is slow to show.
        await this.closeNotificationCenter();
        return effect === undefined ? false : eventually(effect, 60_000);
      }
      // A collapsed entry hides its buttons: expand it first.
      if (!(await button(item).isVisible())) await item.locator('.codicon-notifications-expand').first().click().catch(() => undefined);
      await button(item).click({ timeout: 10_000 });
      const shows = await took();
      await this.closeNotificationCenter();
      return shows;
    }, async () => {
      await this.screenshot('notification-action-miss');
      return `notifications: ${JSON.stringify(await this.page.locator('.notification-list-item-message').allTextContents())}`;
    });
  }

  /** Waits for the modal dialog matching `text`, returns its message and detail, and clicks `button`. */
  async answerDialog(text: string | RegExp, button: string, timeoutMs = 60_000): Promise<string> {
    const dialog = this.page.locator('.monaco-dialog-box', { hasText: text }).first();
    await dialog.waitFor({ state: 'visible', timeout: timeoutMs });
    await this.screenshot('modal-dialog');
    const message = ((await dialog.locator('.dialog-message-container').innerText()) ?? '').trim();
    await dialog.locator('.dialog-buttons a.monaco-button', { hasText: new RegExp(`^\\s*${escapeRegExp(button)}\\s*$`) }).first().click();
    await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
    return message;
  }

  /**
   * Clicks the activity-bar entry with this title and returns the titles of its views. A
   * container with a single view shows it as "<container>: <view>" in the sidebar title
   * instead of a pane header, so both places are read.
   */
  async openViewContainer(title: string): Promise<string[]> {
    const entry = this.page.locator(`.part.activitybar .action-item a[aria-label^="${title}"]`).first();
    await entry.waitFor({ state: 'visible', timeout: 60_000 });
    const sidebarTitle = this.page.locator('.part.sidebar .composite.title .title-label h2');
    if (!((await sidebarTitle.textContent().catch(() => '')) ?? '').toLowerCase().startsWith(title.toLowerCase())) await entry.click();
    await this.page.locator('.part.sidebar .pane-header h3.title').first().waitFor({ state: 'attached', timeout: 60_000 });
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
    await this.page.locator('.quick-input-widget .monaco-list-row').first().waitFor({ state: 'visible', timeout: 60_000 });
    await this.waitUntil(async () => (await input.inputValue()) === '', 60_000, 'the output channel picker did not open');
    await input.fill(channel);
    const row = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: channel }).first();
    await row.waitFor({ state: 'visible', timeout: 60_000 });
    await this.page.keyboard.press('Enter');
    const lines = this.page.locator('.part.panel .output-view .view-lines .view-line');
    await lines.first().waitFor({ state: 'visible', timeout: 60_000 });
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
    let stats = new Map<string, ActivationStats>();
    const listed = await eventually(async () => {
      stats = parseActivationStats((await lines.allTextContents()).map((l) => l.replace(/\u00a0/g, ' ')));
      return waitFor.every((id) => stats.has(id));
    }, 180_000, 1_000);
    if (listed) return stats;
    await this.screenshot('activation-stats-missing');
    throw new Error(`Startup Performance lists no activation of ${waitFor.filter((id) => !stats.has(id)).join(', ')}`);
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
    }, 60_000, () => `the output filter "${filter}" shows no matching entry: ${JSON.stringify(entries)}`);
    await this.screenshot(`output-filter-${filter}`);
    await box.fill('');
    return entries;
  }

  private async waitUntil(condition: () => Promise<boolean>, timeoutMs: number, failure: string): Promise<void> {
    if (!(await eventually(condition, timeoutMs, 100))) throw new Error(failure);
  }

  /** The content frame of the first webview (editor panel or view). */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview').first().frameLocator('iframe#active-frame');
  }

  /** The content frame of the webview on screen (other panels' frames stay in the page, hidden). */
  visibleWebview(): FrameLocator {
    return this.page.frameLocator('iframe.webview:visible').first().frameLocator('iframe#active-frame');
  }

  /**
   * Clicks the row of the open quick pick whose label is exactly `label`, once the pick lists it
   * (a pick filled by a provider shows its rows when the provider answers, which on a loaded
   * machine can take long: `timeoutMs` bounds it). The click took when the row goes (the pick
   * closed or moved on to its next step); one the pick did not take is made again.
   */
  async pick(label: string, timeoutMs = 90_000): Promise<void> {
    const row = this.quickPickRow(label);
    await retried(`quick pick "${label}"`, 3, async () => {
      const listed = await row.waitFor({ state: 'visible', timeout: timeoutMs }).then(() => true, () => false);
      if (!listed) {
        await this.screenshot(`pick-miss-${label}`);
        throw new Error(`quick pick "${label}": not listed within ${timeoutMs} ms; rows: ${JSON.stringify(await this.page.locator('.quick-input-widget .monaco-list-row .label-name').allTextContents())}`);
      }
      // The pointer may still rest where the last click was, over a row whose long detail shows
      // as a hover that covers the next rows: move it off the pick first.
      await this.page.mouse.move(1, 400);
      await row.click();
      return eventually(async () => !(await row.isVisible()), 10_000);
    }, async () => {
      await this.screenshot(`pick-stayed-${label}`);
      return 'the row stayed after each click';
    });
  }

  private get inputMessage(): Locator {
    return this.page.locator('.quick-input-widget .quick-input-message');
  }

  /** Whether an input box shows a message that `prompt` matches. Bounded reads: an unbounded one waits Playwright's default 30 s for an element in flux. */
  private asking(prompt: RegExp): () => Promise<boolean> {
    return async () => (await this.quickInput.isVisible()) && prompt.test((await this.inputMessage.textContent({ timeout: 2_000 })) ?? '');
  }

  /** Waits for an input box whose message `prompt` matches, and returns that message, answering nothing. */
  async waitForInput(prompt: RegExp, timeoutMs = 60_000): Promise<string> {
    await this.until(this.asking(prompt), timeoutMs,
      async () => `no input box asking ${String(prompt)}; it shows ${JSON.stringify(await this.inputMessage.textContent({ timeout: 2_000 }).catch(() => ''))}`);
    return ((await this.inputMessage.textContent({ timeout: 2_000 })) ?? '').trim();
  }

  /**
   * Answers the open input box whose prompt matches `prompt`: returns the value it offered,
   * types `value` over it (or keeps the offer when undefined) and presses Enter. The answer took
   * when the box shows another prompt or closes; a loaded workbench can drop the typing or the
   * Enter, so while the box still asks the same question the answer is typed and sent again.
   */
  async answerInput(prompt: RegExp, value?: string, timeoutMs = 60_000): Promise<string> {
    const asking = this.asking(prompt);
    await this.waitForInput(prompt, timeoutMs);
    const offered = await this.quickInput.inputValue();
    const answer = value ?? offered;
    await retried(`input box ${String(prompt)}`, 3, async (n) => {
      if (n > 1 && !(await asking().catch(() => false))) return true;
      if (n > 1 || value !== undefined) await this.quickInput.fill(answer);
      if (n === 1) await this.screenshot(`input-${prompt.source.slice(0, 24).replace(/[^A-Za-z0-9]+/g, '-')}`);
      await this.page.keyboard.press('Enter');
      return eventually(async () => !(await asking()), 20_000);
    }, async () => {
      await this.screenshot('input-stayed');
      return `the input box asking ${String(prompt)} stayed: ${JSON.stringify(await this.inputMessage.textContent({ timeout: 2_000 }).catch(() => ''))}, value ${JSON.stringify(await this.quickInput.inputValue({ timeout: 2_000 }).catch(() => '?'))}`;
    });
    return offered;
  }

  /** Whether the open quick pick lists `label` (exactly) within `timeoutMs`, without choosing it. */
  async lists(label: string, timeoutMs: number): Promise<boolean> {
    return this.quickPickRow(label).waitFor({ state: 'visible', timeout: timeoutMs }).then(() => true, () => false);
  }

  /** The tree row of the side bar whose label is `label`. */
  treeRow(label: string): Locator {
    return this.page.locator('.part.sidebar .monaco-list-row', {
      has: this.page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }),
    }).first();
  }

  /** The active terminal's rows (the DOM renderer is set in the profile); not drawn while another panel view hides it. */
  get terminalRows(): Locator {
    return this.page.locator('.part.panel .terminal-wrapper.active .xterm-rows').first();
  }

  /** The text the terminal panel shows (its visible rows). */
  async terminalText(): Promise<string> {
    await this.terminalRows.waitFor({ state: 'visible', timeout: 60_000 });
    return ((await this.terminalRows.innerText()) ?? '').replace(/\u00a0/g, ' ');
  }

  /** Waits until `condition` holds, polling; screenshots and fails with `failure()` otherwise. */
  async until(condition: () => Promise<boolean>, timeoutMs: number, failure: () => Promise<string> | string): Promise<void> {
    if (await eventually(condition, timeoutMs)) return;
    await this.screenshot('wait-failed');
    throw new Error(await failure());
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
