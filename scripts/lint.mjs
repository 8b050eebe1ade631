// One part of `npm run lint`'s ESLint pass (eslint.config.mjs over src, test, bench and webview).
// `npm run lint` runs the parts at once on the machine's two cores (npm-run-all2's run-p), with
// dependency-cruiser after the second:
//
//   node --max-semi-space-size=64 scripts/lint.mjs typed    the rules that need type information
//   node scripts/lint.mjs syntax                            every other rule
//
// Almost all of ESLint's time goes to the rules that need type information: they need one
// TypeScript program of the whole project (1,100 files with the declarations) and its checker. The
// other rules (layout, unused variables, imports) need none, so they run in a second process
// without a program. Together the two parts run exactly the rules of eslint.config.mjs over the
// same files (each skips the other's rules with ESLint's rule filter, which also keeps a directive
// for a skipped rule from being reported as unused); an editor and plain `eslint` use the same
// configuration in one process.
//
// The type-aware part gets a 64 MB young generation (V8's default is 16 MB): the checker's
// short-lived objects then die young instead of being copied out, which cuts its scavenge pauses
// by about a third.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const targets = ['src', 'test', 'bench', 'webview'];
const part = process.argv[2];
if (part !== 'typed' && part !== 'syntax') {
  console.error(`usage: node scripts/lint.mjs typed|syntax (got ${part ?? 'nothing'})`);
  process.exit(2);
}

const prefix = '@typescript-eslint/';
const needsTypes = (ruleId) => ruleId.startsWith(prefix) && tseslint.plugin.rules?.[ruleId.slice(prefix.length)]?.meta?.docs?.requiresTypeChecking === true;
const eslint = new ESLint({
  cwd: root,
  ruleFilter: ({ ruleId }) => needsTypes(ruleId) === (part === 'typed'),
  // Without a type-aware rule the parser needs no TypeScript program.
  ...(part === 'syntax' ? { overrideConfig: { languageOptions: { parserOptions: { projectService: false } } } } : {}),
});
const results = await eslint.lintFiles(targets);
process.stdout.write(await (await eslint.loadFormatter('stylish')).format(results));
process.exitCode = results.some((r) => r.errorCount > 0 || r.fatalErrorCount > 0) ? 1 : 0;
