import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StackError } from './errors';

/** The compose service that runs `dwb watch`, and the profile that keeps it out of a plain `up`. */
export const WATCH_SERVICE = 'dwb-watch';
export const WATCH_PROFILE = 'watch';
/** The setting naming the Debian 13 image the watch image is built on (CI: a local debootstrap). */
export const WATCH_BASE_IMAGE_SETTING = 'DWB_WATCH_BASE_IMAGE';
export const DEFAULT_WATCH_BASE_IMAGE = 'debian:trixie-slim';
/** The label of every watch image DW Workbench builds (older ones are removed after a build). */
export const WATCH_IMAGE_LABEL = 'dw-workbench.service=watch';
/** The line `dwb watch` prints once it has read the project and its entities: the service is configured. */
export const WATCH_STARTED_LINE = /watching every /;

/** What the stack needs to run the watch service (from stack.watch and the project). */
export interface WatchOptions {
  /** The interval, as stack.watch.every gives it (already checked by the project file's schema). */
  readonly every: string;
  /** Run the active entities at each iteration (dwb watch --etl). */
  readonly etl: boolean;
  /** The installed DW Workbench: package.json, dist/cli.js, dist/vendor/, sql/, etl/ and docker/images/watch/. */
  readonly packageRoot: string;
  /** The folder of dw-workbench.json, mounted read-only into the service. */
  readonly projectRoot: string;
  /** The variable the CLI reads the password from (the project's connection.passwordEnv). */
  readonly passwordEnv: string;
  /** Every webhook of the project's alerts, with the variable the CLI reads its URL from. */
  readonly webhooks: readonly { readonly name: string; readonly urlEnv: string }[];
  /** A webhook's URL (SecretStorage in VS Code; the environment or .env in the CLI), read at each start. Secret. */
  readonly webhookUrl: (name: string, urlEnv: string) => Promise<string | undefined>;
}

/** Files of the image's build context: path in the context -> file on disk. */
export type WatchContextFiles = ReadonlyMap<string, string>;

/**
 * What goes into the watch image: the Dockerfile and entrypoint, and the part of the package the
 * CLI runs from (its bundle with the database drivers, the SQL and ETL templates, package.json).
 * Source maps, the extension and webview bundles and PGlite stay out.
 */
export function watchContextFiles(packageRoot: string): WatchContextFiles {
  const files = new Map<string, string>();
  const imageDir = path.join(packageRoot, 'docker', 'images', 'watch');
  const cli = path.join(packageRoot, 'dist', 'cli.js');
  if (!existsSync(cli) || !existsSync(path.join(imageDir, 'Dockerfile'))) {
    throw new StackError(
      `The watch service's image is built from DW Workbench's CLI bundle, and ${existsSync(cli) ? path.join(imageDir, 'Dockerfile') : cli} is missing. `
        + "Reinstall DW Workbench (from a source checkout: 'npm run build'), or remove stack.watch from dw-workbench.json.",
      { kind: 'watch-build-failed', setting: 'stack.watch' },
    );
  }
  files.set('Dockerfile', path.join(imageDir, 'Dockerfile'));
  files.set('dwb.sh', path.join(imageDir, 'dwb.sh'));
  files.set('dw-workbench/package.json', path.join(packageRoot, 'package.json'));
  files.set('dw-workbench/dist/cli.js', cli);
  for (const dir of ['dist/vendor', 'sql', 'etl']) {
    for (const rel of listFiles(path.join(packageRoot, dir))) {
      if (!rel.endsWith('.map')) files.set(`dw-workbench/${dir}/${rel}`, path.join(packageRoot, dir, rel));
    }
  }
  return files;
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/**
 * The image's tag: DW Workbench's version and a checksum of the base image's name and every
 * file that goes in, so an update (or a rebuilt bundle) gives a new tag and nothing stale runs.
 */
export function watchImageTag(files: WatchContextFiles, baseImage: string): string {
  const hash = createHash('sha256').update(`base ${baseImage}\n`);
  for (const [rel, file] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    hash.update(`${rel} ${statSync(file).size}\n`).update(readFileSync(file));
  }
  const version = (JSON.parse(readFileSync(files.get('dw-workbench/package.json') as string, 'utf8')) as { version?: string }).version ?? '0';
  return `dwb-watch:${version.replace(/[^A-Za-z0-9_.-]/g, '-')}-${hash.digest('hex').slice(0, 12)}`;
}

/** Copies the context files into a new temporary folder (removed by the caller). */
export async function writeWatchContext(files: WatchContextFiles): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dwb-watch-image-'));
  for (const [rel, file] of files) {
    const target = path.join(dir, ...rel.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(file, target);
  }
  await chmod(path.join(dir, 'dwb.sh'), 0o755);
  return dir;
}

export async function removeWatchContext(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/**
 * NAME=value lines the service's entrypoint exports: the password under the project's
 * passwordEnv and each webhook URL under its urlEnv. A value with a line break cannot pass.
 */
export function watchEnvLines(vars: Readonly<Record<string, string>>): string {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(vars)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new RangeError(`${name} is not an environment variable name.`);
    if (/[\r\n\0]/.test(value)) {
      throw new StackError(
        `The value of ${name} holds a line break, which the watch service cannot receive. Set it again without one.`,
        { kind: 'watch-failed', setting: name },
      );
    }
    lines.push(`${name}=${value}`);
  }
  return lines.join('\n');
}

/** The command line the service runs, as compose splits it (an empty DWB_WATCH_ETL disappears). */
export function watchVariables(options: Pick<WatchOptions, 'every' | 'etl' | 'projectRoot'>, image: string): Record<string, string> {
  return {
    DWB_WATCH_IMAGE: image,
    DWB_WATCH_EVERY: options.every,
    DWB_WATCH_ETL: options.etl ? '--etl' : '',
    DWB_PROJECT_DIR: options.projectRoot,
  };
}
