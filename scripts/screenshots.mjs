// Refreshes the README's screenshots from what the test suites capture: the dashboards rendered
// in headless Chromium with real data (integration suite) and, when code-server is set up, the
// e2e scenarios in a real VS Code. Usage: node scripts/screenshots.mjs
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const env = { ...process.env, DWB_E2E_KEEP_ARTIFACTS: '1' };
const run = (suite, grep) =>
  spawnSync(process.execPath, [path.join(root, 'scripts/test.mjs'), suite, '--', '--grep', grep], { cwd: root, env, stdio: 'inherit' });

run('integration', 'in headless Chromium');
for (const name of ['sales-light', 'sales-dark', 'monitor-light', 'monitor-dark']) {
  const from = path.join(root, 'test-artifacts', 'dashboards', `${name}.png`);
  if (existsSync(from)) copyFileSync(from, path.join(out, `${name}.png`));
  else console.error(`missing ${from}: the dashboard tests did not run (is Chromium installed?)`);
}

run('e2e', '.');
const e2e = path.join(root, 'test-artifacts', 'e2e');
if (existsSync(e2e)) {
  for (const scenario of readdirSync(e2e)) {
    const shots = readdirSync(path.join(e2e, scenario)).filter((f) => f.endsWith('.png')).sort();
    const last = shots.at(-1);
    if (last !== undefined) copyFileSync(path.join(e2e, scenario, last), path.join(out, `vscode-${scenario.replace(/^e2e-/, '').slice(0, 60)}.png`));
  }
}
console.log(`screenshots in ${path.relative(root, out)}`);
