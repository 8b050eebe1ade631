/**
 * Activation cost of DW Workbench in a real VS Code (code-server), and the size of what ships.
 *
 * Source of the activation time: VS Code's own accounting, as "Developer: Show Running
 * Extensions" shows it ("Activation: N ms" = loading the extension's code + the activate()
 * call; the extension host measures both and reports them to the workbench through
 * $onDidActivateExtension; the extension host log itself records only that activation began).
 * The baseline, measured the same way in the same windows, is an extension whose activate()
 * does nothing and that activates on the same event: the ratio is what DW Workbench adds.
 * The extension's own "activated in N ms" line in its output channel log is shown beside it.
 *
 * Needs `bash .ci/setup-code-server.sh`. Env: DWB_BENCH_RUNS (windows, default 5).
 * Prints a table, then one last line of JSON.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { findFiles, ScenarioArtifacts } from '../test/e2e/harness/artifacts';
import { createProfile, installExtension, startCodeServer } from '../test/e2e/harness/codeServer';
import { pgliteProject } from '../test/e2e/harness/projects';
import { missingTools, repoRoot, toolFolder } from '../test/e2e/harness/toolFolder';
import { packageExtension, packageFolder } from '../test/e2e/harness/vsix';
import { launchBrowser, Workbench } from '../test/e2e/harness/workbench';
import { createWorkspace } from '../test/e2e/harness/workspace';

const GOAL_ACTIVATION_MS = 50;
const GOAL_BUNDLE_KB = 2048;
const runs = Number(process.env['DWB_BENCH_RUNS'] ?? 5);

interface Manifest {
  readonly publisher: string;
  readonly name: string;
  readonly displayName?: string;
}

/** The names a Running Extensions row may carry for an extension: display name or identifier. */
function rowNames(manifestFile: string): string[] {
  const m = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  return [m.displayName, `${m.publisher}.${m.name}`].filter((n): n is string => n !== undefined);
}

function timeFor(times: Map<string, number>, names: readonly string[]): number {
  for (const n of names) {
    const t = times.get(n);
    if (t !== undefined) return t;
  }
  throw new Error(`no activation time for ${names.join(' / ')}`);
}

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
  const bundle = path.join(repoRoot, 'dist/extension.js');
  const baselineDir = path.join(repoRoot, 'bench/fixtures/activation-baseline');
  const baselineVsix = packageFolder(baselineDir, path.join(toolFolder.tmp, 'activation-baseline.vsix'));
  const dwNames = rowNames(path.join(repoRoot, 'package.json'));
  const baseNames = rowNames(path.join(baselineDir, 'package.json'));

  const profile = createProfile();
  installExtension(profile, vsix);
  installExtension(profile, baselineVsix);
  const workspace = createWorkspace(profile.root, 'bench-activation', pgliteProject('bench'));
  const codeServer = await startCodeServer(profile);
  // Tall enough that the Running Extensions list shows every activated extension.
  const browser = await launchBrowser({ width: 1400, height: 2400 });
  const artifacts = new ScenarioArtifacts('bench-activation');
  const samples: { dw: number; baseline: number }[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      // A new window is a new extension host: every run is a cold activation.
      const wb = await Workbench.open(browser.context, codeServer.folderUrl(workspace), artifacts);
      const times = await wb.runningExtensions([dwNames[0] as string, baseNames[0] as string]);
      samples.push({ dw: timeFor(times, dwNames), baseline: timeFor(times, baseNames) });
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

  console.log('run  dw-workbench ms  baseline ms  ratio  own log ms');
  samples.forEach((s, i) => {
    const ratio = s.baseline > 0 ? (s.dw / s.baseline).toFixed(1) : 'n/a';
    console.log(`${String(i + 1).padEnd(4)} ${String(s.dw).padStart(15)} ${String(s.baseline).padStart(12)} ${ratio.padStart(6)} ${String(own[i] ?? '-').padStart(11)}`);
  });
  const activation = median(samples.map((s) => s.dw));
  const baseline = median(samples.map((s) => s.baseline));
  const bundleKb = kb(bundle);
  console.log(`median activation ${activation} ms (goal <= ${GOAL_ACTIVATION_MS}: ${activation <= GOAL_ACTIVATION_MS ? 'met' : 'NOT met'}), baseline ${baseline} ms`);
  console.log(`dist/extension.js ${bundleKb} KB (goal <= ${GOAL_BUNDLE_KB}: ${bundleKb <= GOAL_BUNDLE_KB ? 'met' : 'NOT met'}), dw-workbench.vsix ${kb(vsix)} KB`);
  console.log(
    JSON.stringify({
      activation_ms: activation,
      baseline_activation_ms: baseline,
      activation_ratio: baseline > 0 ? Math.round((activation / baseline) * 10) / 10 : null,
      own_log_activation_ms: own.length > 0 ? median(own) : null,
      runs,
      bundle_kb: bundleKb,
      vsix_kb: kb(vsix),
    }),
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
