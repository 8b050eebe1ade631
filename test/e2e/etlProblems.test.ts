import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createEngine } from '../../src/core/engine/factory';
import { localPostgres } from '../support/throwawayDatabase';
import { insertCustomers } from '../integration/etl/support/customers';
import { applyWarehouseScripts } from '../integration/etl/support/warehouse';
import { createWorkspace, lastRunInTerminal, postgresDatabasePerSuite, postgresProject, repoRoot, runEnd, runEtlTask, terminal, windowPerSuite, type Workbench } from './harness';

interface Mapping {
  source: string;
  target: string;
  rule: string;
}

const shipped = readFileSync(path.join(repoRoot, 'etl/entities/dim_cliente.json'), 'utf8');

/** The shipped dim_cliente definition with its email column changed as `change` says. */
function withEmail(change: Partial<Mapping>): string {
  const def = JSON.parse(shipped) as { columns: Mapping[] };
  def.columns = def.columns.map((c) => (c.target === 'email' ? { ...c, ...change } : c));
  return `${JSON.stringify(def, null, 2)}\n`;
}

/** The line (1-based) where the email column's mapping object opens in `text`. */
function emailColumnLine(text: string, source: string): number {
  return text.split('\n').findIndex((l) => l.includes(`"source": "${source}"`));
}

/** The rows of the Problems view, as a user reads them (file rows and problem rows). */
async function problemRows(wb: Workbench): Promise<string[]> {
  const rows = await wb.page.locator('.part.panel .markers-panel .monaco-list-row').allInnerTexts();
  return rows.map((r) => r.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim());
}

async function showProblems(wb: Workbench): Promise<void> {
  await wb.runCommand('Focus on Problems View');
  await wb.page.locator('.part.panel .markers-panel').waitFor({ state: 'visible', timeout: 15_000 });
}

/** Terminal > Run Task > dw-etl > dim_cliente, as a user starts it. */
async function runDimClienteTask(wb: Workbench): Promise<void> {
  await runEtlTask(wb, 'DW Workbench: dim_cliente');
}

/** The Problems rows once one of them contains `text` and `also(rows)` holds. */
async function problemsShowing(wb: Workbench, text: string, also: (rows: string[]) => boolean = () => true): Promise<string[]> {
  await showProblems(wb);
  let rows: string[] = [];
  await wb.until(async () => {
    rows = await problemRows(wb);
    return rows.some((r) => r.includes(text)) && also(rows);
  }, 60_000, () => `Problems rows: ${JSON.stringify(rows)}`);
  return rows;
}

/** Runs the task on a dim_cliente.json with an unknown rule; the Problems rows once they show it. */
async function failWithUnknownRule(wb: Workbench, file: string): Promise<string[]> {
  writeFileSync(file, withEmail({ rule: 'normalizar_emial' }));
  await runDimClienteTask(wb);
  await wb.until(async () => /names a rule that is not in the catalogue/.test(await terminal(wb)), 120_000, async () => `no failure line in the terminal: ${await terminal(wb)}`);
  await wb.screenshot('unknown-rule-terminal');
  return problemsShowing(wb, 'names a rule that is not in the catalogue');
}

/**
 * A failed dw-etl task puts each failure in the Problems panel at the definition file's line
 * (the run publishes them as it prints its failure lines), and the next successful run of the
 * task clears them. A project whose own etl/entities holds only
 * dim_cliente, on a throw-away PostgreSQL database with the OLTP and warehouse tables.
 */
describe('e2e: a failing dw-etl task fills the Problems panel', function () {
  const db = postgresDatabasePerSuite('dwb_e2e_etl_problems');
  let file = '';

  before(async () => {
    const engine = await createEngine({ engine: 'postgres', ...localPostgres, database: db.name, poolMax: 1 });
    try {
      await applyWarehouseScripts(engine);
      await insertCustomers(engine, [
        { id: 1, updatedAt: '2024-03-01 10:00:00' },
        { id: 2, updatedAt: '2024-03-01 11:00:00' },
      ]);
    } finally {
      await engine.close();
    }
  });

  const w = windowPerSuite((s) => {
    const folder = createWorkspace(s.workspacesDir, 'etl-problems', postgresProject('etl-problems', db.name), {
      'etl/entities/dim_cliente.json': withEmail({ rule: 'normalizar_emial' }),
    });
    file = path.join(folder, 'etl/entities/dim_cliente.json');
    return folder;
  });

  it('Run Task > dw-etl > dim_cliente with an unknown rule, then a source column core.customers lacks: each at its column\'s line of dim_cliente.json, the second replacing the first', async function () {
    this.timeout(600_000);
    const wb = w.workbench;
    await wb.waitForCommand('DW: Run ETL');
    let rows = await failWithUnknownRule(wb, file);
    await wb.screenshot('unknown-rule-problems');
    let line = emailColumnLine(readFileSync(file, 'utf8'), 'email');
    assert.ok(rows.some((r) => r.startsWith('dim_cliente.json')), `Problems rows: ${JSON.stringify(rows)}`);
    let problem = rows.find((r) => r.includes('names a rule that is not in the catalogue')) ?? '';
    assert.match(problem, /entity dim_cliente, column email, rule normalizar_emial: names a rule that is not in the catalogue/);
    assert.match(problem, new RegExp(`\\[Ln ${line}, Col 1\\]`), `expected line ${line}: ${problem}`);

    // The column is refused against the real table; the problem of the run before is replaced.
    writeFileSync(file, withEmail({ source: 'e_mail' }));
    await runDimClienteTask(wb);
    await wb.until(async () => /maps source column e_mail/.test(await terminal(wb)), 120_000, async () => `no failure line in the terminal: ${await terminal(wb)}`);
    await wb.screenshot('missing-column-terminal');
    line = emailColumnLine(readFileSync(file, 'utf8'), 'e_mail');
    rows = await problemsShowing(wb, 'maps source column e_mail', (all) => !all.some((r) => r.includes('not in the catalogue')));
    await wb.screenshot('missing-column-problems');
    problem = rows.find((r) => r.includes('maps source column e_mail')) ?? '';
    assert.match(problem, /entity dim_cliente, column email, rule normalizar_email: maps source column e_mail, which core\.customers does not have/);
    assert.match(problem, new RegExp(`\\[Ln ${line}, Col 1\\]`), `expected line ${line}: ${problem}`);
  });

  it('after a failed run, the fixed definition runs: SUCCESS in the terminal, and the task\'s problems are gone', async function () {
    this.timeout(600_000);
    const wb = w.workbench;
    await wb.waitForCommand('DW: Run ETL');
    // This case's own failed run: its problem is what the successful run must clear.
    await failWithUnknownRule(wb, file);
    const before = await lastRunInTerminal(wb);

    writeFileSync(file, shipped);
    await runDimClienteTask(wb);
    const end = await runEnd(wb, before, 180_000);
    await wb.screenshot('fixed-run-finished');
    assert.match(end.text, /dim_cliente: SUCCESS in [\d.]+ s: 2 extracted, 2 upserted/);

    await showProblems(wb);
    let rows: string[] = [];
    await wb.until(async () => !(rows = await problemRows(wb)).some((r) => r.includes('dim_cliente')), 60_000,
      () => `Problems rows after the successful run: ${JSON.stringify(rows)}`);
    await wb.page.locator('.part.panel .markers-panel', { hasText: 'No problems have been detected in the workspace' }).waitFor({ state: 'visible', timeout: 30_000 });
    await wb.screenshot('problems-cleared');
    assert.deepEqual(rows.filter((r) => /dim_cliente|DW Workbench ETL/.test(r)), []);
  });
});
