// `npm run lint`: ESLint over src, test, bench and webview (eslint.config.mjs) and dependency-cruiser
// over src and webview (.dependency-cruiser.cjs), on the machine's two cores at once.
//
// Almost all of ESLint's time goes to the rules that need type information: they need one
// TypeScript program of the whole project (1,100 files with the declarations) and its checker. The
// other rules (layout, unused variables, imports) need none, so they run in a second ESLint process
// without a program, followed by dependency-cruiser, beside the first. Together the two ESLint
// processes run exactly the rules of eslint.config.mjs over the same files (each skips the other's
// rules with ESLint's rule filter, which also keeps a directive for a skipped rule from being
// reported as unused); an editor and plain `eslint` use the same configuration in one process.
// Every part runs to its end; the output of each is printed when it ends, with its time, and the
// run fails if any part failed.
//
// The type-aware process gets a 64 MB young generation (V8's default is 16 MB): the checker's
// short-lived objects then die young instead of being copied out, which cuts its scavenge pauses
// by about a third.
// Usage: node scripts/lint.mjs            (a part alone: node scripts/lint.mjs --part typed|syntax)
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const targets = ['src', 'test', 'bench', 'webview'];
const partArg = process.argv.indexOf('--part');

if (partArg >= 0) {
  process.exitCode = await lintPart(process.argv[partArg + 1]);
} else {
  process.exitCode = await lintAll();
}

/** One ESLint part in this process: 'typed' runs only the rules that need type information, 'syntax' only the others. */
async function lintPart(part) {
  if (part !== 'typed' && part !== 'syntax') {
    throw new Error(`--part must be typed or syntax, not ${part}`);
  }
  const { ESLint } = await import('eslint');
  const { plugin } = (await import('typescript-eslint')).default;
  const prefix = '@typescript-eslint/';
  const needsTypes = (ruleId) => ruleId.startsWith(prefix) && plugin.rules?.[ruleId.slice(prefix.length)]?.meta?.docs?.requiresTypeChecking === true;
  const eslint = new ESLint({
    cwd: root,
    ruleFilter: ({ ruleId }) => needsTypes(ruleId) === (part === 'typed'),
    // Without a type-aware rule the parser needs no TypeScript program.
    ...(part === 'syntax' ? { overrideConfig: { languageOptions: { parserOptions: { projectService: false } } } } : {}),
  });
  const results = await eslint.lintFiles(targets);
  const formatter = await eslint.loadFormatter('stylish');
  process.stdout.write(await formatter.format(results));
  return results.some((r) => r.errorCount > 0 || r.fatalErrorCount > 0) ? 1 : 0;
}

/** A child process with its output kept; resolves with its exit code, output and seconds taken. */
function run(name, args) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code, signal) => {
      const seconds = (performance.now() - started) / 1000;
      const text = Buffer.concat(output).toString();
      const ok = code === 0;
      process.stdout.write(`${name}: ${ok ? 'passed' : `failed (${signal ?? `exit ${code}`})`} in ${seconds.toFixed(1)} s\n${text}`);
      resolve(ok);
    });
  });
}

async function lintAll() {
  const self = fileURLToPath(import.meta.url);
  const [typed, rest] = await Promise.all([
    run('eslint, type-aware rules', ['--max-semi-space-size=64', self, '--part', 'typed']),
    (async () => {
      const syntax = await run('eslint, other rules', [self, '--part', 'syntax']);
      const deps = await run('dependency-cruiser', [
        path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
        'src', 'webview', '--config', '.dependency-cruiser.cjs', '--output-type', 'err',
      ]);
      return syntax && deps;
    })(),
  ]);
  return typed && rest ? 0 : 1;
}
