import { strict as assert } from 'node:assert';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ComposeStack } from '../../../src/core/stack/composeStack';
import { POSTGRES_STACK } from '../../../src/core/stack/definitions';
import type { StackEvent } from '../../../src/core/stack/events';
import { createProcessRunner, type ProcessRunner } from '../../../src/core/stack/process';
import { generateStackPassword } from '../../../src/core/stack/secrets';
import { StackError } from '../../../src/core/stack/errors';
import { filesHolding } from '../../support/filesHolding';

/**
 * Stands in for `docker compose` with a real child process: node printing the variables the stack
 * must hand to compose, as compose would print an interpolated value, and failing when asked.
 */
const PRINT_ENV = `
const names = ['POSTGRES_PASSWORD', 'DWB_BACKUP_DIR'];
for (const n of names) console.log(n + '=' + (process.env[n] ?? '<unset>'));
if (process.argv.includes('down')) { console.error('password authentication failed: ' + process.env.POSTGRES_PASSWORD); process.exit(3); }
`;

describe('compose secrets (in the compose process environment only)', () => {
  let root: string;
  let password: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'dwb-compose-secrets-'));
    password = generateStackPassword();
  });
  afterEach(async () => { await rm(root, { recursive: true, force: true }); });

  /**
   * The real runner for compose, checking the project folder at the moment compose starts; the
   * daemon check (`docker version`) answers as a running daemon.
   */
  function checkingRunner(onStart: (args: readonly string[], onDisk: string[]) => void): ProcessRunner {
    const real = createProcessRunner({ PATH: process.env['PATH'] ?? '' });
    return {
      async run(spec, options) {
        if (spec.command === 'docker') return { code: 0, stdout: '28.0.0\n', stderr: '' };
        onStart(spec.args, await filesHolding(root, password));
        return real.run(spec, options);
      },
    };
  }

  const stack = (runner: ProcessRunner, events: StackEvent[]): ComposeStack => new ComposeStack({
    definition: POSTGRES_STACK,
    compose: { version: 'v2', command: process.execPath, prefix: ['-e', PRINT_ENV, '--'], release: 'test' },
    runner,
    projectName: 'p',
    composeFile: path.join(root, 'compose.yml'),
    backupDir: path.join(root, '.dw', 'backups'),
    settings: {},
    secrets: { POSTGRES_PASSWORD: password },
    onEvent: (e) => events.push(e),
  });

  it('hands the secret to compose in its environment, writes no file holding it, and masks what compose prints', async () => {
    const started: { args: readonly string[]; onDisk: string[] }[] = [];
    const events: StackEvent[] = [];
    const lines: string[] = [];
    const r = await stack(checkingRunner((args, onDisk) => started.push({ args, onDisk })), events).compose(['ps'], { onLine: (l) => lines.push(l) });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(started.length, 1);
    assert.deepEqual(started[0]?.onDisk, [], 'a file under the project held the secret while compose ran');
    assert.ok(!started[0]?.args.some((a) => a.includes(password)), 'the secret was on the command line');
    assert.ok(!started[0]?.args.includes('--env-file'));
    // The child saw the password (it printed it; the stack masked it) and the non-secret settings.
    assert.deepEqual(lines, ['POSTGRES_PASSWORD=****', `DWB_BACKUP_DIR=${path.join(root, '.dw', 'backups')}`]);
    assert.ok(!r.stdout.includes(password));
    assert.deepEqual(await filesHolding(root, password), []);
  });

  it('keeps the secret out of the error of a failed compose command and out of every event', async () => {
    const events: StackEvent[] = [];
    const error = await stack(checkingRunner(() => undefined), events).down().catch((e: unknown) => e);
    assert.ok(error instanceof StackError, String(error));
    assert.equal(error.kind, 'compose-failed');
    assert.deepEqual(error.logTail, ['password authentication failed: ****']);
    assert.ok(!error.message.includes(password));
    assert.ok(events.some((e) => e.type === 'output' && e.line === 'POSTGRES_PASSWORD=****'), JSON.stringify(events));
    assert.ok(!JSON.stringify(events).includes(password));
    assert.deepEqual(await filesHolding(root, password), []);
  });
});
