// Runs the mocha suites (TypeScript through tsx) with the project's reporter, which ends with
// the line "N passed, N failed, N skipped" and lists why each skipped test was skipped.
// Usage: node scripts/test.mjs [unit|integration|stack|e2e ...] [-- extra mocha args]
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const named = dash < 0 ? argv : argv.slice(0, dash);
const extra = dash < 0 ? [] : argv.slice(dash + 1);
// Files given after `--` (and no suite named) run alone: `node scripts/test.mjs -- test/x.test.ts`.
const files = extra.filter((a) => a.endsWith('.ts') && !a.startsWith('-'));
const suites = named.length > 0 ? named : files.length > 0 ? [] : ['unit', 'integration', 'stack', 'e2e'];
const globs = suites.map((s) => `test/${s}/**/*.test.ts`);

const result = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/mocha/bin/mocha.js'),
    '--require', 'tsx/cjs',
    '--reporter', path.join(root, 'test/support/reporter.cjs'),
    '--timeout', '120000',
    '--exit',
    ...globs,
    ...extra,
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, DWB_REPO_ROOT: root } },
);
process.exit(result.status ?? 1);
