import type { FrameLocator, Locator } from 'playwright-core';
import { eventually, retried } from './wait';
import type { Workbench } from './workbench';

// What DW Workbench shows in the workbench, read the way a user reads it: the dw-etl task's
// terminal, the ETL Entities tree, the dashboards' controls.

/** The terminal's text with its soft wraps undone (long lines wrap at the panel's width). */
export async function terminal(wb: Workbench): Promise<string> {
  return (await wb.terminalText()).replace(/\n/g, '');
}

/** Waits for the terminal to report the end of a run numbered above `after`: its number, its line, the whole text. */
export async function runEnd(wb: Workbench, after: number, timeoutMs: number): Promise<{ id: number; line: string; text: string }> {
  let found: { id: number; line: string; text: string } | undefined;
  await wb.until(async () => {
    const text = await terminal(wb);
    for (const m of text.matchAll(/run (\d+): (SUCCESS|FAILED|PARTIAL) in [\d.]+ s \([^)]*\)/g)) {
      if (Number(m[1]) > after) found = { id: Number(m[1]), line: m[0], text };
    }
    return found !== undefined;
  }, timeoutMs, async () => `no run after run ${after} ended in the terminal: ${await terminal(wb)}`);
  if (found === undefined) throw new Error('unreachable');
  return found;
}

/**
 * The number of the last run the terminal shows ended (0 when none): a later run's end is above it.
 * A terminal behind another panel view (Problems) is brought back first: its rows are not drawn
 * while hidden, and waiting for them to show would only time out.
 */
export async function lastRunInTerminal(wb: Workbench): Promise<number> {
  if (!(await wb.terminalRows.isVisible())) await wb.runCommand('Terminal: Focus Terminal');
  const text = await terminal(wb);
  return Math.max(0, ...[...text.matchAll(/run (\d+): (?:SUCCESS|FAILED|PARTIAL) in /g)].map((m) => Number(m[1])));
}

/**
 * Terminal > Run Task > dw-etl > `task`, as a user starts a dw-etl task. The picker lists the
 * task types once the task service has read the extensions' contributions and asked the
 * providers; an opening that does not list dw-etl within a minute is closed and made again.
 * dw-etl's own tasks come from the extension's provider, which loads the feature bundle on
 * its first call: the second pick waits for it.
 */
export async function runEtlTask(wb: Workbench, task: string): Promise<void> {
  let rows: string[] = [];
  await retried('Run Task > dw-etl', 3, async (n) => {
    await wb.runCommand('Tasks: Run Task');
    if (await wb.lists('dw-etl', 60_000)) return true;
    rows = await wb.page.locator('.quick-input-widget .monaco-list-row .label-name').allTextContents();
    await wb.screenshot(`run-task-without-dw-etl-${n}`);
    await wb.closeQuickInput();
    return false;
  }, () => `the task picker never listed dw-etl; it listed ${JSON.stringify(rows)}`);
  await wb.pick('dw-etl');
  await wb.pick(task, 180_000);
}

/** Hides the bottom panel (terminal, problems), so a dashboard gets the whole editor area. */
export async function hidePanel(wb: Workbench): Promise<void> {
  if (await wb.page.locator('.monaco-workbench .part.panel').isVisible()) await wb.runCommand('View: Toggle Panel Visibility');
  await wb.page.locator('.monaco-workbench .part.panel').waitFor({ state: 'hidden', timeout: 30_000 });
}

/** The option a vscode-single-select shows (its text sits in the element's shadow root). */
export async function shownOption(select: Locator): Promise<string> {
  return (await select.locator('.text').first().innerText()).trim();
}

/** The description (rows, last run, lag) of an entity's row in the ETL Entities tree. */
export async function rowDescription(wb: Workbench, entity: string): Promise<string> {
  return ((await wb.treeRow(entity).locator('.label-description').innerText().catch(() => '')) ?? '').trim();
}

/**
 * "DW: Bootstrap Warehouse" from the palette: waits for its outcome, clears the toast, opens the
 * ETL Entities view and waits for its rows. Returns the notification's text.
 */
export async function bootstrapFromPalette(wb: Workbench, timeoutMs: number): Promise<string> {
  // The palette can close without running the command (a click taken as the palette's end): the
  // command took when its progress, or its end, shows. A bootstrap run twice changes nothing.
  const started = wb.page.locator('.notifications-toasts .notification-list-item-message', { hasText: /Bootstrapping the warehouse|Warehouse ready|Bootstrap failed/ }).first();
  await retried('DW: Bootstrap Warehouse', 3, async () => {
    await wb.runCommand('DW: Bootstrap Warehouse');
    return eventually(() => started.isVisible(), 60_000);
  }, () => 'no bootstrap progress or result was shown');
  const message = await wb.waitForNotification(/Warehouse ready|Bootstrap failed/, timeoutMs);
  await wb.screenshot('bootstrapped');
  await wb.runCommand('Notifications: Clear All Notifications');
  await wb.openViewContainer('DW Workbench');
  await wb.treeRow('dim_cliente').waitFor({ state: 'visible', timeout: 60_000 });
  return message;
}

/** Waits until an entity's tree row shows success (the green icon) and `rows` rows from its last run. */
export async function waitForEntityLoaded(wb: Workbench, entity: string, rows: string, timeoutMs: number, options: { inactive?: boolean } = {}): Promise<void> {
  const row = wb.treeRow(entity);
  // An inactive entity keeps its own icon and says "inactive" first, whatever its last run did.
  const [icon, prefix] = options.inactive === true ? ['.codicon-debug-pause', `inactive · ${rows} rows · `] : ['.codicon-pass', `${rows} rows · `];
  await wb.until(async () => (await row.locator(icon).count()) > 0 && (await rowDescription(wb, entity)).startsWith(prefix), timeoutMs,
    async () => `${entity} row: ${await rowDescription(wb, entity)}`);
}

/** The row of the monitor's "Last runs" table for run `runId`. */
export function monitorRunRow(frame: FrameLocator, runId: number | string): Locator {
  return frame.locator('[data-testid="recentRuns"] tbody tr', { has: frame.locator('td:first-child', { hasText: new RegExp(`^\\s*${runId}\\s*$`) }) });
}

/** "DW: Open ETL Monitor" with the editor area to itself; waits for run `runId` in "Last runs" and returns its row and cells. */
export async function openMonitorAtRun(wb: Workbench, runId: number | string): Promise<{ frame: FrameLocator; row: Locator; cells: string[] }> {
  await hidePanel(wb);
  await wb.runCommand('DW: Open ETL Monitor');
  const frame = wb.visibleWebview();
  const row = monitorRunRow(frame, runId);
  await row.waitFor({ state: 'visible', timeout: 180_000 });
  const cells = (await row.locator('td').allInnerTexts()).map((c) => c.trim());
  return { frame, row, cells };
}
