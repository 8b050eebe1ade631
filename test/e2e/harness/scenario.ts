import type { Context } from 'mocha';
import { skipBecause } from '../../support/skip';
import { ScenarioArtifacts } from './artifacts';
import { e2eSession, finishScenario, openWindow, type E2eSession } from './session';
import { missingTools } from './toolFolder';
import type { Workbench } from './workbench';

/**
 * One window on one workspace, shared by the scenarios (the `it`s) of a describe block:
 * each scenario gets its own artifacts folder, kept with the logs when it fails.
 */
export class WindowFixture {
  session: E2eSession | undefined;
  private window: Workbench | undefined;
  private artifacts: ScenarioArtifacts | undefined;

  /** For `before`: skips visibly without the tool folder, else opens a window on `folder()` (an empty window when it gives undefined). */
  async open(ctx: Context, folder: (session: E2eSession) => string | undefined | Promise<string | undefined>): Promise<void> {
    const why = missingTools();
    if (why !== undefined) skipBecause(ctx, why);
    this.session = await e2eSession();
    const title = ctx.test?.parent?.title ?? 'window';
    const opening = new ScenarioArtifacts(`${title} open`);
    try {
      this.window = await openWindow(this.session, await folder(this.session), opening);
    } catch (e) {
      finishScenario(this.session, opening, false);
      throw e;
    }
    finishScenario(this.session, opening, true);
  }

  /** For `beforeEach`: screenshots go to the current scenario's folder. */
  begin(ctx: Context): void {
    this.artifacts = new ScenarioArtifacts(ctx.currentTest?.fullTitle() ?? 'scenario');
    this.window?.useArtifacts(this.artifacts);
  }

  /** For `afterEach`. */
  async end(ctx: Context): Promise<void> {
    if (this.artifacts === undefined) return;
    const passed = ctx.currentTest?.state === 'passed';
    if (!passed) await this.window?.screenshot('failed');
    finishScenario(this.session, this.artifacts, passed);
  }

  /** For `after`. */
  async close(): Promise<void> {
    await this.window?.close();
  }

  get workbench(): Workbench {
    if (this.window === undefined) throw new Error('the window was not opened (see the before hook)');
    return this.window;
  }
}

/**
 * Registers the hooks of a describe block whose scenarios share one window on the folder
 * `folder` makes. Hooks registered before this call run before the window opens.
 */
export function windowPerSuite(folder: (session: E2eSession) => string | undefined | Promise<string | undefined>): WindowFixture {
  const w = new WindowFixture();
  before(async function () {
    // The first window also packages the extension and starts code-server: minutes on a loaded machine.
    this.timeout(900_000);
    await w.open(this, folder);
  });
  beforeEach(function () {
    w.begin(this);
  });
  afterEach(async function () {
    this.timeout(120_000);
    await w.end(this);
  });
  after(async () => w.close());
  return w;
}

/**
 * For a scenario whose steps build on each other: `step(name, body)` runs one, and a failure
 * names the step and leaves a screenshot of it, so one long scenario still says where it broke.
 */
export function stepper(wb: Workbench): (name: string, body: () => Promise<void>) => Promise<void> {
  return async (name, body) => {
    try {
      await body();
    } catch (e) {
      await wb.screenshot(`step-failed-${name.slice(0, 40)}`);
      if (e instanceof Error) e.message = `step "${name}": ${e.message}`;
      throw e;
    }
  };
}
