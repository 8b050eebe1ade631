import { strict as assert } from 'node:assert';
import { checksumGenerated } from '../../../src/core/generate/checksum';
import { isValidCnpj, isValidCpf } from '../../../src/core/generate/documents';
import { InvalidScaleError, planFor } from '../../../src/core/generate/plan';
import { generatedTables } from '../../../src/core/generate/tables';
import type { ColumnSpec } from '../../../src/core/warehouse/spec';

const cents = (v: unknown): number => Math.round(Number(v) * 100);

const show = (v: unknown): string =>
  v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);

function violations(column: ColumnSpec, value: unknown): string | undefined {
  if (value === null) return column.nullable ? undefined : 'null in NOT NULL';
  if (column.oneOf && !column.oneOf.includes(show(value))) return `not in domain: ${show(value)}`;
  if (column.range && (Number(value) < column.range[0] || Number(value) > column.range[1])) return `out of range: ${show(value)}`;
  if (column.type.kind === 'text' && column.type.length !== undefined && show(value).length > column.type.length) return `too long: ${show(value)}`;
  return undefined;
}

describe('synthetic data generator', () => {
  it('gives the same checksum for the same seed and a different one for another seed', () => {
    const a = checksumGenerated({ scale: 0.01, seed: 7 });
    const b = checksumGenerated({ scale: 0.01, seed: 7 });
    const c = checksumGenerated({ scale: 0.01, seed: 8 });
    assert.equal(a.sha256, b.sha256);
    assert.notEqual(a.sha256, c.sha256);
    assert.equal(a.rows['orders'], c.rows['orders']);
  });

  it('scales: scale 1 means 10k customers, 1k products, 50k orders', () => {
    const p = planFor(1, 1);
    assert.deepEqual([p.customers, p.products, p.orders], [10_000, 1_000, 50_000]);
    assert.equal(planFor(100, 1).customers, 1_000_000);
    assert.throws(() => planFor(0, 1), InvalidScaleError);
  });

  it('every generated value satisfies the contract: NOT NULL, domains, ranges, lengths', () => {
    const plan = planFor(0.02, 99);
    for (const table of generatedTables) {
      for (const row of table.rows(plan)) {
        table.spec.columns.forEach((column, i) => {
          const problem = violations(column, row[i]);
          assert.equal(problem, undefined, `core.${table.spec.name}.${column.name}: ${problem}`);
        });
      }
    }
  });

  it('documents carry valid check digits and amounts add up (net = gross - discount)', () => {
    const plan = planFor(0.02, 5);
    const byName = new Map(generatedTables.map((t) => [t.spec.name, t]));
    const customers = byName.get('customers');
    const items = byName.get('order_items');
    const discounts = byName.get('order_item_discounts');
    assert.ok(customers && items && discounts);
    const doc = customers.columns.indexOf('document_number');
    for (const row of customers.rows(plan)) {
      const d = String(row[doc]);
      assert.ok(isValidCpf(d) || isValidCnpj(d), `invalid document ${d}`);
    }
    const col = (name: string): number => items.columns.indexOf(name);
    let discounted = 0;
    for (const row of items.rows(plan)) {
      assert.equal(cents(row[col('net_amount')]), cents(row[col('gross_amount')]) - cents(row[col('discount_amount')]));
      assert.equal(cents(row[col('gross_amount')]), cents(row[col('unit_price')]) * Number(row[col('quantity')]));
      if (row[col('had_discount')] === true) discounted++;
    }
    assert.ok(discounted > 0);
    const dcol = (name: string): number => discounts.columns.indexOf(name);
    for (const row of discounts.rows(plan)) {
      assert.equal(cents(row[dcol('final_amount')]), cents(row[dcol('base_amount')]) - cents(row[dcol('discount_amount')]));
    }
  });
});
