import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { dotenvValues, formatDotenv, parseDotenv } from '../../src/core/env/dotenv';
import { generateStackPassword } from '../../src/core/stack/secrets';
import { createProcessRunner, detectComposeCli, type ComposeCli } from '../../src/core/stack';
import { skipSuite, useSetupDockerConfig } from './dockerTestEnv';

const runner = createProcessRunner();

/** What compose reads from `envText`: every name passed to a service's environment through `${NAME}`. */
async function composeReads(cli: ComposeCli, envText: string, names: readonly string[]): Promise<Record<string, string>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dwb-dotenv-'));
  try {
    writeFileSync(path.join(dir, '.env.test'), envText);
    const environment = Object.fromEntries(names.map((n) => [n, `\${${n}}`]));
    const compose = { ...(cli.version === 'v1' ? { version: '3' } : {}), services: { probe: { image: 'busybox', environment } } };
    writeFileSync(path.join(dir, 'compose.yml'), JSON.stringify(compose));
    const args = [...cli.prefix, '--project-name', 'dwbdotenv', '--env-file', path.join(dir, '.env.test'), '--file', path.join(dir, 'compose.yml'), 'config'];
    const r = await runner.run({ command: cli.command, args: cli.version === 'v2' ? [...args, '--format', 'json'] : args });
    assert.equal(r.code, 0, r.stderr);
    const config = parseYaml(r.stdout) as { services: { probe: { environment: Record<string, string> } } };
    // config writes every literal $ as $$.
    return Object.fromEntries(Object.entries(config.services.probe.environment).map(([k, v]) => [k, String(v).replaceAll('$$', '$')]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Names no environment of a test run sets, so compose reads only the file. */
const names = (n: number): string[] => Array.from({ length: n }, (_, i) => `DWBT_${i}`);

describe('.env files: compose reads what the tokenizer reads', () => {
  let v2: ComposeCli;
  before(async function () {
    useSetupDockerConfig();
    try {
      v2 = await detectComposeCli(runner);
    } catch {
      skipSuite(this, 'Docker Compose is not installed; run `bash .ci/setup-docker.sh start`');
    }
    if (v2.version !== 'v2') skipSuite(this, 'compose v2 is needed; run `bash .ci/setup-docker.sh start`');
  });

  const tricky = [
    'a#B=c!9_x.y@z%', 'pass #word', ' padded ', "it's", 'back\\slash', 'ends\\', '\\', "\\'", '$HOME', '${HOME}', '$$', 'a$ b',
    '"double"', "'single'", '#start', 'tab\there', 'ünïcødé €', '${X:-y}', 'x\\ny', '\\0101', '',
  ];

  it('every value the stack writes, generated passwords and tricky ones, reads back identically in compose v2', async () => {
    const sampled = fc.sample(fc.string({ unit: 'grapheme-ascii', maxLength: 30 }).filter((s) => !/[\r\n]/.test(s)), { numRuns: 40, seed: 2026 });
    const values = [...tricky, ...Array.from({ length: 20 }, () => generateStackPassword()), ...sampled];
    const keys = names(values.length);
    const vars = Object.fromEntries(keys.map((k, i) => [k, values[i] as string]));
    const text = formatDotenv(vars);
    assert.deepEqual(dotenvValues(parseDotenv(text)), vars);
    assert.deepEqual(await composeReads(v2, text, keys), vars);
  });

  it('hand-written files (export, comments, escapes, interpolation) read the same in compose v2 and the tokenizer', async () => {
    const text = [
      '# a comment',
      'export DWBT_0=db # the server',
      'DWBT_1="${DWBT_0}:${DWBT_UNSET:-1433}"',
      "DWBT_2='${DWBT_0} # kept'",
      'DWBT_3="tab\\tand \\"quote\\" and \\$DWBT_0"',
      "DWBT_4='it\\'s'",
      'DWBT_5=ab$ cd',
      'DWBT_6=v1#2',
      'DWBT_7="oct\\0101"',
      '  DWBT_8 =  spaced value   ',
      'DWBT_9="two',
      'lines"',
      'DWBT_10=$$DWBT_0',
      'DWBT_11=${DWBT_0:+set}${DWBT_UNSET-unset}',
      '',
    ].join('\n');
    const keys = names(12);
    const ours = dotenvValues(parseDotenv(text));
    assert.deepEqual(Object.keys(ours).sort(), [...keys].sort());
    assert.deepEqual(await composeReads(v2, text, keys), ours);
  });

  it('compose v1 (the fallback) reads every generated password, and single-quoted values without ${, identically', async function () {
    let v1: ComposeCli;
    try {
      v1 = await detectComposeCli(runner, { prefer: 'v1' });
    } catch {
      skipSuite(this, 'docker-compose v1 is not installed; run `bash .ci/setup-docker.sh start`');
    }
    if (v1.version !== 'v1') skipSuite(this, 'docker-compose v1 is not installed; run `bash .ci/setup-docker.sh start`');
    // v1 reads .env files with python-dotenv, which keeps $$ in double quotes and interpolates ${...}
    // even in single quotes: only single-quoted values without ${ read the same.
    const values = [...tricky.filter((v) => !/['\\]|\$\{/.test(v)), ...Array.from({ length: 20 }, () => generateStackPassword())];
    const keys = names(values.length);
    const vars = Object.fromEntries(keys.map((k, i) => [k, values[i] as string]));
    assert.deepEqual(await composeReads(v1, formatDotenv(vars), keys), vars);
  });
});
