import { runEtl } from './src/core/etl/run/run';
import type { EntityDefinition } from './src/core/etl/definition/types';
import { DEFINITIONS, TestClock } from './test/integration/etl/support/run';
import { rmSync } from 'node:fs';
import { runBootstrap } from './src/core/bootstrap';
import { ProjectEngines } from './src/core/project';
import { asSuperuser } from './test/integration/engine/throwawayDatabase';
import { BOOTSTRAP_SECRETS, scaffoldEtlProject } from './test/integration/etl/support/project';

const strip = (d: EntityDefinition): EntityDefinition => ({ ...d, source: { ...d.source, triggers: d.source.triggers?.map(({ remember: _r, ...t }) => t) } });

async function main(): Promise<void> {
  const scale = Number(process.argv[2] ?? 1);
  const out: Record<string, unknown> = { scale };
  for (const variant of ['with', 'without', 'with2', 'without2']) {
    const defs = variant.startsWith('with') && !variant.startsWith('without') ? DEFINITIONS : DEFINITIONS.map(strip);
    const dbName = `dwb_meas_${variant}_${process.pid}`;
    const project = scaffoldEtlProject('postgres', dbName, scale, 'dwb-meas');
    const engines = new ProjectEngines(project, undefined);
    try {
      if (!(await runBootstrap(project, { engines: (r) => engines.get(r), secrets: BOOTSTRAP_SECRETS })).ok) throw new Error('bootstrap');
      const dw = await engines.get('dw');
      await dw.query('UPDATE ctl.etl_control SET cutoff_minutes = 0, batch_size = 1000');
      const clock = new TestClock();
      for (const plan of ['pushdown', 'transfer'] as const) {
        const run = async (full: boolean): Promise<number> => {
          const t = performance.now();
          const r = await runEtl({ source: dw, target: dw, definitions: defs, plan, entities: defs.map((d) => d.entity), startedBy: 'm', now: clock.now, full });
          clock.advance();
          if (r.status !== 'success') throw new Error(JSON.stringify(r.entities.map((e) => e.error)));
          return (performance.now() - t) / 1000;
        };
        out[`${variant}_${plan}_full_s`] = await run(true);
        out[`${variant}_${plan}_nothing_s`] = await run(false);
        await dw.query(`UPDATE core.orders SET customer_id = CASE WHEN order_id % 2 = 0 THEN customer_id % 9000 + 1 ELSE customer_id END, updated_at = ${clock.stamp()} WHERE order_id % 100 = 7`);
        out[`${variant}_${plan}_1pct_orders_half_moved_s`] = await run(false);
      }
      out[`${variant}_memory_rows`] = (await dw.query('SELECT count(*) AS n FROM ctl.etl_trigger_memory')).rows[0];
    } finally {
      await engines.close();
      await asSuperuser(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      rmSync(project.root, { recursive: true, force: true });
    }
    console.log(JSON.stringify(out));
  }
}
void main();
