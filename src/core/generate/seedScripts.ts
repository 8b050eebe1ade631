import type { Dialect } from '../engine/types';
import { requireTable } from '../warehouse/contract';
import { qualifiedName } from '../warehouse/names';
import { buildChangeSet } from './changeSet';
import { identityInserts } from './identityInsert';
import { changeSetStatements } from './incremental';
import { planFor, type GenerationPlan } from './plan';
import { generatedTables } from './tables';

/**
 * The small fixed seed scripts (sql/<dialect>/seed/), rendered from the generator at its
 * smallest scale with a fixed seed, for users who load data with scripts only. Both are
 * idempotent: the base seed fills only empty tables; the incremental seed runs only on the
 * exact state the base seed leaves.
 */
export const SEED_SEED = 20240101;
export const SEED_SCALE = 0.001;
export const SEED_INCREMENTAL_NOW = new Date(Date.UTC(2026, 0, 5, 12, 0, 0));
const SEED_FRACTION = 0.2;

const seedPlan = (): GenerationPlan => planFor(SEED_SCALE, SEED_SEED);

function header(dialect: Dialect, lines: readonly string[]): string {
  const text = lines.map((l) => `-- ${l}`).join('\n');
  return dialect === 'sqlserver' ? `${text}\n\nSET NOCOUNT ON;\nGO\nUSE ECOMMERCE_OLTP;\nGO\n` : `${text}\n`;
}

/** plpgsql needs PERFORM for a SELECT whose result is discarded. */
const inPlpgsql = (sql: string): string => sql.replace(/^SELECT setval/, 'PERFORM setval');
const indent = (sql: string, pad: string): string => sql.split('\n').map((l) => pad + l).join('\n');

function guarded(dialect: Dialect, condition: string, statements: readonly string[], done: string, skipped: string): string {
  if (dialect === 'sqlserver') {
    return `IF ${condition}\nBEGIN\n${statements.map((s) => indent(s, '  ')).join('\n')}\n  PRINT N'${done}';\nEND\nELSE\n  PRINT N'${skipped}';\nGO\n`;
  }
  return `DO $$\nBEGIN\n  IF ${condition} THEN\n${statements.map((s) => indent(inPlpgsql(s), '    ')).join('\n')}\n    RAISE NOTICE '${done}';\n  ELSE\n    RAISE NOTICE '${skipped}';\n  END IF;\nEND $$;\n`;
}

export function renderBaseSeed(dialect: Dialect): string {
  const plan = seedPlan();
  const parts = [header(dialect, [
    'Base seed of the OLTP (schema core): a small fixed data set, rendered from the data generator',
    `(seed ${SEED_SEED}, scale ${SEED_SCALE}). Each table is filled only when it is empty.`,
  ])];
  for (const table of generatedTables) {
    const name = qualifiedName(table.spec, dialect);
    const rows = [...table.rows(plan)].map((r) => Object.fromEntries(table.columns.map((c, i) => [c, r[i]])));
    parts.push(guarded(dialect, `NOT EXISTS (SELECT 1 FROM ${name})`, identityInserts(table.spec, rows, dialect),
      `Seeded ${rows.length} rows into ${name}.`, `${name} already has rows; seed skipped.`));
  }
  return parts.join('\n');
}

export function renderIncrementalSeed(dialect: Dialect): string {
  const plan = seedPlan();
  const count = (name: string): number => {
    let n = 0;
    const table = generatedTables.find((t) => t.spec.name === name);
    for (const _ of table?.rows(plan) ?? []) n++;
    return n;
  };
  const extent = {
    customers: plan.customers, products: plan.products, orders: plan.orders,
    orderItems: count('order_items'), orderItemDiscounts: count('order_item_discounts'),
  };
  const change = buildChangeSet(plan, extent, { seed: SEED_SEED, fraction: SEED_FRACTION, now: SEED_INCREMENTAL_NOW }, dialect);
  const customers = qualifiedName(requireTable('core', 'customers'), dialect);
  const statements = changeSetStatements(change, dialect);
  return [
    header(dialect, [
      'Incremental seed: updates, inserts and soft-deletes rows of the base seed with updated_at values',
      'that tie, so an incremental ETL has work. Runs only on the exact state the base seed leaves',
      `(${plan.customers} customers); a rerun, or any other data, is reported and left unchanged.`,
    ]),
    guarded(dialect, `(SELECT MAX(customer_id) FROM ${customers}) = ${plan.customers}`, statements,
      `Applied the incremental seed: ${change.counts.updated} updated, ${change.counts.inserted} inserted, ${change.counts.softDeleted} soft-deleted.`,
      'Incremental seed already applied, or the OLTP is not the base seed; nothing changed.'),
  ].join('\n');
}

/**
 * Rewrites the shipped seed files under `sqlRoot` (`sql/`), after a generator change:
 * npx tsx -e "require('./src/core/generate/seedScripts').writeSeedFiles('sql', require('node:fs').writeFileSync)"
 */
export function writeSeedFiles(sqlRoot: string, writeFile: (file: string, text: string) => void): void {
  for (const dialect of ['sqlserver', 'postgres'] as const) {
    writeFile(`${sqlRoot}/${dialect}/seed/01_base.sql`, renderBaseSeed(dialect));
    writeFile(`${sqlRoot}/${dialect}/seed/02_incremental.sql`, renderIncrementalSeed(dialect));
  }
}
