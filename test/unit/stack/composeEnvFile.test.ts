import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ComposeStack, defaultEnvFile } from '../../../src/core/stack/composeStack';
import { POSTGRES_STACK } from '../../../src/core/stack/definitions';
import type { ProcessRunner, ProcessSpec } from '../../../src/core/stack/process';

/** A compose stand-in at the process boundary: records what the env file held while it ran. */
function heldRunner(seen: string[]): { runner: ProcessRunner; release: () => void } {
  const waiting: (() => void)[] = [];
  return {
    runner: {
      async run(spec: ProcessSpec) {
        const file = spec.args[spec.args.indexOf('--env-file') + 1] as string;
        await new Promise<void>((resolve) => waiting.push(resolve));
        seen.push(existsSync(file) ? await readFile(file, 'utf8') : 'missing');
        return { code: 0, stdout: '', stderr: '' };
      },
    },
    release: () => waiting.shift()?.(),
  };
}

describe('compose env file (secrets for compose while it runs)', () => {
  let root: string;
  beforeEach(async () => { root = await mkdtemp(path.join(tmpdir(), 'dwb-compose-env-')); });
  afterEach(async () => { await rm(root, { recursive: true, force: true }); });

  const stack = (runner: ProcessRunner): ComposeStack => new ComposeStack({
    definition: POSTGRES_STACK,
    compose: { version: 'v2', command: 'docker', prefix: ['compose'], release: '2.26.1' },
    runner,
    projectName: 'p',
    composeFile: path.join(root, 'compose.yml'),
    envFile: defaultEnvFile(root),
    backupDir: path.join(root, '.dw', 'backups'),
    settings: {},
    secrets: { POSTGRES_PASSWORD: 'S3cret-pass' },
  });

  it('is per process, shared by the stacks of one project, and removed when the last command ends', async () => {
    assert.equal(path.basename(defaultEnvFile(root)), `.env.${process.pid}`);
    const seen: string[] = [];
    const { runner, release } = heldRunner(seen);
    // Two commands at once from two stacks of one project (a CLI command beside another).
    const a = stack(runner).compose(['ps']);
    const b = stack(runner).compose(['ps']);
    await new Promise((r) => setTimeout(r, 50));
    release();
    await a;
    assert.equal(existsSync(defaultEnvFile(root)), true, 'the first to end leaves it for the other');
    release();
    await b;
    assert.deepEqual(seen, ["POSTGRES_PASSWORD='S3cret-pass'\n", "POSTGRES_PASSWORD='S3cret-pass'\n"]);
    assert.equal(existsSync(defaultEnvFile(root)), false, 'no secret stays on disk');
  });

  it("removes the env files of processes that are gone, never a live process's", async () => {
    await mkdir(path.join(root, '.dw'), { recursive: true });
    const dead = path.join(root, '.dw', '.env.999999999');
    const alive = path.join(root, '.dw', `.env.${process.ppid}`);
    const other = path.join(root, '.dw', 'pglite.env');
    for (const f of [dead, alive, other]) await writeFile(f, 'X=1\n');
    const seen: string[] = [];
    const { runner, release } = heldRunner(seen);
    const run = stack(runner).compose(['ps']);
    await new Promise((r) => setTimeout(r, 50));
    release();
    await run;
    assert.deepEqual([dead, alive, other].map((f) => existsSync(f)), [false, true, true]);
  });
});
