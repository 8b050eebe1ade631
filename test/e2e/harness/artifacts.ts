import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './toolFolder';

/** test-artifacts/e2e/<scenario>/: numbered step screenshots, and logs when a scenario fails. */
export class ScenarioArtifacts {
  readonly dir: string;
  private step = 0;

  constructor(scenario: string) {
    this.dir = path.join(repoRoot, 'test-artifacts/e2e', slug(scenario));
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
  }

  /** The path of the next step's screenshot: NN-<step>.png. */
  nextShot(step: string): string {
    this.step += 1;
    return path.join(this.dir, `${String(this.step).padStart(2, '0')}-${slug(step)}.png`);
  }

  /**
   * Copies code-server's log and the profile's logs folder (extension host logs, output
   * channels); the DW Workbench output channels' logs are also copied to the folder's top.
   * Returns what a reader looks at first: the screenshots, the output channels, the logs.
   */
  keepLogs(codeServerLog: string, userDataDir: string): string[] {
    if (existsSync(codeServerLog)) cpSync(codeServerLog, path.join(this.dir, 'code-server.log'));
    const logs = path.join(userDataDir, 'logs');
    if (existsSync(logs)) cpSync(logs, path.join(this.dir, 'logs'), { recursive: true });
    // One per window (extension host) of the run: named by the folder they sit in.
    const copied = path.join(this.dir, 'logs');
    for (const channel of findFiles(copied, /DW Workbench[^/]*\.log$/)) {
      cpSync(channel, path.join(this.dir, `output-${slug(path.relative(copied, channel).replace(/\.log$/, '')).slice(-80)}.log`));
    }
    return readdirSync(this.dir).map((f) => path.join(this.dir, f)).filter((f) => !statSync(f).isDirectory()).sort();
  }

  /** Passing scenarios leave nothing behind unless DWB_E2E_KEEP_ARTIFACTS=1. */
  discardUnlessKept(): void {
    if (process.env['DWB_E2E_KEEP_ARTIFACTS'] === '1') return;
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 120);
}

/** Every file under `dir` whose path relative to `dir` matches `pattern`. */
export function findFiles(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...findFiles(full, pattern));
    else if (pattern.test(full)) out.push(full);
  }
  return out;
}
