import { mkdir } from 'node:fs/promises';
import { composeProcess, type ComposeCli } from './composeCli';
import { DockerCli, lastLines } from './docker';
import { StackError } from './errors';
import type { StackEvent, StackEventListener, StackPhase, StackStatus } from './events';
import { realClock, statusOf, waitForHealthy, type Clock } from './health';
import { isPortFree } from './ports';
import type { ProcessResult, ProcessRunner } from './process';
import { SecretMasker } from './secrets';
import { stackPort, type StackDefinition } from './definitions';
import {
  DEFAULT_WATCH_BASE_IMAGE, WATCH_BASE_IMAGE_SETTING, WATCH_IMAGE_LABEL, WATCH_PROFILE, WATCH_SERVICE, WATCH_STARTED_LINE,
  removeWatchContext, watchContextFiles, watchEnvLines, watchImageTag, watchVariables, writeWatchContext, type WatchOptions,
} from './watch';

export interface ComposeStackOptions {
  readonly definition: StackDefinition;
  readonly compose: ComposeCli;
  readonly runner: ProcessRunner;
  /** Compose project name (lower case, digits, '-', '_'). */
  readonly projectName: string;
  /** Absolute path of the compose file. */
  readonly composeFile: string;
  /** Absolute path of the host folder that holds the backups (survives Destroy). */
  readonly backupDir: string;
  /** Non-secret settings (see resolveStackSettings). */
  readonly settings: Readonly<Record<string, string>>;
  /**
   * Secret values by name (definition.secretNames): compose gets them in its process environment
   * only, never in a file or an argument. Masked in every line and message.
   */
  readonly secrets: Readonly<Record<string, string>>;
  /** The watch service (stack.watch), when it is on; undefined leaves it out and removes a running one. */
  readonly watch?: WatchOptions;
  readonly healthTimeoutMs?: number;
  readonly healthPollMs?: number;
  /** How long "Start Stack" waits for the watch service to read the project and start its loop. */
  readonly watchStartTimeoutMs?: number;
  readonly clock?: Clock;
  readonly onEvent?: StackEventListener;
}

export interface UpTimings {
  readonly checksMs: number;
  readonly upMs: number;
  readonly healthMs: number;
}

export interface ComposeRunOptions {
  readonly signal?: AbortSignal;
  readonly onLine?: (maskedLine: string) => void;
  /** Default true: COMPOSE_PROFILES includes the watch service's profile. */
  readonly watchProfile?: boolean;
  /** More variables for this run (secret ones must already be in the masker). */
  readonly env?: Readonly<Record<string, string>>;
}

/** One compose project: start, stop, status, logs, destroy. Backups live in backup.ts. */
export class ComposeStack {
  readonly definition: StackDefinition;
  readonly masker: SecretMasker;
  readonly docker: DockerCli;
  /** The watch image's tag, known once preflight has built or found it. */
  private watchImage: string | undefined;

  constructor(readonly options: ComposeStackOptions) {
    this.definition = options.definition;
    this.masker = new SecretMasker(Object.values(options.secrets));
    this.docker = new DockerCli(options.runner);
  }

  get projectName(): string {
    return this.options.projectName;
  }

  get port(): number {
    return stackPort(this.definition, this.options.settings);
  }

  mask = (text: string): string => this.masker.mask(text);

  emit(event: StackEvent): void {
    this.options.onEvent?.(event);
  }

  /** compose up -d, then wait until the server's healthcheck passes. */
  async up(signal?: AbortSignal): Promise<UpTimings> {
    const clock = this.options.clock ?? realClock;
    let t = clock.now();
    const lap = (): number => { const now = clock.now(); const d = now - t; t = now; return d; };
    await this.phase('checks', () => this.preflight());
    const checksMs = lap();
    await this.phase('up', async () => {
      await mkdir(this.options.backupDir, { recursive: true });
      // Without the watch profile: the watch service starts after the bootstrap (startWatch).
      await this.composeOrThrow(['up', '-d', '--remove-orphans'], 'Starting the stack', { watchProfile: false });
    });
    const upMs = lap();
    await this.phase('health', () =>
      waitForHealthy({
        docker: this.docker,
        projectName: this.projectName,
        service: this.definition.serverService,
        timeoutMs: this.options.healthTimeoutMs ?? 180_000,
        pollMs: this.options.healthPollMs ?? 1000,
        mask: this.mask,
        clock,
        ...(this.options.onEvent ? { onEvent: this.options.onEvent } : {}),
        ...(signal ? { signal } : {}),
      }),
    );
    return { checksMs, upMs, healthMs: lap() };
  }

  /** Docker present, daemon up, port free (unless our own server holds it), images present. */
  async preflight(): Promise<void> {
    await this.docker.assertDaemon();
    if ((await this.status()) === 'down') {
      const port = this.port;
      if (!(await isPortFree(port))) {
        throw new StackError(
          `Port ${port} on 127.0.0.1 is already in use, so the ${this.definition.serverService} server cannot publish it. `
            + `Stop what listens there, or set ${this.definition.portSetting} to a free port in dw-workbench.json `
            + '(stack.env) or in the environment.',
          { kind: 'port-taken', port, setting: this.definition.portSetting },
        );
      }
    }
    await this.ensureImage();
    if (this.options.watch !== undefined) await this.prepareWatch(this.options.watch);
  }

  /** The compose file has the watch service, and its image is built (phase 'build' when it must be). */
  private async prepareWatch(watch: WatchOptions): Promise<void> {
    const services = await this.compose(['config', '--services'], { onLine: () => undefined });
    if (services.code === 0 && !services.stdout.split('\n').map((l) => l.trim()).includes(WATCH_SERVICE)) {
      throw new StackError(
        `stack.watch is set in dw-workbench.json, but ${this.options.composeFile} has no '${WATCH_SERVICE}' service. `
          + `Copy the '${WATCH_SERVICE}' service from DW Workbench's bundled compose file (docker/${this.definition.composeFileName}), `
          + 'or remove stack.watch (or set "enabled": false).',
        { kind: 'watch-missing', setting: 'stack.watch' },
      );
    }
    const baseImage = this.options.settings[WATCH_BASE_IMAGE_SETTING] ?? DEFAULT_WATCH_BASE_IMAGE;
    const files = watchContextFiles(watch.packageRoot);
    const tag = watchImageTag(files, baseImage);
    if (!(await this.docker.imageExists(tag))) {
      await this.phase('build', async () => {
        const context = await writeWatchContext(files);
        try {
          const r = await this.docker.run(
            ['build', '--build-arg', `BASE_IMAGE=${baseImage}`, '--label', WATCH_IMAGE_LABEL, '-t', tag, context],
            (line) => this.emit({ type: 'output', line: this.mask(line) }),
          );
          if (r.code !== 0) {
            throw new StackError(
              `Building the watch service's image ${tag} on ${baseImage} failed. Its last lines follow. The image needs `
                + `Debian 13 (Node.js 20 from its packages) and access to Debian's package mirror; set ${WATCH_BASE_IMAGE_SETTING} `
                + 'in stack.env to a Debian 13 image you have.',
              { kind: 'watch-build-failed', setting: WATCH_BASE_IMAGE_SETTING, image: baseImage, logTail: lastLines(this.mask(`${r.stdout}\n${r.stderr}`), 10) },
            );
          }
        } finally {
          await removeWatchContext(context);
        }
        await this.pruneOldWatchImages();
      });
    }
    this.watchImage = tag;
  }

  /**
   * Earlier builds (another version or bundle) that no container uses and that are a day old go:
   * a younger one may belong to another stack starting right now.
   */
  private async pruneOldWatchImages(): Promise<void> {
    await this.docker.run(['image', 'prune', '--all', '--force', '--filter', `label=${WATCH_IMAGE_LABEL}`, '--filter', 'until=24h']);
  }

  /**
   * Starts the watch service (after the bootstrap: its first iteration runs at once) and waits
   * until it has read the project and started its loop, or fails with its last lines.
   */
  async startWatch(signal?: AbortSignal): Promise<void> {
    const watch = this.options.watch;
    if (watch === undefined) return;
    if (this.watchImage === undefined) await this.prepareWatch(watch);
    const vars: Record<string, string> = {};
    const password = this.options.secrets[this.definition.adminSecret];
    if (password !== undefined) vars[watch.passwordEnv] = password;
    for (const w of watch.webhooks) {
      const url = await watch.webhookUrl(w.name, w.urlEnv);
      if (url === undefined || url.trim() === '') {
        this.emit({ type: 'output', line: `${WATCH_SERVICE}: webhook '${w.name}' has no URL (${w.urlEnv}); its alerts are not delivered until one is set.` });
        continue;
      }
      this.masker.add(url.trim());
      vars[w.urlEnv] = url.trim();
    }
    const env = watchEnvLines(vars);
    this.masker.add(env);
    await this.composeOrThrow(['up', '-d', WATCH_SERVICE], 'Starting the watch service', { env: { DWB_WATCH_ENV: env } });
    await this.waitForWatch(signal);
  }

  private async waitForWatch(signal?: AbortSignal): Promise<void> {
    const clock = this.options.clock ?? realClock;
    const started = clock.now();
    const timeoutMs = this.options.watchStartTimeoutMs ?? 60_000;
    for (;;) {
      const [id] = await this.docker.serviceContainers(this.projectName, WATCH_SERVICE);
      const state = id === undefined ? undefined : await this.docker.containerState(id);
      const tail = id === undefined ? [] : (await this.docker.logTail(id, 20)).map(this.mask);
      if (state?.running === true && tail.some((l) => WATCH_STARTED_LINE.test(l))) return;
      const refused = tail.some((l) => /^dwb( watch)?: /.test(l));
      const stopped = state !== undefined && (state.status === 'exited' || state.status === 'restarting' || state.status === 'dead');
      if (refused || stopped || clock.now() - started >= timeoutMs || signal?.aborted === true) {
        throw new StackError(
          stopped || refused
            ? `The ${WATCH_SERVICE} service stopped before it started watching${state === undefined ? '' : ` (exit code ${state.exitCode})`}. `
              + 'Its last lines follow; fix the cause (often stack.watch or the project file), then start the stack again.'
            : `The ${WATCH_SERVICE} service did not start watching within ${Math.round(timeoutMs / 1000)} s. Its last lines follow.`,
          { kind: 'watch-failed', service: WATCH_SERVICE, setting: 'stack.watch', logTail: tail },
        );
      }
      await clock.sleep(this.options.healthPollMs ?? 1000, signal);
    }
  }

  /** With the watch off: removes a watch service left running from before (stack.watch turned off or removed). */
  async removeWatch(): Promise<boolean> {
    if ((await this.docker.serviceContainers(this.projectName, WATCH_SERVICE)).length === 0) return false;
    await this.composeOrThrow(['rm', '--stop', '--force', WATCH_SERVICE], 'Removing the watch service');
    this.emit({ type: 'output', line: `${WATCH_SERVICE}: removed (stack.watch is off).` });
    return true;
  }

  private async ensureImage(): Promise<void> {
    const image = this.options.settings[this.definition.imageSetting] ?? this.definition.defaultImage;
    if (await this.docker.imageExists(image)) return;
    await this.phase('pull', async () => {
      const r = await this.docker.pull(image, (line) => this.emit({ type: 'output', line: this.mask(line) }));
      if (r.code !== 0) {
        throw new StackError(
          `The image ${image} is not on this machine and cannot be pulled (no access to its registry, or a wrong name). `
            + `Pull or build it by hand, or set ${this.definition.imageSetting} to an image you have.`,
          { kind: 'image-missing', image, setting: this.definition.imageSetting, logTail: lastLines(this.mask(r.stderr), 5) },
        );
      }
    });
  }

  async status(): Promise<StackStatus> {
    const [id] = await this.docker.serviceContainers(this.projectName, this.definition.serverService);
    return statusOf(id === undefined ? undefined : await this.docker.containerState(id));
  }

  /** Per service: its status, from compose's labels. */
  async serviceStatuses(): Promise<Record<string, StackStatus>> {
    const out: Record<string, StackStatus> = {};
    const services = [this.definition.serverService, this.definition.backupService];
    if (this.options.watch !== undefined || (await this.docker.serviceContainers(this.projectName, WATCH_SERVICE)).length > 0) services.push(WATCH_SERVICE);
    for (const service of services) {
      const [id] = await this.docker.serviceContainers(this.projectName, service);
      out[service] = statusOf(id === undefined ? undefined : await this.docker.containerState(id));
    }
    return out;
  }

  /** Stops and removes the containers; volumes (the data) stay. */
  async down(): Promise<void> {
    await this.docker.assertDaemon();
    await this.phase('down', () => this.composeOrThrow(['down', '--remove-orphans'], 'Stopping the stack'));
  }

  /** Stops the stack and deletes its volumes (the data). Backups on the host stay. */
  async destroy(): Promise<void> {
    await this.docker.assertDaemon();
    await this.phase('destroy', () => this.composeOrThrow(['down', '-v', '--remove-orphans'], 'Destroying the stack'));
  }

  /** Streams the services' logs (masked) to onLine until the signal aborts (follow) or they end. */
  async logs(options: {
    readonly follow?: boolean;
    readonly tail?: number;
    readonly signal?: AbortSignal;
    readonly onLine?: (line: string) => void;
  } = {}): Promise<void> {
    const args = ['logs', '--no-color', '--tail', String(options.tail ?? 100)];
    if (options.follow === true) args.push('--follow');
    await this.compose(args, {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onLine ? { onLine: options.onLine } : {}),
    });
  }

  /** Last lines of the server container (masked), for status views and errors. */
  async serverLogTail(lines = 20): Promise<string[]> {
    const [id] = await this.docker.serviceContainers(this.projectName, this.definition.serverService);
    return id === undefined ? [] : (await this.docker.logTail(id, lines)).map(this.mask);
  }

  /** `compose exec -T service ...args`, output masked. */
  async exec(service: string, args: readonly string[]): Promise<ProcessResult> {
    return this.compose(['exec', '-T', service, ...args]);
  }

  /**
   * Runs compose with the settings and the secrets in its environment (compose interpolates them
   * into every command, `down` and `logs` included); its output is masked.
   */
  async compose(
    args: readonly string[],
    options: ComposeRunOptions = {},
  ): Promise<ProcessResult> {
    const onLine = options.onLine ?? ((line: string) => this.emit({ type: 'output', line }));
    const spec = composeProcess(
      this.options.compose,
      { projectName: this.projectName, composeFile: this.options.composeFile },
      args,
      {
        ...this.options.settings,
        DWB_BACKUP_DIR: this.options.backupDir,
        ...backupOwner(),
        ...this.watchEnvironment(options.watchProfile ?? true),
        ...options.env,
        ...this.secretVariables(),
      },
    );
    const r = await this.options.runner.run(spec, {
      onLine: (line) => onLine(this.mask(line)),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return { code: r.code, stdout: this.mask(r.stdout), stderr: this.mask(r.stderr) };
  }

  /**
   * The watch profile, so stop, logs and status cover the watch service whether or not it is on
   * now (only the stack's first `up` goes without it), and the values its definition interpolates.
   */
  private watchEnvironment(profile: boolean): Record<string, string> {
    const watch = this.options.watch;
    return {
      ...(profile ? { COMPOSE_PROFILES: WATCH_PROFILE } : {}),
      ...(watch === undefined ? {} : watchVariables(watch, this.watchImage ?? '')),
    };
  }

  /** The secrets compose interpolates (an unset one as empty, so compose names it as missing). */
  private secretVariables(): Record<string, string> {
    return Object.fromEntries(this.definition.secretNames.map((name) => [name, this.options.secrets[name] ?? '']));
  }

  private async composeOrThrow(args: readonly string[], what: string, options: ComposeRunOptions = {}): Promise<ProcessResult> {
    const r = await this.compose(args, options);
    if (r.code !== 0) {
      throw new StackError(
        `${what} failed: '${this.options.compose.command} ${[...this.options.compose.prefix, ...args].join(' ')}' `
          + `exited with code ${r.code}. Its last lines follow; see also 'DW: Show Stack Logs'.`,
        { kind: 'compose-failed', logTail: lastLines(r.stderr, 10) },
      );
    }
    return r;
  }

  async phase<T>(phase: StackPhase, work: () => Promise<T>): Promise<T> {
    const clock = this.options.clock ?? realClock;
    const start = clock.now();
    this.emit({ type: 'phase', phase, state: 'start' });
    const result = await work();
    this.emit({ type: 'phase', phase, state: 'done', elapsedMs: clock.now() - start });
    return result;
  }
}

/** The backup service writes files owned by the user who runs DW Workbench (POSIX only). */
function backupOwner(): Record<string, string> {
  if (typeof process.getuid !== 'function' || typeof process.getgid !== 'function') return {};
  return { DWB_BACKUP_UID: String(process.getuid()), DWB_BACKUP_GID: String(process.getgid()) };
}
