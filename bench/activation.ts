/**
 * Activation cost of DW Workbench in a real VS Code (code-server), and the size of what ships.
 *
 * Source of the activation time: VS Code's own accounting. The extension host times loading
 * the extension's code, the activate() call and the wait for the promise it returns, and
 * reports them to the workbench ($onDidActivateExtension), which lists them in "Developer:
 * Startup Performance" under "Extension Activation Stats" (read here through the UI). The
 * extension host log (remoteexthost.log) records only that an activation began, not its
 * duration. activation_ms is the sum of the three parts: the time until the extension is active.
 * The baseline, measured the same way in the same windows, is an extension whose activate()
 * does nothing and that activates on the same event: the ratio is what DW Workbench adds over
 * what any extension pays on this machine at that moment (the machine may be busy).
 * The extension's own "activated in N ms" line in its output channel log is shown beside it.
 *
 * bundle_kb is the extension bundle without webviews: the activation shell (dist/extension.js,
 * also reported alone as shell_kb) plus the feature bundle it loads on first use (dist/features.js).
 *
 * Needs `bash .ci/setup-code-server.sh`. Env: DWB_BENCH_RUNS (windows, default 3),
 * DWB_E2E_VSIX (an already packaged vsix instead of `npm run package`).
 * Prints a table, then one last line of JSON.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { findFiles, ScenarioArtifacts } from '../test/e2e/harness/artifacts';
import { createProfile, installExtension, startCodeServer } from '../test/e2e/harness/codeServer';
import { pgliteProject } from '../test/e2e/harness/projects';
import { missingTools, repoRoot, toolFolder } from '../test/e2e/harness/toolFolder';
import { packageExtension, packageFolder } from '../test/e2e/harness/vsix';
import { launchBrowser, Workbench, type ActivationStats } from '../test/e2e/harness/workbench';
import { createWorkspace } from '../test/e2e/harness/workspace';

const GOAL_ACTIVATION_MS = 50;
const GOAL_BUNDLE_KB = 2048;
const runs = Number(process.env['DWB_BENCH_RUNS'] ?? 3);

function extensionId(manifestFile: string): string {
  const m = JSON.parse(readFileSync(manifestFile, 'utf8')) as { publisher: string; name: string };
  return `${m.publisher}.${m.name}`;
}

const total = (s: ActivationStats): number => s.loadCodeMs + s.callActivateMs + s.finishActivateMs;

/** Every "activated in N ms" the extension wrote to its output channel logs, in file order. */
function selfReported(userDataDir: string): number[] {
  return findFiles(path.join(userDataDir, 'logs'), /DW Workbench\.log$/)
    .sort()
    .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/activated in ([\d.]+)\s*ms/g)].map((m) => Number(m[1])));
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const kb = (file: string): number => Math.round((statSync(file).size / 1024) * 10) / 10;

async function main(): Promise<void> {
  const missing = missingTools();
  if (missing !== undefined) {
    console.error(missing);
    process.exit(2);
  }
  const vsix = packageExtension();
  const baselineDir = path.join(repoRoot, 'bench/fixtures/activation-baseline');
  const baselineVsix = packageFolder(baselineDir, path.join(toolFolder.tmp, 'activation-baseline.vsix'));
  const dwId = extensionId(path.join(repoRoot, 'package.json'));
  const baseId = extensionId(path.join(baselineDir, 'package.json'));

  const profile = createProfile();
  installExtension(profile, vsix);
  installExtension(profile, baselineVsix);
  // The bundle as shipped (the installed copy), whatever dist/ holds from other builds.
  const installed = findFiles(profile.extensionsDir, /dw-workbench\.dw-workbench-[^/]+\/dist\/extension\.js$/);
  if (installed[0] === undefined) throw new Error(`no dist/extension.js in the installed ${dwId}`);
  const bundle = installed[0];
  // The feature bundle beside it, required on first use (absent in builds before the split).
  const features = path.join(path.dirname(bundle), 'features.js');
  const workspace = createWorkspace(profile.root, 'bench-activation', pgliteProject('bench'));
  const codeServer = await startCodeServer(profile);
  // Tall enough that the report's activation table is rendered without scrolling.
  const browser = await launchBrowser({ width: 1400, height: 2400 });
  const artifacts = new ScenarioArtifacts('bench-activation');
  const samples: { dw: ActivationStats; baseline: ActivationStats }[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      // A new window is a new extension host: every run is a cold activation.
      const wb = await Workbench.open(browser.context, codeServer.folderUrl(workspace), artifacts);
      const stats = await wb.activationStats([dwId, baseId]);
      samples.push({ dw: stats.get(dwId) as ActivationStats, baseline: stats.get(baseId) as ActivationStats });
      await wb.close();
    }
  } catch (e) {
    artifacts.keepLogs(codeServer.logFile, profile.userDataDir);
    console.error(`activation benchmark failed; screenshots and logs in ${artifacts.dir}`);
    throw e;
  } finally {
    await browser.close();
    await codeServer.stop();
  }
  artifacts.discardUnlessKept();
  const own = selfReported(profile.userDataDir);

  const cols = (...c: (string | number)[]): string => c.map((x, i) => String(x).padStart(i === 0 ? 3 : 12)).join(' ');
  console.log(cols('run', 'load code', 'call', 'finish', 'dw total', 'baseline', 'ratio', 'own log'));
  samples.forEach((s, i) => {
    const ratio = total(s.baseline) > 0 ? (total(s.dw) / total(s.baseline)).toFixed(1) : 'n/a';
    console.log(cols(i + 1, s.dw.loadCodeMs, s.dw.callActivateMs, s.dw.finishActivateMs, total(s.dw), total(s.baseline), ratio, own[i] ?? '-'));
  });
  const activation = median(samples.map((s) => total(s.dw)));
  const baseline = median(samples.map((s) => total(s.baseline)));
  // The extension bundle without webviews: the activation shell plus the feature bundle.
  const shellKb = kb(bundle);
  const featuresKb = existsSync(features) ? kb(features) : 0;
  const bundleKb = Math.round((shellKb + featuresKb) * 10) / 10;
  console.log(`median activation ${activation} ms (goal <= ${GOAL_ACTIVATION_MS}: ${activation <= GOAL_ACTIVATION_MS ? 'met' : 'NOT met'}), baseline ${baseline} ms`);
  console.log(`shipped dist/extension.js (shell) ${shellKb} KB + dist/features.js ${featuresKb} KB = ${bundleKb} KB (goal <= ${GOAL_BUNDLE_KB}: ${bundleKb <= GOAL_BUNDLE_KB ? 'met' : 'NOT met'}), dw-workbench.vsix ${kb(vsix)} KB`);
  console.log(
    JSON.stringify({
      activation_ms: activation,
      baseline_activation_ms: baseline,
      activation_ratio: baseline > 0 ? Math.round((activation / baseline) * 10) / 10 : null,
      own_log_activation_ms: own.length > 0 ? median(own) : null,
      load_code_ms: median(samples.map((s) => s.dw.loadCodeMs)),
      activate_call_ms: median(samples.map((s) => s.dw.callActivateMs)),
      runs,
      shell_kb: shellKb,
      bundle_kb: bundleKb,
      vsix_kb: kb(vsix),
    }),
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
