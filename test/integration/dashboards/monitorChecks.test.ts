import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { recordProjectChecks, runProjectChecks, type CheckReport } from '../../../src/core/checks';
import { monitorHandler } from '../../../src/core/dashboard/handler';
import type { DashboardTheme } from '../../../src/core/dashboard/theme';
import { MonitorQueries } from '../../../src/core/monitor/load';
import { DIM_PRODUTO } from '../../../src/core/warehouse';
import { DEFAULT_AUDIT_FILTERS, type CheckLocationDto, type MonitorData, type MonitorInitialState } from '../../../src/protocol/monitor';
import { entitiesDir } from '../../../src/cli/commands/etl';
import { skipBecause } from '../../support/skip';
import { dwb } from '../checks/support';
import { independentValues } from '../checks/independent';
import { chromiumAvailable, openDashboardBrowser, type DashboardBrowser } from './browserHarness';
import { createEtlWarehouse, type EtlWarehouse } from './etlWarehouse';
import { ensureBuilt } from '../../support/build';

const root = path.resolve(__dirname, '../../..');
const artifacts = path.join(root, 'test-artifacts', 'dashboards');
const ORPHAN = 987654;

interface Shown {
  readonly summary: { total: number; failed: number; errors: number; warnings: number; text: string };
  readonly rows: { check: string; family: string; severity: string; found: number | null; keys: string[]; keyTexts: string[]; location: string }[];
}

/**
 * The warehouse checks in the ETL monitor's health panel, on the warehouse a user has (PostgreSQL:
 * bootstrap, generator, ETL) with an FK orphan and a duplicate natural key planted: what `dwb
 * check` (CLI) and the VS Code side record in ctl.check_result is what the panel lists, and both
 * equal independent queries.
 */
describe('ETL monitor: warehouse checks in the health panel (PostgreSQL, headless Chromium)', function () {
  this.timeout(600_000);
  let w: EtlWarehouse;
  let b: DashboardBrowser;
  let queries: MonitorQueries;
  const opened: CheckLocationDto[] = [];
  let openedOne: (() => void) | undefined;
  let ranByPage = 0;

  const sql = async (text: string): Promise<Record<string, unknown>[]> => (await w.engine.query(text)).rows;
  const open = (data: MonitorData, theme: DashboardTheme = 'light', language = 'en'): Promise<void> =>
    b.open('monitor', { kind: 'monitor', language, data, snapshot: false, autoRefreshSeconds: 0 } satisfies MonitorInitialState, theme);
  const shown = (): Promise<Shown> => b.page.evaluate(() => {
    const s = document.querySelector('[data-testid="checks-summary"]');
    const n = (name: string): number => Number(s?.getAttribute(name));
    const cell = (tr: Element, key: string): Element | null => tr.querySelector(`td[data-key="${key}"]`);
    return {
      summary: { total: n('data-total'), failed: n('data-failed'), errors: n('data-errors'), warnings: n('data-warnings'), text: s?.textContent ?? '' },
      rows: [...document.querySelectorAll('[data-testid="checks"] tbody tr')].map((tr) => ({
        check: cell(tr, 'check')?.querySelector('code')?.textContent ?? '',
        family: cell(tr, 'family')?.textContent ?? '',
        severity: cell(tr, 'severity')?.textContent ?? '',
        found: cell(tr, 'value')?.getAttribute('data-value') === null ? null : Number(cell(tr, 'value')?.getAttribute('data-value')),
        keys: [...(cell(tr, 'keys')?.querySelectorAll('li[data-key]') ?? [])].map((li) => li.getAttribute('data-key') ?? ''),
        keyTexts: [...(cell(tr, 'keys')?.querySelectorAll('li[data-key]') ?? [])].map((li) => li.textContent ?? ''),
        location: cell(tr, 'location')?.textContent ?? '',
      })),
    };
  });
  /** Every built-in check that fails by the independent queries (coverage: fewer than one row). */
  const independentlyFailing = async (): Promise<Map<string, number>> =>
    new Map([...(await independentValues(w.engine))].filter(([k, v]) => (k.startsWith('coverage.') ? v < 1 : v !== 0)));

  before(async function () {
    if (!chromiumAvailable()) skipBecause(this, 'Chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)');
    ensureBuilt();
    w = await createEtlWarehouse({ scale: 0.01 });
    queries = new MonitorQueries(w.engine, 'postgres');
    const project = w.project;
    b = await openDashboardBrowser(monitorHandler(queries, {
      runEntity: () => Promise.resolve(true),
      revealEntity: () => Promise.resolve(),
      // What VS Code's "DW: Check Warehouse" does (src/extension/checks/run.ts checkProject): run, then record.
      async runChecks() {
        ranByPage += 1;
        const report = await runProjectChecks(project, { source: w.engine, target: w.engine, entitiesDir: entitiesDir(project) });
        assert.equal(await recordProjectChecks(project, w.engine, report, { by: 'VS Code (test)' }), undefined);
        return true;
      },
      openLocation(location) {
        opened.push(location);
        openedOne?.();
        return Promise.resolve(true);
      },
    }));
    mkdirSync(artifacts, { recursive: true });
  });
  after(async () => {
    await b?.close();
    await w?.close();
  });

  it('says no results are recorded yet, also on a warehouse bootstrapped before ctl.check_result (no error)', async () => {
    assert.equal(Number((await sql('SELECT COUNT(*) AS n FROM ctl.check_result'))[0]?.['n']), 0, 'the bootstrap created the table, empty');
    const empty = await queries.load(DEFAULT_AUDIT_FILTERS);
    assert.deepEqual([empty.checks.recorded, empty.checks.total, empty.errors], [false, 0, []]);
    await w.engine.batch('DROP TABLE ctl.check_result');
    const older = await queries.load(DEFAULT_AUDIT_FILTERS);
    assert.deepEqual([older.checks.recorded, older.errors], [false, []]);
    await open(older);
    const s = await shown();
    assert.deepEqual(s.rows, []);
    assert.match(s.summary.text, /No warehouse check results yet/);
  });

  it('lists what `dwb check` found and recorded (it creates the table again): the planted FK orphan and duplicate key, equal to independent queries', async () => {
    await w.engine.batch('ALTER TABLE fact.fact_vendas DROP CONSTRAINT fk_fact_vendas_cliente_id');
    await w.engine.batch('ALTER TABLE dim.dim_produto DROP CONSTRAINT uq_dim_produto_produto_original_id');
    await w.engine.batch(`UPDATE fact.fact_vendas SET cliente_id = ${ORPHAN} WHERE venda_id IN (SELECT venda_id FROM fact.fact_vendas ORDER BY venda_id LIMIT 3)`);
    const cols = DIM_PRODUTO.columns.filter((c) => c.identity !== true).map((c) => c.name).join(', ');
    await w.engine.batch(`INSERT INTO dim.dim_produto (${cols}) SELECT ${cols} FROM dim.dim_produto WHERE produto_id = (SELECT MIN(produto_id) FROM dim.dim_produto WHERE produto_id > 0)`);

    const cli = await dwb(w.project.root, {}, ['check', '--json']);
    assert.equal(cli.code, 1, cli.stderr);
    assert.doesNotMatch(cli.stderr, /not kept/);
    const report = JSON.parse(cli.stdout) as CheckReport;
    const data = await queries.load(DEFAULT_AUDIT_FILTERS);
    assert.deepEqual(data.errors, []);

    // The CLI's report, the monitor's data and the independent queries agree.
    const failing = await independentlyFailing();
    assert.ok(failing.has('fk_orphans.fact_vendas.cliente_id') && failing.has('duplicate_keys.dim_produto'), [...failing.keys()].join(', '));
    assert.deepEqual(new Map(data.checks.failedChecks.map((c) => [c.check, c.value])), failing);
    assert.deepEqual(data.checks.failedChecks.map((c) => c.check).sort(), report.checks.filter((c) => !c.ok).map((c) => c.check).sort());
    assert.deepEqual([data.checks.total, data.checks.failed, data.checks.errors, data.checks.warnings],
      [report.summary.total_checks, report.summary.failed, report.summary.errors, report.summary.warnings]);
    assert.match(data.checks.lastCheckedBy ?? '', /^dwb check/);

    const orphans = await sql(`SELECT f.cliente_id, COUNT(*) AS n FROM fact.fact_vendas f
      WHERE NOT EXISTS (SELECT 1 FROM dim.dim_cliente c WHERE c.cliente_id = f.cliente_id) GROUP BY f.cliente_id`);
    const dups = await sql('SELECT produto_original_id, COUNT(*) AS n FROM dim.dim_produto GROUP BY produto_original_id HAVING COUNT(*) > 1');

    for (const theme of ['light', 'dark'] as const) {
      await open(data, theme);
      const s = await shown();
      assert.deepEqual([s.summary.total, s.summary.failed, s.summary.errors], [report.summary.total_checks, report.summary.failed, report.summary.errors]);
      assert.deepEqual(new Map(s.rows.map((r) => [r.check, r.found])), failing);
      const orphan = s.rows.find((r) => r.check === 'fk_orphans.fact_vendas.cliente_id');
      assert.deepEqual([orphan?.family, orphan?.severity], ['FK orphans', 'Error']);
      assert.deepEqual(orphan?.keys, orphans.map((r) => String(r['cliente_id'])));
      assert.deepEqual(orphan?.keyTexts, orphans.map((r) => `${String(r['cliente_id'])} (${Number(r['n'])} rows)`));
      const [file, line] = (orphan?.location ?? '').split(':');
      assert.ok(file !== undefined && !path.isAbsolute(file), `relative to the project: ${orphan?.location}`);
      assert.match(readFileSync(path.resolve(w.project.root, file), 'utf8').split('\n')[Number(line) - 1] ?? '', /"target": "cliente_id"/);
      const dup = s.rows.find((r) => r.check === 'duplicate_keys.dim_produto');
      assert.deepEqual([dup?.family, dup?.severity], ['Duplicate natural keys', 'Error']);
      assert.deepEqual(dup?.keys, dups.map((r) => String(r['produto_original_id'])));
      assert.match(readFileSync(path.resolve(w.project.root, (dup?.location ?? '').split(':')[0] ?? ''), 'utf8').split('\n')[Number((dup?.location ?? '').split(':')[1]) - 1] ?? '', /"naturalKey"/);
      await b.page.locator('[data-testid="checks"]').scrollIntoViewIfNeeded();
      await b.page.locator('[data-testid="health"]').screenshot({ path: path.join(artifacts, `monitor-checks-${theme}.png`) });
    }
    // Portuguese, at a narrower window: the same rows, words in the UI language.
    await b.page.setViewportSize({ width: 1024, height: 768 });
    await open(data, 'dark', 'pt-BR');
    const pt = await shown();
    assert.deepEqual(pt.rows.find((r) => r.check === 'fk_orphans.fact_vendas.cliente_id')?.keyTexts, orphans.map((r) => `${String(r['cliente_id'])} (${Number(r['n'])} linhas)`));
    assert.equal(pt.rows.find((r) => r.check === 'duplicate_keys.dim_produto')?.family, 'Chaves naturais duplicadas');
    await b.page.locator('[data-testid="checks"]').screenshot({ path: path.join(artifacts, 'monitor-checks-pt-BR-dark-1024.png') });
    await b.page.setViewportSize({ width: 1400, height: 1000 });
    assert.deepEqual(b.errors, []);
  });

  it('opens where a check is declared from its link', async () => {
    const data = await queries.load(DEFAULT_AUDIT_FILTERS);
    await open(data);
    const done = new Promise<void>((resolve) => { openedOne = resolve; });
    const link = b.page.locator('[data-testid="checks"] tbody tr', { hasText: 'fk_orphans.fact_vendas.cliente_id' }).locator('td[data-key="location"] button');
    const text = await link.textContent();
    await link.click();
    await done;
    const want = data.checks.failedChecks.find((c) => c.check === 'fk_orphans.fact_vendas.cliente_id')?.location;
    assert.deepEqual(opened.at(-1), want);
    assert.equal(`${want?.file}:${want?.line}`, text);
  });

  it('runs the checks from the panel and shows the new result; a run of some checks (--only) replaces only theirs, --no-record none', async () => {
    await w.engine.batch(`UPDATE fact.fact_vendas SET cliente_id = ${ORPHAN} WHERE venda_id IN (SELECT venda_id FROM fact.fact_vendas WHERE cliente_id <> ${ORPHAN} ORDER BY venda_id LIMIT 2)`);
    await open(await queries.load(DEFAULT_AUDIT_FILTERS));
    const before = await b.page.getAttribute('main', 'data-rendered');
    await b.page.click('[data-testid="run-checks"]');
    // The page redraws once with the button busy, then again with what the new run recorded.
    await b.page.waitForFunction((t) => document.querySelector('main')?.getAttribute('data-rendered') !== t
      && document.querySelector('[data-testid="checks-summary"]')?.textContent?.includes('VS Code (test)') === true, before);
    assert.equal(ranByPage, 1);
    const s = await shown();
    const count = Number((await sql(`SELECT COUNT(*) AS n FROM fact.fact_vendas WHERE cliente_id = ${ORPHAN}`))[0]?.['n']);
    assert.equal(count, 5);
    assert.equal(s.rows.find((r) => r.check === 'fk_orphans.fact_vendas.cliente_id')?.found, count);

    // The duplicate is gone; only the duplicate-key checks run: their rows change, the orphans' stays.
    await w.engine.batch('DELETE FROM dim.dim_produto WHERE produto_id = (SELECT MAX(produto_id) FROM dim.dim_produto)');
    const stamp = async (name: string): Promise<unknown> => (await sql(`SELECT checked_at, checked_by FROM ctl.check_result WHERE check_name = '${name}'`))[0];
    const orphanBefore = await stamp('fk_orphans.fact_vendas.cliente_id');
    const only = await dwb(w.project.root, {}, ['check', '--only', 'duplicate_keys']);
    assert.equal(only.code, 0, only.stdout + only.stderr);
    const after = await queries.load(DEFAULT_AUDIT_FILTERS);
    assert.deepEqual(after.checks.failedChecks.map((c) => c.check).filter((c) => c.startsWith('duplicate_keys.')), []);
    assert.equal(after.checks.failedChecks.find((c) => c.check === 'fk_orphans.fact_vendas.cliente_id')?.value, count);
    assert.deepEqual(await stamp('fk_orphans.fact_vendas.cliente_id'), orphanBefore);

    const rows = await sql('SELECT check_name, checked_at FROM ctl.check_result ORDER BY check_name');
    const none = await dwb(w.project.root, {}, ['check', '--no-record']);
    assert.equal(none.code, 1);
    assert.deepEqual(await sql('SELECT check_name, checked_at FROM ctl.check_result ORDER BY check_name'), rows);
  });
});
