import { strict as assert } from 'node:assert';
import type { StackEvent } from '../../../src/core/stack/events';
import { plainText } from '../../../src/extension/stack/plainText';
import { channelLine, PROGRESS_LINE_MAX, progressIncrement, progressMessage, type ProgressTexts } from '../../../src/extension/stack/progress';

const texts: ProgressTexts = {
  phase: (p) => `phase ${p}`,
  waiting: (service, status, seconds) => `waiting for ${service}: ${status} (${seconds} s)`,
  done: (p, seconds) => `${p} done in ${seconds} s`,
};

const health = (logTail: string[], status: 'starting' | 'healthy' | 'unhealthy' = 'starting'): StackEvent =>
  ({ type: 'health', service: 'postgres', status, elapsedMs: 12_400, logTail });

describe('stack progress messages', () => {
  it('names a phase when it starts, not when it ends', () => {
    assert.equal(progressMessage({ type: 'phase', phase: 'health', state: 'start' }, texts), 'phase health');
    assert.equal(progressMessage({ type: 'phase', phase: 'health', state: 'done', elapsedMs: 5 }, texts), undefined);
  });

  it('shows the server\'s last non-empty log line while waiting for health', () => {
    assert.equal(
      progressMessage(health(['LOG:  database system is ready', 'LOG:  checkpoint starting', '  ']), texts),
      'waiting for postgres: starting (12 s) | LOG:  checkpoint starting',
    );
    assert.equal(progressMessage(health([]), texts), 'waiting for postgres: starting (12 s)');
    assert.equal(progressMessage(health(['x'], 'healthy'), texts), undefined);
  });

  it('clips a long log line to fit a notification', () => {
    const message = progressMessage(health(['y'.repeat(500)]), texts) as string;
    const shown = message.split(' | ')[1] as string;
    assert.equal(shown.length, PROGRESS_LINE_MAX);
    assert.ok(shown.endsWith('…'));
  });

  it('writes output lines and phase ends to the channel, but not the repeated health tails', () => {
    assert.equal(channelLine({ type: 'output', line: 'Container dw-postgres-1  Started' }, texts), 'Container dw-postgres-1  Started');
    assert.equal(channelLine({ type: 'phase', phase: 'up', state: 'done', elapsedMs: 2345 }, texts), 'up done in 2.3 s');
    assert.equal(channelLine(health(['LOG: x']), texts), undefined);
  });

  it('fills the bar as the phases of Start Stack end, to 100 at most', () => {
    const phases = ['checks', 'pull', 'up', 'health', 'bootstrap', 'connection'] as const;
    const total = phases.reduce((n, phase) => n + (progressIncrement({ type: 'phase', phase, state: 'done' }) ?? 0), 0);
    assert.equal(total, 100);
    assert.equal(progressIncrement({ type: 'phase', phase: 'up', state: 'start' }), undefined);
    assert.equal(progressIncrement({ type: 'output', line: 'x' }), undefined);
  });
});

describe('stack log lines in the output channel', () => {
  it('lose the terminal control sequences compose writes even with --no-color', () => {
    const esc = String.fromCharCode(27);
    assert.equal(plainText(`${esc}[2Kpostgres-1  | LOG:  database system is ready`), 'postgres-1  | LOG:  database system is ready');
    assert.equal(plainText(`${esc}[1;32mok${esc}[0m done\r`), 'ok done');
    assert.equal(plainText(`${esc}]0;title${String.fromCharCode(7)}line`), 'line');
    assert.equal(plainText('plain | [2K stays'), 'plain | [2K stays');
  });
});
