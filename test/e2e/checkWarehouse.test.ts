import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createDashboardWarehouse, type DashboardWarehouse } from '../integration/dashboards/warehouseFixture';
import { createWorkspace, postgresProject, repoRoot, windowPerSuite, type Workbench } from './harness';

/** The rows of the Problems view, as a user reads them (file rows and problem rows). */
async function problemRows(wb: Workbench): Promise<string[]> {
  const rows = await wb.page.locator('.part.panel .markers-panel .monaco-list-row').allInnerTexts();
  return rows.map((r) => r.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim());
}

/**
 * DW: Check Warehouse on a warehouse with sales whose customer is missing (the FK dropped, as on
 * a warehouse built without constraints): the orphan check's failure, with its offending key,
 * sits in Problems at the cliente_id mapping line of fact_vendas.json.
 */
describe('e2e: DW: Check Warehouse fills the Problems panel', function () {
  this.timeout(900_000);
  let wh: DashboardWarehouse;
  before(async () => {
    wh = await createDashboardWarehouse({ sales: 200, runs: 10, events: 10 });
    await wh.engine.batch('ALTER TABLE fact.fact_vendas DROP CONSTRAINT fk_fact_vendas_cliente_id');
    await wh.engine.batch('UPDATE fact.fact_vendas SET cliente_id = 424242 WHERE venda_id IN (SELECT venda_id FROM fact.fact_vendas ORDER BY venda_id LIMIT 2)');
  });
  after(async () => {
    await wh?.close();
  });

  const factVendas = readFileSync(path.join(repoRoot, 'etl/entities/fact_vendas.json'), 'utf8');
  const w = windowPerSuite((s) => createWorkspace(s.workspacesDir, 'check-warehouse', postgresProject('check-warehouse', wh.database.name), {
    'etl/entities/fact_vendas.json': factVendas,
  }));

  it('shows the FK orphans at the fact definition\'s cliente_id line, with the offending key', async () => {
    const wb = w.workbench;
    await wb.waitForCommand('DW: Check Warehouse');
    await wb.runCommand('DW: Check Warehouse');
    await wb.runCommand('Focus on Problems View');
    await wb.page.locator('.part.panel .markers-panel').waitFor({ state: 'visible', timeout: 15_000 });
    let rows: string[] = [];
    await wb.until(async () => (rows = await problemRows(wb)).some((r) => r.includes('fk_orphans.fact_vendas.cliente_id')), 120_000,
      () => `Problems rows: ${JSON.stringify(rows)}`);
    await wb.screenshot('check-warehouse-problems');
    const line = factVendas.split('\n').findIndex((l) => l.includes('"target": "cliente_id"')) + 1;
    const problem = rows.find((r) => r.includes('fk_orphans.fact_vendas.cliente_id')) ?? '';
    assert.match(problem, /fact\.FACT_VENDAS\.cliente_id values with no dim\.DIM_CLIENTE\.cliente_id: 2 offending; offending: 424242 \(2 rows\)/);
    assert.match(problem, new RegExp(`\\[Ln ${line}, Col \\d+\\]`), `expected line ${line}: ${problem}`);
  });
});
