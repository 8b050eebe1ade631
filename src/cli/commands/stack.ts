import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadProject, passwordEnvName, type Project } from '../../core/project';
import {
  backupNow,
  checkStackConnection,
  createProcessRunner,
  envOverlay,
  fileSecretStore,
  bootstrapOnStack,
  isStackError,
  latestBackupSet,
  listBackups,
  openProjectStack,
  restoreBackups,
  startStack,
  stackDefinition,
  stackEngineOf,
  WATCH_SERVICE,
  type ComposeStack,
  type StackEvent,
} from '../../core/stack';
import { assetsRoot } from '../assets';
import { EXIT_CODES, type CliCommand, type CliIo } from '../command';
import { renderTable } from '../table';
import { entitiesDir } from './etl';

const SUBCOMMANDS = ['up', 'down', 'status', 'logs', 'backup', 'restore', 'destroy'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

/**
 * The CLI keeps the stack's secrets in the project's git-ignored .env (mode 0600), where the
 * users' compose setups already keep them and `dwb bootstrap` reads them; the environment wins.
 */
export const CLI_SECRETS_FILE = '.env';

const USAGE = `dwb stack <up|down|status|logs|backup|restore|destroy> [options]

  up [--no-bootstrap]    compose up, wait for health (showing the server's last log lines),
                         run the bootstrap plan, check the connection, then start the
                         watch service when stack.watch is set
  down                   stop the stack (the watch service too); the data stays
  status [--json]        down / starting / healthy / unhealthy, per service
  logs [--follow] [--tail N]
  backup                 back up every database now, into the backup folder
  restore [FILE...] --yes
                         restore the given backup files (default: the newest backup run);
                         each database is replaced by its backup
  destroy --yes          stop the stack and DELETE its volumes (the data); backups stay

Options: --compose v1|v2 (default: v2 when installed)
Images, ports and intervals: stack.env in dw-workbench.json, or DWB_* environment variables.
Secrets: from the environment (${'$'}DWB_PASSWORD, POSTGRES_PASSWORD, MSSQL_SA_PASSWORD, ...), else
generated once and kept in the project's ${CLI_SECRETS_FILE} (git-ignored, mode 0600). The watch service's
webhook URLs: the variables alerts.webhooks[].urlEnv name, from the environment or ${CLI_SECRETS_FILE}.`;

export const stackCommand: CliCommand = {
  name: 'stack',
  summary: 'Run the Docker stack: up, down, status, logs, backup, restore, destroy',
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (!isSubcommand(sub)) {
      io.stderr.write(`dwb stack: expected one of ${SUBCOMMANDS.join(', ')}.\n\n${USAGE}\n`);
      return EXIT_CODES.usage;
    }
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: sub === 'restore',
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        follow: { type: 'boolean', short: 'f', default: false },
        tail: { type: 'string' },
        yes: { type: 'boolean', default: false },
        compose: { type: 'string' },
        'no-bootstrap': { type: 'boolean', default: false },
      },
    });
    if ((sub === 'restore' || sub === 'destroy') && !values.yes) {
      io.stderr.write(
        sub === 'destroy'
          ? 'dwb stack destroy deletes the stack\'s volumes: all its data. Run it again with --yes to confirm.\n'
          : 'dwb stack restore replaces each database with its backup. Run it again with --yes to confirm.\n',
      );
      return EXIT_CODES.usage;
    }
    const project = loadProject(io.cwd);
    try {
      const stack = await openCliStack(project, io, values.compose);
      return await runSubcommand(sub, stack, project, io, { ...values, bootstrap: !values['no-bootstrap'], files: positionals });
    } catch (e) {
      if (!isStackError(e)) throw e;
      io.stderr.write(`dwb stack ${sub}: ${e.message}\n`);
      for (const line of e.logTail) io.stderr.write(`  | ${line}\n`);
      return ['docker-missing', 'daemon-down', 'compose-missing'].includes(e.kind) ? EXIT_CODES.unreachable : EXIT_CODES.failed;
    }
  },
};

function isSubcommand(s: string | undefined): s is Subcommand {
  return (SUBCOMMANDS as readonly (string | undefined)[]).includes(s);
}

async function openCliStack(project: Project, io: CliIo, compose: string | undefined): Promise<ComposeStack> {
  const definition = stackDefinition(stackEngineOf(project));
  const bundledDockerDir = path.join(assetsRoot(), 'docker');
  const secretsFile = fileSecretStore(path.join(project.root, CLI_SECRETS_FILE));
  const secrets = envOverlay(secretsFile, io.env, {
    [definition.adminSecret]: passwordEnvName(project),
  });
  return openProjectStack(project, {
    runner: createProcessRunner(io.env),
    secrets,
    bundledDockerDir,
    env: io.env,
    // The watch service's webhook URLs: as `dwb alerts` reads them, or from the project's .env.
    webhookUrl: async (_name, urlEnv) => io.env[urlEnv] ?? (await secretsFile.get(urlEnv)),
    ...(compose === 'v1' || compose === 'v2' ? { preferCompose: compose } : {}),
    onEvent: (e) => reportProgress(e, io),
  });
}

interface SubOptions {
  readonly json: boolean;
  readonly follow: boolean;
  readonly tail?: string | undefined;
  readonly bootstrap: boolean;
  readonly files: readonly string[];
}

async function runSubcommand(
  sub: Subcommand,
  stack: ComposeStack,
  project: Project,
  io: CliIo,
  o: SubOptions,
): Promise<number> {
  switch (sub) {
    case 'up': {
      const t = await startStack(
        stack,
        {
          ...(o.bootstrap ? { bootstrap: (s: ComposeStack) => runStackBootstrap(project, s, io) } : {}),
          checkConnection: async (s) => { io.stderr.write(`connected: ${await checkStackConnection(project, s)}\n`); },
        },
        io.signal,
      );
      io.stdout.write(
        `Stack ${stack.projectName} is healthy on 127.0.0.1:${stack.port} `
          + `(up ${secs(t.upMs)}, health ${secs(t.healthMs)}, bootstrap ${o.bootstrap ? secs(t.bootstrapMs) : 'skipped'}).\n`,
      );
      const watch = stack.options.watch;
      if (watch !== undefined) {
        io.stdout.write(`The ${WATCH_SERVICE} service runs every ${watch.every}${watch.etl ? ' with the ETL' : ' (alerts only)'}; 'dwb stack logs' shows it.\n`);
      }
      return EXIT_CODES.ok;
    }
    case 'down':
      await stack.down();
      io.stdout.write(`Stack ${stack.projectName} stopped; its data is kept.\n`);
      return EXIT_CODES.ok;
    case 'destroy':
      await stack.destroy();
      io.stdout.write(`Stack ${stack.projectName} destroyed: containers and volumes deleted. Backups in ${stack.options.backupDir} are kept.\n`);
      return EXIT_CODES.ok;
    case 'status':
      return printStatus(stack, io, o.json);
    case 'logs':
      await stack.logs({
        follow: o.follow,
        tail: o.tail === undefined ? 100 : Number(o.tail),
        onLine: (line) => io.stdout.write(`${line}\n`),
        ...(io.signal ? { signal: io.signal } : {}),
      });
      return EXIT_CODES.ok;
    case 'backup': {
      const files = await backupNow(stack);
      io.stdout.write(renderTable(['FILE', 'DATABASE', 'BYTES'], files.map((f) => [f.file, f.database, String(f.sizeBytes)])));
      return EXIT_CODES.ok;
    }
    case 'restore': {
      const all = await listBackups(stack);
      const chosen = o.files.length === 0 ? latestBackupSet(all) : all.filter((b) => o.files.includes(b.file));
      const unknown = o.files.filter((f) => !all.some((b) => b.file === f));
      if (unknown.length > 0) {
        io.stderr.write(`dwb stack restore: no such backup in ${stack.options.backupDir}: ${unknown.join(', ')}\n`);
        return EXIT_CODES.usage;
      }
      await restoreBackups(stack, chosen);
      io.stdout.write(`Restored ${chosen.map((b) => b.file).join(', ')}.\n`);
      return EXIT_CODES.ok;
    }
  }
}

async function runStackBootstrap(project: Project, stack: ComposeStack, io: CliIo): Promise<void> {
  const summary = await bootstrapOnStack(project, stack, {
    entitiesDir: entitiesDir(project),
    ...(io.signal ? { signal: io.signal } : {}),
    onEvent: (e) => {
      if (e.type === 'step-start') io.stderr.write(`bootstrap ${e.index}/${e.total}: ${e.name}\n`);
      else if (e.type === 'step-skip') io.stderr.write(`bootstrap ${e.index}/${e.total}: ${e.name} skipped (${e.reason})\n`);
      else if (e.type === 'scope-end' && e.findings.length === 0) io.stderr.write(`bootstrap: ETL scope of ${e.active.length} active entities checked\n`);
    },
  });
  if (summary === undefined) io.stderr.write('bootstrap: the project has no bootstrap plan (bootstrap.steps)\n');
}

async function printStatus(stack: ComposeStack, io: CliIo, json: boolean): Promise<number> {
  const services = await stack.serviceStatuses();
  const status = services[stack.definition.serverService] ?? 'down';
  const backups = await listBackups(stack);
  const summary = {
    project: stack.projectName,
    status,
    services,
    port: stack.port,
    compose: `${stack.options.compose.version} (${stack.options.compose.release})`,
    backups: backups.length,
    latestBackup: backups[0]?.takenAt.toISOString() ?? null,
  };
  if (json) io.stdout.write(JSON.stringify(summary, null, 2) + '\n');
  else {
    io.stdout.write(renderTable(['SERVICE', 'STATUS'], Object.entries(services)));
    io.stdout.write(`port 127.0.0.1:${summary.port}, compose ${summary.compose}, ${summary.backups} backup file(s)\n`);
  }
  return status === 'healthy' ? EXIT_CODES.ok : EXIT_CODES.failed;
}

/** Progress to stderr, so stdout stays the command's result. Every text here is already masked. */
function reportProgress(e: StackEvent, io: CliIo): void {
  if (e.type === 'phase' && e.state === 'done') io.stderr.write(`${e.phase}: done in ${secs(e.elapsedMs ?? 0)}\n`);
  else if (e.type === 'phase') io.stderr.write(`${e.phase}...\n`);
  else if (e.type === 'health' && e.status !== 'healthy') {
    io.stderr.write(`waiting for ${e.service}: ${e.status} (${secs(e.elapsedMs)})${e.logTail.length ? ` | ${e.logTail.at(-1)}` : ''}\n`);
  } else if (e.type === 'output') io.stderr.write(`  ${e.line}\n`);
}

function secs(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
