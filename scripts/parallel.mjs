// Runs npm scripts at the same time (`node scripts/parallel.mjs typecheck lint`): on two cores the
// type check and the linter, each mostly one thread, take the time of the longer instead of the sum.
// Each script's output is held and printed whole, in the order named, as it would be one after the
// other; the exit status is the worst of theirs, and each failing script is named.
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
if (names.length === 0) {
  console.error('usage: node scripts/parallel.mjs <npm script> [<npm script> ...]');
  process.exit(2);
}
// Under npm, its own CLI through this Node; otherwise the npm on PATH (a .cmd on Windows).
const npmCli = process.env.npm_execpath;
const run = (name) => new Promise((resolve) => {
  const child = npmCli !== undefined && npmCli.endsWith('.js')
    ? spawn(process.execPath, [npmCli, 'run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn('npm', ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
  const chunks = [];
  child.stdout.on('data', (c) => chunks.push(c));
  child.stderr.on('data', (c) => chunks.push(c));
  const started = performance.now();
  child.on('error', (e) => chunks.push(Buffer.from(`${e.message}\n`)));
  child.on('close', (code, signal) => resolve({ name, code: code ?? (signal === null ? 1 : 128), output: Buffer.concat(chunks), ms: performance.now() - started }));
});

const results = await Promise.all(names.map(run));
for (const r of results) {
  process.stdout.write(`> npm run ${r.name}  (${(r.ms / 1000).toFixed(1)} s, exit ${r.code})\n`);
  process.stdout.write(r.output);
}
const failed = results.filter((r) => r.code !== 0);
for (const r of failed) console.error(`npm run ${r.name} failed (exit ${r.code})`);
process.exit(Math.max(0, ...results.map((r) => r.code)));
