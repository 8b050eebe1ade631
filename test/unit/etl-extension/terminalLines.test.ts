import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { EntityRunPlan } from '../../../src/core/etl/present/plan';
import { definitionFailures, entityFailure, eventLines, failureLine, planLines, terminalText } from '../../../src/core/etl/present/terminalLines';

interface ProblemMatcher {
  readonly name: string;
  readonly pattern: { readonly regexp: string; readonly file: number; readonly line: number; readonly code: number; readonly message: number };
}

const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
  contributes: { problemMatchers?: ProblemMatcher[] };
};
const matcher = manifest.contributes.problemMatchers?.find((m) => m.name === 'dw-etl');

function matched(line: string): { file?: string; line?: string; entity?: string; message?: string } | undefined {
  if (matcher === undefined) throw new Error('package.json contributes no "dw-etl" problem matcher');
  const m = new RegExp(matcher.pattern.regexp).exec(line);
  if (m === null) return undefined;
  const p = matcher.pattern;
  return { file: m[p.file], line: m[p.line], entity: m[p.code], message: m[p.message] };
}

const wm = { updatedAt: '2024-03-01T10:00:00.000000', id: '7' };
const fileOf = (entity: string): string => `/ws/etl/entities/${entity}.json`;

/** vscode.l10n.t under pt-BR: the bundle's text for the English key, with its {n} filled in. */
const ptBr = JSON.parse(readFileSync(path.resolve(__dirname, '../../../l10n/bundle.l10n.pt-br.json'), 'utf8')) as Record<string, string>;
const sayPtBr = (message: string, ...args: (string | number)[]): string =>
  (ptBr[message] ?? `<untranslated ${message}>`).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

describe('dw-etl task terminal lines', () => {
  it('speaks the UI language through say, and keeps the problem matcher\'s line readable', () => {
    const counts = { extracted: 5, upserted: 5, softDeleted: 0, rejected: 0, batches: 1 };
    assert.deepEqual(eventLines({ type: 'run-end', runId: 4, status: 'success', succeeded: 2, failed: 0, seconds: 1.25 }, fileOf, sayPtBr),
      ['execução 4: SUCESSO em 1.3 s (2 com sucesso, 0 com falha)']);
    const [batch] = eventLines({ type: 'batch', runId: 4, entity: 'dim_cliente', batch: 1, rows: 5, upserted: 5, softDeleted: 0, rejected: 0, rowsPerSecond: 10, watermark: wm }, fileOf, sayPtBr);
    assert.match(batch ?? '', /^dim_cliente: lote 1: 5 linhas, 5 gravadas, /);
    const failed = eventLines({ type: 'entity-end', runId: 4, entity: 'fact_vendas', status: 'failed', seconds: 2, watermark: wm, counts, error: 'boom' }, fileOf, sayPtBr);
    assert.match(failed[0] ?? '', /^fact_vendas: FALHOU em 2\.0 s: 5 extraídas/);
    assert.deepEqual(matched(failed[1] ?? ''), { file: '/ws/etl/entities/fact_vendas.json', line: '1', entity: 'fact_vendas', message: 'boom' });
    assert.match(planLines([], sayPtBr)[0] ?? '', /^simulação: nenhuma entidade ativa/);
  });

  it('prints batches with rows, rows/s and the watermark committed', () => {
    const [line] = eventLines({ type: 'batch', runId: 3, entity: 'dim_cliente', batch: 2, rows: 1000, upserted: 990, softDeleted: 10, rejected: 0, rowsPerSecond: 12345.6, watermark: wm }, fileOf);
    assert.equal(line, 'dim_cliente: batch 2: 1000 rows, 990 upserted, 10 soft-deleted, 0 rejected, 12,346 rows/s, watermark (2024-03-01T10:00:00.000000, 7)');
    const [trigger] = eventLines({
      type: 'batch', runId: 3, entity: 'dim_cliente', batch: 3, rows: 4, upserted: 3, softDeleted: 0, rejected: 0, rowsPerSecond: 40, watermark: wm,
      trigger: { name: 'orders', watermark: { updatedAt: '2024-03-02T09:00:00.000000', id: '41' } },
    }, fileOf);
    assert.equal(trigger, 'dim_cliente: batch 3 (trigger orders): 4 rows, 3 upserted, 0 soft-deleted, 0 rejected, 40 rows/s, watermark (2024-03-02T09:00:00.000000, 41)');
  });

  it('prints a failed entity as a line the dw-etl problem matcher reads, at the definition file, and gives it as the run\'s failure', () => {
    const end = {
      type: 'entity-end', runId: 3, entity: 'dim_cliente', status: 'failed', seconds: 1.25, watermark: wm,
      counts: { extracted: 6, upserted: 6, softDeleted: 0, rejected: 0, batches: 2 }, error: 'relation "dim.dim_cliente" does not exist\nLINE 1',
    } as const;
    const failures = eventLines(end, fileOf).map(matched).filter((m) => m !== undefined);
    assert.deepEqual(failures, [{ file: '/ws/etl/entities/dim_cliente.json', line: '1', entity: 'dim_cliente', message: 'relation "dim.dim_cliente" does not exist LINE 1' }]);
    assert.deepEqual(entityFailure(end, fileOf), { file: '/ws/etl/entities/dim_cliente.json', line: 1, entity: 'dim_cliente', message: 'relation "dim.dim_cliente" does not exist\nLINE 1' });
    assert.equal(entityFailure({ ...end, status: 'partial' }, fileOf), undefined);
  });

  it('prints each definition problem as a matcher line at its file and line, naming column and rule', () => {
    const lines = definitionFailures([
      { file: '/ws/etl/entities/dim_cliente.json', line: 45, entity: 'dim_cliente', column: 'email', rule: 'normalizar_emial', message: 'names a rule that is not in the catalogue' },
      { file: '/ws/etl/entities/broken.json', message: 'is not valid JSON' },
    ]).map(failureLine);
    assert.deepEqual(lines.map(matched), [
      { file: '/ws/etl/entities/dim_cliente.json', line: '45', entity: 'dim_cliente', message: 'entity dim_cliente, column email, rule normalizar_emial: names a rule that is not in the catalogue' },
      { file: '/ws/etl/entities/broken.json', line: '1', entity: 'definition', message: 'is not valid JSON' },
    ]);
  });

  it('matches Windows paths and messages holding colons', () => {
    assert.deepEqual(matched(failureLine({ file: 'C:\\dw\\etl\\entities\\dim_regiao.json', line: 4, entity: 'dim_regiao', message: 'Login failed: for user etl_monitor' })), {
      file: 'C:\\dw\\etl\\entities\\dim_regiao.json', line: '4', entity: 'dim_regiao', message: 'Login failed: for user etl_monitor',
    });
  });

  it('never gives a successful entity or a batch to the problem matcher', () => {
    const lines = [
      ...eventLines({ type: 'entity-end', runId: 1, entity: 'dim_cliente', status: 'success', seconds: 1, watermark: wm, counts: { extracted: 1, upserted: 1, softDeleted: 0, rejected: 0, batches: 1 } }, fileOf),
      ...eventLines({ type: 'run-end', runId: 1, status: 'success', succeeded: 1, failed: 0, seconds: 1 }, fileOf),
      ...eventLines({ type: 'entity-start', runId: 1, entity: 'dim_cliente', plan: 'pushdown', watermark: wm, cutoff: '2024-03-02T00:00:00.000000', batchSize: 1000 }, fileOf),
    ];
    assert.equal(lines.length, 3);
    assert.deepEqual(lines.map(matched), [undefined, undefined, undefined]);
  });

  it('names the source database when the pushdown reads it with three-part names', () => {
    const start = { type: 'entity-start', runId: 1, entity: 'dim_cliente', plan: 'pushdown', watermark: wm, cutoff: '2024-03-02T00:00:00.000000', batchSize: 1000 } as const;
    assert.equal(eventLines({ ...start, sourceDatabase: 'ECOMMERCE_OLTP' }, fileOf)[0],
      'dim_cliente: pushdown (source in database ECOMMERCE_OLTP), window (2024-03-01T10:00:00.000000, 7) .. 2024-03-02T00:00:00.000000, batches of 1000');
    assert.doesNotMatch(eventLines(start, fileOf)[0] ?? '', /source in database/);
  });

  it('prints the dry-run plan: window, cutoff, batch size, pending rows, and each trigger', () => {
    const plan: EntityRunPlan = {
      entity: 'dim_cliente', plan: 'pushdown', from: wm, cutoff: '2024-03-02T00:00:00.000000', cutoffMinutes: 2, batchSize: 1000,
      runCutoff: { at: '2024-03-02T00:00:00.000000', boundedBy: 'clock' }, runCutoffMinutes: 5,
      isActive: true, registered: true, pendingRows: 2500, batches: 3,
      triggers: [
        { trigger: 'orders', table: 'core.orders', from: { updatedAt: '2024-03-01T09:00:00.000000', id: '12' }, pendingRows: 1001, batches: 2 },
        { trigger: 'order_items', table: 'core.order_items', from: undefined, pendingRows: 0, batches: 0 },
      ],
    };
    const lines = planLines([plan]);
    assert.match(lines[0] ?? '', /nothing is read/);
    assert.deepEqual(lines.slice(1), [
      'cutoff of the run: 2024-03-02T00:00:00.000000 (5 min: the largest of the entities\' cutoff_minutes)',
      'dim_cliente: pushdown, window (2024-03-01T10:00:00.000000, 7) .. 2024-03-02T00:00:00.000000 (cutoff 2 min), 2500 row(s) pending in 3 batch(es) of 1000',
      '  trigger orders (core.orders): after (2024-03-01T09:00:00.000000, 12), 1001 changed row(s) in 2 batch(es)',
      '  trigger order_items (core.order_items): moves to the cutoff (the entity loads from the start)',
    ]);
    assert.match(planLines([])[0] ?? '', /no active entity/);
  });

  it('prints the run\'s cutoff at its start: what held it back, and a warning when the source hides transactions', () => {
    const start = { type: 'run-start', runId: 9, entities: ['dim_cliente', 'fact_vendas'] } as const;
    assert.deepEqual(eventLines({ ...start, cutoff: { at: '2024-03-02T00:00:00.000000', boundedBy: 'clock' } }, fileOf), [
      'run 9: dim_cliente, fact_vendas',
      'cutoff of the run: 2024-03-02T00:00:00.000000',
    ]);
    const held = eventLines({
      ...start,
      cutoff: { at: '2024-03-01T23:59:40.000000', boundedBy: 'open-transaction', openSince: '2024-03-01T23:59:41.250000', openProcess: '4242', warning: 'the transactions of 2 other session(s) of the source are not visible to this login' },
    }, fileOf, sayPtBr);
    assert.deepEqual(held.slice(1), [
      'corte da execução: 2024-03-01T23:59:40.000000, retido por uma transação aberta na origem desde 2024-03-01T23:59:41.250000 (processo 4242)',
      'aviso: the transactions of 2 other session(s) of the source are not visible to this login',
    ]);
  });

  it('writes CRLF line ends, including inside multi-line messages', () => {
    assert.equal(terminalText(['a', 'b\nc']), 'a\r\nb\r\nc\r\n');
  });
  it('says how many extracted rows were already up to date, so a full reload writing none is not read as a failure', () => {
    const counts = { extracted: 112_217, upserted: 0, softDeleted: 0, rejected: 0, batches: 113 };
    const [line] = eventLines({ type: 'entity-end', runId: 9, entity: 'fact_vendas', status: 'success', seconds: 30, watermark: wm, counts }, fileOf);
    assert.match(line ?? '', /112217 extracted, 0 upserted in 113 batch\(es\).*; 112217 already up to date \(not written\)$/);
    const [written] = eventLines({ type: 'entity-end', runId: 9, entity: 'fact_vendas', status: 'success', seconds: 1, watermark: wm, counts: { ...counts, extracted: 5, upserted: 5 } }, fileOf);
    assert.doesNotMatch(written ?? '', /up to date/);
  });
});
