import type { Engine, QueryOptions, Queryable, Row } from '../../engine/types';
import type { DefinitionProblem } from '../definition/errors';
import { EntityDefinitionError } from '../definition/errors';
import { locateDefinitionProblems } from '../definition/load';
import type { EntityDefinition, EntityTrigger } from '../definition/types';
import type { ColumnMeta, EtlDialect } from '../dialect/types';
import { transformBatch, type RejectedRow } from '../transform/transform';
import { addBatchCounts, writeRejects } from './audit';
import type { Watermark } from './control';
import { INITIAL_WATERMARK, isInitialWatermark } from './control';
import type { EntityLoadContext, EntityLoadResult } from './entity';
import { READ_CHUNK, extractSpecOf, reportBatch, stageName } from './entity';
import { EtlCancelledError } from './errors';
import type { EntityCounts, EtlPhase, EtlPlan } from './events';
import { batchMerge } from './merge';
import { pageWriter } from './pushdown';
import { deleteSoftDeleted, softDeleteSql } from './softDelete';
import { transferStageOf } from './transferStage';
import { advanceTriggerWatermark, caughtUpAt, readTriggerWatermarks, registerTriggers } from './triggerControl';
import type { MemoryPair } from './triggerMemory';
import {
  addMemory, insertedPairs, keyChunks, movedRows, namingPairsSql, pendingPairsSql, readPairs, rememberNamingSql, rememberPendingSql, rememberedPairs,
  replaceMemory, rowPairsSql, triggerPairsSql, triggerRowsSql, triggersWithoutMemory, withKeys,
} from './triggerMemory';
import { triggerKeysSql, triggerPageSql, triggerProbeSql } from './triggerSql';

/** The smallest key: the first chunk of a trigger page's rows starts above it. */
const MIN_KEY = '-9223372036854775808';

/** Column types a remembering trigger's keys may have (the memory keeps bigint). */
const INTEGER_TYPE = /^(tiny|small|big)?int(eger)?$|^int[248]$/;

const bigint = (v: string): { value: string; type: { kind: 'bigint' } } => ({ value: v, type: { kind: 'bigint' } });

/**
 * An entity's triggers against the source's columns (no database needed): the watched table and
 * its key and updatedAt columns exist, and a remembering trigger's keys are integers. Every
 * problem names the file, the entity and the trigger (its entry's line once located).
 */
export function triggerColumnProblems(def: EntityDefinition, columnsOf: (table: string) => readonly ColumnMeta[]): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  for (const t of def.source.triggers ?? []) {
    const at = { file: def.file, entity: def.entity, trigger: t.name };
    const tableColumns = columnsOf(t.table);
    const columns = new Set(tableColumns.map((c) => c.name));
    if (columns.size === 0) {
      problems.push({ ...at, message: `table ${t.table} does not exist or has no columns` });
      continue;
    }
    for (const col of [t.key, t.updatedAt]) {
      if (!columns.has(col)) problems.push({ ...at, column: col, message: `table ${t.table} has no column ${col}` });
    }
    if (t.remember === true) {
      const keyType = tableColumns.find((c) => c.name === t.key)?.dataType.toLowerCase() ?? '';
      if (keyType !== '' && !INTEGER_TYPE.test(keyType)) {
        problems.push({ ...at, column: t.key, message: `"remember" needs an integer key; ${t.table}.${t.key} is ${keyType}` });
      }
      const own = columnsOf(def.source.table).find((c) => c.name === def.source.key)?.dataType.toLowerCase() ?? '';
      if (own !== '' && !INTEGER_TYPE.test(own)) {
        problems.push({ ...at, column: def.source.key, message: `"remember" needs an integer entity key; ${def.source.table}.${def.source.key} is ${own}` });
      }
    }
  }
  return problems;
}

/**
 * Checks an entity's triggers against the source, before any data moves: `triggerColumnProblems`
 * over the tables as `columnsOf` reads them, and the mapping SQL of each trigger whose table
 * exists compiles (run on no row). Every problem names the file, its line (the trigger's entry),
 * the entity and the trigger.
 */
export async function checkTriggers(
  source: Engine,
  d: EtlDialect,
  def: EntityDefinition,
  columnsOf: (table: string) => Promise<readonly ColumnMeta[]>,
): Promise<void> {
  const triggers = def.source.triggers ?? [];
  const tables = new Map<string, readonly ColumnMeta[]>();
  const own = triggers.some((t) => t.remember === true) ? [def.source.table] : [];
  for (const table of [...own, ...triggers.map((t) => t.table)]) if (!tables.has(table)) tables.set(table, await columnsOf(table));
  const found = triggerColumnProblems(def, (table) => tables.get(table) ?? []);
  const problems: DefinitionProblem[] = [];
  // Trigger by trigger (names are unique): its columns' problems, then its SQL's.
  for (const t of triggers) {
    problems.push(...found.filter((p) => p.trigger === t.name));
    if ((tables.get(t.table) ?? []).length === 0) continue;
    try {
      await source.query(triggerProbeSql(t, d));
    } catch (e) {
      problems.push({ file: def.file, entity: def.entity, trigger: t.name, message: `its keys SQL does not run on ${t.table}: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  if (problems.length > 0) throw new EntityDefinitionError(locateDefinitionProblems(problems));
}

/** Adds to the memory what the pending rows of every remembering trigger name now (inside a page's transaction). */
export type RememberPending = (tx: Queryable) => Promise<void>;

/**
 * The memory of the entity's remembering triggers, before its main stream:
 * - A run that starts the entity from the beginning (first load, full reload, reset watermark),
 *   or the first run of a trigger without memory (a warehouse loaded before it remembered),
 *   remembers what every row names now, in one transaction. The load then counts each row under
 *   that member or under one the row names later (its change is stamped after the run's cutoff,
 *   so a trigger page reads it with this memory). A crash before the load commits leaves a
 *   memory naming members not loaded yet: re-triggered for nothing, never missed.
 * - Every page of the entity (main stream and triggers) then calls the returned function before
 *   its extract and after it, in its transaction: the rows no trigger page has read yet (after
 *   the trigger's watermark as the run found it; after the cutoff on a full load) are remembered
 *   under what they name then, so a row counted by a member's extract before its own page, and
 *   moved again before that page, still re-triggers the member it was counted under.
 */
export async function prepareMemory(ctx: EntityLoadContext, plan: EtlPlan): Promise<RememberPending | undefined> {
  const def = ctx.entity.definition;
  const remembering = (def.source.triggers ?? []).filter((t) => t.remember === true);
  if (remembering.length === 0) return undefined;
  const { dialect: d, session } = ctx;
  const opts = ctx.signal ? { signal: ctx.signal } : {};
  const pushdown = plan === 'pushdown';
  const full = isInitialWatermark(ctx.from);
  await registerTriggers(session, d, def);
  const empty = full ? [] : await triggersWithoutMemory(session, d, def.entity, remembering.map((t) => t.name));
  const filling = remembering.filter((t) => full || empty.includes(t.name));
  if (filling.length > 0) {
    await session.transaction(async (tx) => {
      const reader: Queryable = pushdown || ctx.readThroughTransaction ? tx : ctx.source;
      for (const t of filling) {
        if (pushdown) {
          // In the server: every row after the initial watermark, i.e. every row a trigger page can read.
          await replaceMemory(tx, d, def.entity, t.name, 'all', [], opts);
          const everyRow = [def.entity, t.name, INITIAL_WATERMARK.updatedAt, bigint(MIN_KEY), def.entity, t.name];
          await tx.query(rememberPendingSql(t, d, ctx.sourceDatabase), everyRow, opts);
        } else {
          await replaceMemory(tx, d, def.entity, t.name, 'all', await readPairs(reader, triggerPairsSql(t, ctx.sourceDialect, false), [], opts), opts);
        }
      }
    });
  }
  const watermarks = full ? new Map<string, Watermark>() : await readTriggerWatermarks(session, d, def.entity);
  const pending = remembering.map((t) => ({
    t,
    bound: full ? caughtUpAt(ctx.cutoff) : watermarks.get(t.name) ?? INITIAL_WATERMARK,
    sql: pushdown ? rememberPendingSql(t, d, ctx.sourceDatabase, true) : pendingPairsSql(t, ctx.sourceDialect),
  }));
  return async (tx) => {
    const reader: Queryable = pushdown || ctx.readThroughTransaction ? tx : ctx.source;
    for (const x of pending) {
      // A pair not remembered yet is a row that moved (or a new row): what names its members is remembered too.
      const params = [def.entity, x.t.name, x.bound.updatedAt, bigint(x.bound.id), def.entity, x.t.name];
      const added = pushdown
        ? insertedPairs((await tx.query<Record<string, unknown>>(x.sql, params, opts)).rows)
        : await addMemory(tx, d, def.entity, x.t.name, await readPairs(reader, x.sql, [x.bound.updatedAt, bigint(x.bound.id)], opts), opts, true);
      await rememberNamers(ctx, plan, tx, reader, x.t, [...new Set(added.map((p) => p.row))]);
    }
  };
}

/**
 * For rows of the remembering trigger `t` that moved (they name a member they did not
 * remember): every remembering trigger's rows that name, now, what the moved rows name are
 * remembered under it. A member counts every row that names it, whether or not that row changed:
 * the items of an order moved to B name B with no change of their own, and a target that joined a
 * month is named by every target of the month; so when such a row moves later, it re-triggers
 * that member too. `now`: the moved rows' current pairs, when the caller read them.
 */
async function rememberNamers(
  ctx: EntityLoadContext, plan: EtlPlan, tx: Queryable, reader: Queryable, t: EntityTrigger, rows: readonly string[], now?: readonly MemoryPair[],
): Promise<void> {
  if (rows.length === 0) return;
  const def = ctx.entity.definition;
  const d = ctx.dialect;
  const opts = ctx.signal ? { signal: ctx.signal } : {};
  const pushdown = plan === 'pushdown';
  const sd = pushdown ? d : ctx.sourceDialect;
  const database = pushdown ? ctx.sourceDatabase : undefined;
  const pairs: MemoryPair[] = [];
  if (now === undefined) {
    for (const part of keyChunks(rows)) pairs.push(...await readPairs(reader, rowPairsSql(t, sd, part, database), [], opts));
  }
  const moved = new Set(rows);
  const members = [...new Set((now ?? pairs).filter((x) => moved.has(x.row)).map((x) => x.member))];
  for (const part of keyChunks(members)) {
    for (const x of (def.source.triggers ?? []).filter((y) => y.remember === true)) {
      if (pushdown) {
        await tx.query(rememberNamingSql(x, d, part, database), [def.entity, x.name, def.entity, x.name], opts);
      } else {
        await addMemory(tx, d, def.entity, x.name, await readPairs(reader, namingPairsSql(x, sd, part), [], opts), opts);
      }
    }
  }
}

interface TriggerPage {
  readonly extracted: number;
  readonly upserted: number;
  readonly softDeleted: number;
  readonly rejected: number;
}

/**
 * Writes the entity rows one trigger page (keyset range from..to) re-triggers, inside the page
 * transaction; `extra`: entity keys re-triggered besides (a remembering trigger's previous members).
 */
type WriteTriggerPage = (
  tx: Queryable, from: Watermark, to: Watermark, phase: (p: EtlPhase) => Promise<void>, opts: QueryOptions, extra: readonly string[],
) => Promise<TriggerPage>;

/**
 * Transfer: the re-triggered rows are read from the source by key, in keyset chunks of
 * `READ_CHUNK` (memory bounded as the main stream's), transformed and bulk-loaded into the stage,
 * then merged with the entity's merge.
 */
async function transferWriter(ctx: EntityLoadContext, t: EntityTrigger): Promise<WriteTriggerPage> {
  const { entity, dialect: d } = ctx;
  const def = entity.definition;
  // The entity's stage shape under its own name: the main stream's stage stays as it left it.
  const { merge, bulkColumns } = transferStageOf(entity, d, `${stageName(entity)}_trg`);
  const write = batchMerge(d, merge, def.entity);
  const removals = softDeleteSql(def, d, merge.stage);
  const sd = ctx.sourceDialect;
  const extractOf = (extra: readonly string[]): string =>
    sd.extractPageSql({ ...extractSpecOf(entity, sd), byKeys: { keys: withKeys(triggerKeysSql(t, sd), extra), chunk: 5 } });
  const plain = extractOf([]);
  await ctx.session.query(d.createStageSql(merge));
  return async (tx, from, to, phase, opts, extra) => {
    const extractSql = extra.length === 0 ? plain : extractOf(extra);
    await phase('stage');
    await tx.query(d.truncateStageSql(merge.stage));
    const reader: Queryable = ctx.readThroughTransaction ? tx : ctx.source;
    let extracted = 0;
    let softDeleted = 0;
    let rejects: RejectedRow[] = [];
    let after = MIN_KEY;
    for (;;) {
      const params = [from.updatedAt, bigint(from.id), to.updatedAt, bigint(to.id), bigint(after), READ_CHUNK];
      const rows: Row[] = (await reader.query(extractSql, params, opts)).rows;
      if (rows.length === 0) break;
      extracted += rows.length;
      after = String((rows[rows.length - 1] as Row)[def.source.key]);
      const out = transformBatch(entity, rows);
      softDeleted += out.softDeleted;
      if (out.rejects.length > 0) rejects = rejects.concat(out.rejects);
      if (out.rows.length > 0) await tx.bulkLoad(d.stageRef(merge.stage), bulkColumns, out.rows, opts);
      if (rows.length < READ_CHUNK) break;
    }
    await phase('merge');
    const upserted = extracted === 0 ? 0 : await write(tx, opts);
    if (extracted > 0) await deleteSoftDeleted(tx, removals, opts);
    const rejected = await writeRejects(tx, d, ctx.runId, def.entity, rejects);
    return { extracted, upserted, softDeleted, rejected };
  };
}

/** Pushdown: the entity's own page writer (direct or staged) over the rows the page's keys name. */
async function pushdownWriter(ctx: EntityLoadContext, t: EntityTrigger): Promise<WriteTriggerPage> {
  const keys = triggerKeysSql(t, ctx.dialect, ctx.sourceDatabase);
  const plain = await pageWriter(ctx, keys);
  return async (tx, from, to, phase, opts, extra) => {
    // The stage exists already (the plain writer made it): only the SQL changes.
    const write = extra.length === 0 ? plain : await pageWriter(ctx, withKeys(keys, extra), true);
    const page = await write(tx, [from.updatedAt, bigint(from.id), to.updatedAt, bigint(to.id)], phase, opts);
    return page ?? { extracted: 0, upserted: 0, softDeleted: 0, rejected: 0 };
  };
}

/**
 * The entity's triggers, after its own stream is caught up in this run. Each trigger pages
 * through its table's changed rows in the main stream's window (cutoff, (updated_at, key) keyset,
 * batch size) and, per page, in ONE target transaction: re-extracts the entity's rows those
 * changes name (whatever their own updated_at; soft deletes as the main stream), merges them
 * with the entity's merge, writes rejects, advances THAT trigger's watermark and adds the audit
 * counts. A crash leaves each trigger's watermark at its last committed page.
 *
 * A run that started the entity from the beginning (first load, full reload, reset watermark)
 * read every row up to the cutoff with its current aggregates and joins: re-triggering them would
 * redo that work, so the triggers are moved to the cutoff instead, in one transaction after the
 * last page.
 */
export async function runTriggers(ctx: EntityLoadContext, plan: EtlPlan, main: EntityLoadResult): Promise<EntityLoadResult> {
  const def = ctx.entity.definition;
  const triggers = def.source.triggers ?? [];
  if (triggers.length === 0) return main;
  const { dialect: d, session } = ctx;
  await registerTriggers(session, d, def);
  if (isInitialWatermark(ctx.from)) {
    const at = caughtUpAt(ctx.cutoff);
    await session.transaction(async (tx) => {
      for (const t of triggers) await advanceTriggerWatermark(tx, d, def.entity, t.name, at);
    });
    return main;
  }
  const watermarks = await readTriggerWatermarks(session, d, def.entity);
  let counts: EntityCounts = main.counts;
  for (const t of triggers) {
    counts = await runTrigger(ctx, plan, t, watermarks.get(t.name) ?? INITIAL_WATERMARK, main.watermark, counts);
  }
  return { counts, watermark: main.watermark };
}

async function runTrigger(
  ctx: EntityLoadContext,
  plan: EtlPlan,
  t: EntityTrigger,
  from: Watermark,
  entityWatermark: Watermark,
  counts0: EntityCounts,
): Promise<EntityCounts> {
  const { dialect: d, session } = ctx;
  const def = ctx.entity.definition;
  const opts = ctx.signal ? { signal: ctx.signal } : {};
  const pushdown = plan === 'pushdown';
  const write = pushdown ? await pushdownWriter(ctx, t) : await transferWriter(ctx, t);
  // The pushdown reads the trigger table from the target's connection; the transfer from the source.
  const pageSql = pushdown ? triggerPageSql(t, d, ctx.sourceDatabase) : triggerPageSql(t, ctx.sourceDialect);
  const memorySql = pushdown
    ? { rows: triggerRowsSql(t, d, ctx.sourceDatabase), pairs: triggerPairsSql(t, d, true, ctx.sourceDatabase) }
    : { rows: triggerRowsSql(t, ctx.sourceDialect), pairs: triggerPairsSql(t, ctx.sourceDialect, true) };
  let counts = counts0;
  let wm = from;
  const emitting = { ...ctx, emit: (e: Parameters<EntityLoadContext['emit']>[0]) => ctx.emit(e.type === 'batch' ? { ...e, trigger: { name: t.name, watermark: wm } } : e) };
  for (let batch = 1; ; batch++) {
    if (ctx.signal?.aborted) throw new EtlCancelledError(def.entity);
    const phase = async (p: EtlPhase): Promise<void> => {
      if (ctx.beforePhase) await ctx.beforePhase(p, { entity: def.entity, batch, targetProcessId: session.serverProcessId, trigger: t.name });
    };
    const started = performance.now();
    await phase('extract');
    const outcome = await session.transaction(async (tx) => {
      if (d.batchSettingsSql !== undefined) await tx.query(d.batchSettingsSql);
      const reader: Queryable = pushdown || ctx.readThroughTransaction ? tx : ctx.source;
      const row = (await reader.query<Record<string, unknown>>(pageSql, [ctx.cutoff, wm.updatedAt, bigint(wm.id), ctx.batchSize], opts)).rows[0];
      if (row === undefined) return undefined;
      const to: Watermark = { updatedAt: String(row['wm_ts']), id: String(row['wm_id']) };
      const range = [wm.updatedAt, bigint(wm.id), to.updatedAt, bigint(to.id)];
      // A remembering trigger also re-triggers what its rows named when last loaded, and what
      // they name now as read before the extract; it remembers that and what they name after.
      // Its rows that name a member they do not remember moved: what names their members now is
      // remembered under them (`rememberNamers`), before the extract and after it.
      let memory: { rows: string[]; before: MemoryPair[]; remembered: MemoryPair[] } | undefined;
      let extra: string[] = [];
      if (t.remember === true) {
        const rows = (await reader.query<Record<string, unknown>>(memorySql.rows, range, opts)).rows.map((x) => String(x['row_key']));
        const before = await readPairs(reader, memorySql.pairs, range, opts);
        const remembered = await rememberedPairs(tx, d, def.entity, t.name, rows);
        extra = [...new Set([...remembered.map((x) => x.member), ...before.map((x) => x.member)])];
        memory = { rows, before, remembered };
      }
      if (ctx.rememberPending !== undefined) await ctx.rememberPending(tx);
      if (memory !== undefined) await rememberNamers(ctx, plan, tx, reader, t, movedRows(memory.remembered, memory.before), memory.before);
      const page = await write(tx, wm, to, phase, opts, extra);
      if (memory !== undefined) {
        const after = await readPairs(reader, memorySql.pairs, range, opts);
        await replaceMemory(tx, d, def.entity, t.name, memory.rows, [...memory.before, ...after], opts);
        await rememberNamers(ctx, plan, tx, reader, t, movedRows(memory.remembered, after), after);
      }
      if (ctx.rememberPending !== undefined) await ctx.rememberPending(tx);
      await advanceTriggerWatermark(tx, d, def.entity, t.name, to);
      await addBatchCounts(tx, d, ctx.runId, def.entity, page, entityWatermark);
      await phase('commit');
      return { ...page, to, triggered: Number(row['n']) };
    });
    if (outcome === undefined) break;
    wm = outcome.to;
    counts = reportBatch(emitting, counts, {
      rows: outcome.extracted, upserted: outcome.upserted, softDeleted: outcome.softDeleted, rejected: outcome.rejected,
      seconds: (performance.now() - started) / 1000, watermark: entityWatermark,
    });
    await phase('committed');
    if (outcome.triggered < ctx.batchSize) break;
  }
  return counts;
}
