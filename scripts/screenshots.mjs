// Refreshes the README's screenshots from what the test suites capture:
// - the e2e "first steps" scenarios in a real VS Code (code-server + Chromium): the ETL Entities
//   tree after the dim_cliente task, the ETL monitor, the sales dashboard;
// - the e2e "new warehouse project" scenario: its server question and the nine entities loaded;
// - the dashboards rendered in headless Chromium with real data (integration suite), in the dark
//   theme and Brazilian Portuguese.
// An image is replaced only when the scenario that takes it passed in this run.
// Usage: node scripts/screenshots.mjs   (code-server from `bash .ci/setup-code-server.sh`, DWB_TOOLS_DIR as for the e2e suite)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const env = { ...process.env, DWB_E2E_KEEP_ARTIFACTS: '1' };
const run = (suite, grep) =>
  spawnSync(process.execPath, [path.join(root, 'scripts/test.mjs'), suite, '--', '--grep', grep], { cwd: root, env, stdio: 'inherit' }).status;

/** Every file under `dir`, as paths relative to `dir` with forward slashes. */
function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full).map((f) => `${name}/${f}`) : [name];
  });
}

/** Copies the first artifact matching each pattern to docs/screenshots/<name>; returns what is missing. */
function collect(dir, wanted) {
  const all = files(dir);
  const missing = [];
  for (const [name, pattern] of Object.entries(wanted)) {
    const found = all.find((f) => pattern.test(f));
    if (found === undefined) missing.push(`${name} (${pattern})`);
    else copyFileSync(path.join(dir, found), path.join(out, name));
  }
  return missing;
}

const missing = [];

// Passing scenarios keep their screenshots only with DWB_E2E_KEEP_ARTIFACTS=1; start clean so
// nothing from an earlier run is taken for this one's.
const e2e = path.join(root, 'test-artifacts', 'e2e');
for (const d of existsSync(e2e) ? readdirSync(e2e).filter((d) => d.startsWith('e2e-first-steps-')) : []) rmSync(path.join(e2e, d), { recursive: true, force: true });
if (run('e2e', 'first steps') !== 0) console.error('some e2e "first steps" scenarios failed: only the images of those that passed are refreshed');
missing.push(...collect(e2e, {
  // The PostgreSQL journey is one scenario ("a new warehouse"), its steps numbered in one folder.
  'vscode-etl-tree.png': /^e2e-first-steps-on-postgresql-a-new-warehouse[^/]*\/\d+-tree-green\.png$/,
  'vscode-monitor.png': /^e2e-first-steps-on-postgresql-a-new-warehouse[^/]*\/\d+-monitor\.png$/,
  'vscode-sales.png': /^e2e-first-steps-on-postgresql-a-new-warehouse[^/]*\/\d+-sales-last-7-days\.png$/,
}));

for (const d of existsSync(e2e) ? readdirSync(e2e).filter((d) => d.startsWith('e2e-a-new-warehouse-project-')) : []) rmSync(path.join(e2e, d), { recursive: true, force: true });
if (run('e2e', 'a new warehouse project') !== 0) console.error('the e2e "new warehouse project" scenario failed: its images are not refreshed');
missing.push(...collect(e2e, {
  'vscode-new-project-server.png': /^e2e-a-new-warehouse-project-[^/]*\/\d+-input-host-[^/]*\.png$/,
  'vscode-new-project-loaded.png': /^e2e-a-new-warehouse-project-[^/]*\/\d+-all-loaded-tree\.png$/,
}));

const dashboards = path.join(root, 'test-artifacts', 'dashboards');
rmSync(dashboards, { recursive: true, force: true });
run('integration', 'in headless Chromium');
missing.push(...collect(dashboards, { 'monitor-dark.png': /^monitor-dark\.png$/, 'sales-dark.png': /^sales-dark\.png$/ }));

console.log(`screenshots in ${path.relative(root, out)}`);
if (missing.length > 0) {
  console.error(`not refreshed (their tests did not pass or did not run here):\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
