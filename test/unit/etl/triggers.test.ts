import { strict as assert } from 'node:assert';
import { postgresEtl } from '../../../src/core/etl/dialect/postgres';
import { sqlserverEtl } from '../../../src/core/etl/dialect/sqlserver';
import type { EtlDialect } from '../../../src/core/etl/dialect/types';
import { EntityDefinitionError } from '../../../src/core/etl/definition/errors';
import { parseEntityDefinition } from '../../../src/core/etl/definition/load';
import type { EntityTrigger } from '../../../src/core/etl/definition/types';
import { isInitialWatermark } from '../../../src/core/etl/run/control';
import { caughtUpAt } from '../../../src/core/etl/run/triggerControl';
import { movedRows, namingPairsSql, rememberPendingSql, triggerPairsSql, triggerRowsSql, withKeys } from '../../../src/core/etl/run/triggerMemory';
import { triggerKeysSql, triggerPageSql, triggerProbeSql } from '../../../src/core/etl/run/triggerSql';
import { ETL_TRIGGER_WATERMARK } from '../../../src/core/warehouse/controlTables';
import { declaredType } from '../../../src/core/warehouse/typeNames';

const ITEMS: EntityTrigger = {
  name: 'orders',
  table: 'core.orders',
  key: 'order_id',
  updatedAt: 'updated_at',
  keys: { postgres: 'SELECT i.order_item_id FROM core.order_items i WHERE i.order_id = t.order_id', sqlserver: 'SELECT i.order_item_id FROM core.order_items i WHERE i.order_id = t.order_id' },
};

function definitionText(triggers: unknown): string {
  return JSON.stringify({
    entity: 'fact_x',
    source: { table: 'core.order_items', key: 'order_item_id', updatedAt: 'updated_at', triggers },
    target: { table: 'fact.fact_x', naturalKey: 'item_original_id' },
    columns: [{ source: 'order_item_id', target: 'item_original_id', rule: 'direto' }],
  }, null, 2);
}

function problemsOf(text: string): EntityDefinitionError {
  try {
    parseEntityDefinition(text, 'etl/entities/fact_x.json');
  } catch (e) {
    if (e instanceof EntityDefinitionError) return e;
    throw e;
  }
  assert.fail('the definition was accepted');
}

describe('ETL triggers: definitions', () => {
  it('accepts triggers with one SQL or one per dialect', () => {
    const def = parseEntityDefinition(definitionText([ITEMS, { ...ITEMS, name: 'orders2', keys: 'SELECT t.order_id' }]), 'x.json');
    assert.deepEqual(def.source.triggers?.map((t) => t.name), ['orders', 'orders2']);
  });

  it('refuses a trigger name used twice, at the line of the trigger so named, naming entity and trigger', () => {
    const text = definitionText([ITEMS, ITEMS]);
    const e = problemsOf(text);
    // The entry of the trigger so named (the first one).
    const line = text.split('\n').findIndex((l, i, all) => l.trim() === '{' && (all[i + 1] ?? '').includes('"name": "orders"')) + 1;
    assert.equal(e.problems.length, 1);
    assert.deepEqual({ ...e.problems[0] }, { file: 'etl/entities/fact_x.json', entity: 'fact_x', trigger: 'orders', message: 'is a trigger name used twice', line });
    assert.match(e.message, /etl\/entities\/fact_x\.json:\d+: entity fact_x, trigger orders: is a trigger name used twice/);
  });

  it('refuses a trigger without its keys SQL or with a bad table name, at its line', () => {
    const text = definitionText([{ name: 'orders', table: 'orders; drop', key: 'order_id', updatedAt: 'updated_at' }]);
    const e = problemsOf(text);
    const messages = e.problems.map((p) => p.message);
    assert.ok(messages.some((m) => m.includes('/source/triggers/0') && m.includes("'keys'")), messages.join('\n'));
    assert.ok(messages.some((m) => m.includes('/source/triggers/0/table')), messages.join('\n'));
    assert.ok(e.problems.every((p) => p.line !== undefined && p.line > 1));
  });

  it('accepts "remember": true and refuses a "remember" that is not a boolean, naming file, field and line', () => {
    const def = parseEntityDefinition(definitionText([{ ...ITEMS, remember: true }]), 'x.json');
    assert.equal(def.source.triggers?.[0]?.remember, true);
    const text = definitionText([{ ...ITEMS, remember: 'yes' }]);
    const e = problemsOf(text);
    assert.ok(e.problems.some((p) => p.message.includes('/source/triggers/0/remember') && /boolean/.test(p.message)), e.message);
    assert.match(e.message, /etl\/entities\/fact_x\.json:\d+/);
    assert.ok(e.problems.every((p) => p.line !== undefined && p.line > 1));
  });
});

describe('ETL triggers: SQL', () => {
  const dialects: [string, EtlDialect][] = [['PostgreSQL', postgresEtl], ['SQL Server', sqlserverEtl]];

  it('pages a trigger like the main stream and returns its size and last (updated_at, key)', () => {
    const pg = triggerPageSql(ITEMS, postgresEtl);
    assert.match(pg, /FROM \(SELECT \* FROM "core"\."orders" p\s+WHERE p\."updated_at" <= CAST\(\$1 AS timestamp\)/);
    assert.match(pg, /ORDER BY p\."updated_at", p\."order_id" LIMIT \$4\) s/);
    assert.match(pg, /ROW_NUMBER\(\) OVER \(ORDER BY x\."updated_at" DESC, x\."order_id" DESC\)/);
    const ms = triggerPageSql(ITEMS, sqlserverEtl, 'ECOMMERCE_OLTP');
    assert.match(ms, /SELECT TOP \(@p4\) \* FROM \[ECOMMERCE_OLTP\]\.\[core\]\.\[orders\] p/);
    assert.match(ms, /CAST\(y\.\[order_id\] AS varchar\(30\)\) AS wm_id/);
    assert.doesNotMatch(ms, /ORDER BY s\./, 'a derived table without TOP takes no ORDER BY in T-SQL');
  });

  it('maps the trigger rows of a keyset range (from, to] to the entity keys through a lateral join', () => {
    assert.equal(triggerKeysSql(ITEMS, postgresEtl), `SELECT k."__key" FROM "core"."orders" t
      CROSS JOIN LATERAL (SELECT i.order_item_id FROM core.order_items i WHERE i.order_id = t.order_id) k ("__key")
      WHERE t."updated_at" >= CAST($1 AS timestamp) AND t."updated_at" <= CAST($3 AS timestamp)
        AND (t."updated_at" > CAST($1 AS timestamp) OR t."order_id" > $2) AND (t."updated_at" < CAST($3 AS timestamp) OR t."order_id" <= $4)`);
    assert.equal(triggerKeysSql(ITEMS, sqlserverEtl, 'ECOMMERCE_OLTP'), `SELECT k.[__key] FROM [ECOMMERCE_OLTP].[core].[orders] t
      CROSS APPLY (SELECT i.order_item_id FROM [ECOMMERCE_OLTP].core.order_items i WHERE i.order_id = t.order_id) k ([__key])
      WHERE t.[updated_at] >= CAST(@p1 AS datetime2(7)) AND t.[updated_at] <= CAST(@p3 AS datetime2(7))
        AND (t.[updated_at] > CAST(@p1 AS datetime2(7)) OR t.[order_id] > @p2) AND (t.[updated_at] < CAST(@p3 AS datetime2(7)) OR t.[order_id] <= @p4)`);
    assert.throws(() => triggerKeysSql(ITEMS, postgresEtl, 'OTHER'), /cannot read database OTHER/);
  });

  for (const [label, d] of dialects) {
    it(`${label}: re-extracts by key, in keyset chunks for the transfer and whole for the pushdown`, () => {
      const spec = { table: 'core.order_items', key: 'order_item_id', updatedAt: 'updated_at', columns: ['quantity'], derived: [] };
      const keys = triggerKeysSql(ITEMS, d);
      const chunked = d.extractPageSql({ ...spec, byKeys: { keys, chunk: 5 } });
      const whole = d.extractPageSql({ ...spec, byKeys: { keys }, asSubquery: true });
      const id = d.ident('order_item_id');
      assert.ok(chunked.includes(`WHERE p.${id} IN (${keys}) AND p.${id} > ${d.param(5)}`), chunked);
      assert.ok(chunked.endsWith(`ORDER BY s.${id}`), chunked);
      assert.ok(chunked.includes(d.name === 'postgres' ? 'LIMIT $6' : 'SELECT TOP (@p6) *'), chunked);
      assert.ok(whole.includes(`WHERE p.${id} IN (${keys})) s`), whole);
      assert.doesNotMatch(whole, /ORDER BY|LIMIT|TOP/);
      assert.match(triggerProbeSql(ITEMS, d), /WHERE 1 = 0$/);
    });

    it(`${label}: creates ctl.etl_trigger_watermark when missing, with the contract's columns`, () => {
      const sql = d.ensureTriggerTableSql;
      assert.match(sql, d.name === 'postgres' ? /^CREATE TABLE IF NOT EXISTS ctl\.etl_trigger_watermark \(/ : /^IF OBJECT_ID\(N'ctl\.etl_trigger_watermark', N'U'\) IS NULL CREATE TABLE/);
      const lines = sql.split('\n').slice(1).map((l) => l.trim()).filter((l) => !l.startsWith('CONSTRAINT'));
      assert.deepEqual(lines.map((l) => l.split(' ')[0]), ETL_TRIGGER_WATERMARK.columns.map((c) => c.name));
      // T-SQL types as the contract declares them (PostgreSQL's are checked against the catalog).
      if (d.name === 'sqlserver') {
        assert.deepEqual(lines.map((l) => l.split(' ').slice(0, 2).join(' ')), ETL_TRIGGER_WATERMARK.columns.map((c) => `${c.name} ${declaredType(c.type, 'sqlserver')}`));
      }
      assert.match(sql, /CONSTRAINT uq_etl_trigger_watermark_entity_name_trigger_name UNIQUE \(entity_name, trigger_name\)\)$/);
    });
  }

  for (const [label, d] of dialects) {
    it(`${label}: a remembering trigger reads (row, member) pairs of its range and re-extracts remembered keys as literals`, () => {
      const pairs = triggerPairsSql(ITEMS, d, true);
      assert.ok(pairs.includes(`CAST(t.${d.ident('order_id')} AS varchar(30)) AS row_key, CAST(k.m AS varchar(30)) AS member_key`), pairs);
      assert.ok(pairs.includes(`${d.lateralJoin} (`) && pairs.includes('k (m)') && pairs.includes('k.m IS NOT NULL'), pairs);
      assert.ok(pairs.includes(`t.${d.ident('order_id')} <= ${d.param(4)}`), pairs);
      assert.doesNotMatch(triggerPairsSql(ITEMS, d, false), /updated_at/);
      assert.ok(triggerRowsSql(ITEMS, d).includes(`t.${d.ident('order_id')} > ${d.param(2)}`));
      const keys = triggerKeysSql(ITEMS, d);
      assert.equal(withKeys(keys, []), keys);
      assert.equal(withKeys(keys, ['7', '-1']), `${keys} UNION SELECT v.m FROM (VALUES (7), (-1)) v (m)`);
      assert.throws(() => withKeys(keys, ['7; DROP TABLE x']), /integer keys/);
    });
  }

  it('finds the rows that moved: a row naming a member it does not remember, not one that only left members', () => {
    const pair = (row: string, member: string): { row: string; member: string } => ({ row, member });
    const remembered = [pair('1', 'A'), pair('2', 'A'), pair('3', 'A'), pair('3', 'B'), pair('4', 'X')];
    // 1 moved A -> B; 2 kept A; 3 left B only; 4 named X and now names X and Y; 5 is new.
    const now = [pair('1', 'B'), pair('2', 'A'), pair('3', 'A'), pair('4', 'X'), pair('4', 'Y'), pair('5', 'C')];
    assert.deepEqual(movedRows(remembered, now), ['1', '4', '5']);
    assert.deepEqual(movedRows(now, now), []);
  });

  for (const [label, d] of dialects) {
    it(`${label}: the pending rows' insert gives back the pairs it added, when asked; the rows naming given members`, () => {
      assert.doesNotMatch(rememberPendingSql(ITEMS, d), /RETURNING|OUTPUT/);
      const returning = rememberPendingSql(ITEMS, d, undefined, true);
      if (label === 'SQL Server') assert.match(returning, /^INSERT INTO ctl\.etl_trigger_memory \(entity_name, trigger_name, row_key, member_key\) OUTPUT INSERTED\.row_key, INSERTED\.member_key\s+SELECT/);
      else assert.match(returning, /RETURNING row_key, member_key$/);
      assert.ok(namingPairsSql(ITEMS, d, ['7', '9']).endsWith('WHERE k.m IN (7, 9)'));
      assert.throws(() => namingPairsSql(ITEMS, d, ['7) OR (1=1']), /integer keys/);
    });
  }

  it('moves a caught-up trigger to the cutoff second, never past it, with the largest key', () => {
    assert.deepEqual(caughtUpAt('2026-11-29T08:10:23.999999'), { updatedAt: '2026-11-29T08:10:23', id: '9223372036854775807' });
    assert.deepEqual(caughtUpAt('2026-11-29T08:10:23.1234567'), { updatedAt: '2026-11-29T08:10:23', id: '9223372036854775807' });
  });
});

describe('the initial watermark, as each server writes it', () => {
  it('is recognised with the T of SQL Server\'s ISO text and the space Babelfish writes, and nothing later is', () => {
    assert.equal(isInitialWatermark({ updatedAt: '1900-01-01T00:00:00', id: '0' }), true);
    assert.equal(isInitialWatermark({ updatedAt: '1900-01-01 00:00:00', id: '0' }), true);
    assert.equal(isInitialWatermark({ updatedAt: '1900-01-01T00:00:00.000000', id: '0' }), true);
    assert.equal(isInitialWatermark({ updatedAt: '1900-01-01 00:00:01', id: '0' }), false);
    assert.equal(isInitialWatermark({ updatedAt: '1900-01-01 00:00:00', id: '1' }), false);
  });
});
