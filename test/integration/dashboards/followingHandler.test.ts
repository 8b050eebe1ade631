import { strict as assert } from 'node:assert';
import { followingHandler, monitorHandler, type DashboardTarget } from '../../../src/core/dashboard/handler';
import { createEngine } from '../../../src/core/engine/factory';
import type { Engine } from '../../../src/core/engine/types';
import { MonitorQueries } from '../../../src/core/monitor/load';
import { DEFAULT_AUDIT_FILTERS } from '../../../src/protocol/monitor';
import type { RpcReply } from '../../../src/protocol/rpc';
import { createPgliteWarehouse, type TestWarehouse } from '../etl/support/warehouse';

const load = (id: number) => ({ kind: 'request', id, method: 'monitor/load', params: { audit: DEFAULT_AUDIT_FILTERS } });
const failed = (r: RpcReply | undefined): { code: string; message: string } | undefined => (r !== undefined && !r.ok ? r.error : undefined);

describe('dashboard requests follow the project (PGlite warehouse)', () => {
  let wh: TestWarehouse;
  before(async () => {
    wh = await createPgliteWarehouse();
  });
  after(async () => wh?.close());

  it('answers every request with one error naming the broken project file, then recovers once it is fixed', async () => {
    const changed: string[] = [];
    const built: object[] = [];
    const handlerFor = (key: object): DashboardTarget => ({
      ok: true, key,
      handler: () => {
        built.push(key);
        return Promise.resolve(monitorHandler(new MonitorQueries(wh.engine, 'postgres'), {
          runEntity: () => Promise.resolve(true), revealEntity: () => Promise.resolve(),
          controlChanged: (e) => { changed.push(e); return Promise.resolve(); },
        }));
      },
    });
    let target = handlerFor({ project: 1 });
    const handler = followingHandler(() => target);
    assert.equal((await handler(load(1)))?.ok, true);

    target = { ok: false, message: 'The project file has a problem: dw-workbench.json:3:13: engine must be one of postgres, sqlserver, pglite' };
    const broken = failed(await handler(load(2)));
    assert.equal(broken?.code, 'not-available');
    assert.match(broken?.message ?? '', /dw-workbench\.json:3:13: engine/);
    assert.doesNotMatch(broken?.message ?? '', /statusPerDay|Start Stack/);

    const fixed = { project: 2 };
    target = handlerFor(fixed);
    assert.equal((await handler(load(3)))?.ok, true, 'the same handler answers again once the file is fixed');
    assert.equal(built[built.length - 1], fixed);

    // Activate from the monitor tells the host, which refreshes the tree.
    const reply = await handler({ kind: 'request', id: 4, method: 'monitor/action', params: { action: 'activate', entity: 'dim_produto' } });
    assert.deepEqual(reply !== undefined && reply.ok ? reply.result : reply, { done: true });
    assert.deepEqual(changed, ['dim_produto']);
    await handler({ kind: 'request', id: 5, method: 'monitor/action', params: { action: 'activate', entity: 'no_such_entity' } });
    assert.deepEqual(changed, ['dim_produto'], 'no refresh when nothing changed');
  });
});

describe('monitor load with the warehouse unreachable (PostgreSQL on a closed port)', () => {
  let engine: Engine;
  before(async () => {
    engine = await createEngine({ engine: 'postgres', host: '127.0.0.1', port: 1, user: 'postgres', database: 'postgres', connectTimeoutMs: 2000, dockerStack: false });
  });
  after(async () => engine?.close());

  it('fails once with the connection error instead of one "could not read" per panel', async () => {
    await assert.rejects(new MonitorQueries(engine, 'postgres').load(DEFAULT_AUDIT_FILTERS), (e: Error) => {
      assert.doesNotMatch(e.message, /statusPerDay|volume:|timeline:/);
      // A project without a stack is not told to start one.
      assert.doesNotMatch(e.message, /Start Stack/);
      assert.match(e.message, /Cannot reach PostgreSQL at 127\.0\.0\.1:1/);
      return true;
    });
  });
});
