import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runBootstrap, type BootstrapEvent } from '../../core/bootstrap';
import { ProjectEngines, passwordEnvName } from '../../core/project';
import { stackDefinition } from '../../core/stack/definitions';
import { readEnvFile } from '../../core/stack/envFile';
import { PASSWORD_VARIABLES } from '../../core/warehouse/scripts';
import { EXIT_CODES, type CliCommand } from '../command';
import { entitiesDir } from './etl';
import { cliProject } from '../project';

const USAGE = `dwb bootstrap [--scale N] [--var NAME=value ...] [--json]

Runs the bootstrap plan of dw-workbench.json (bootstrap.steps) in order: scripts, folders and
the data generator. Every script is split and checked first: nothing runs when one cannot be.
Then checks the ETL scope: every entity active in ctl.etl_control has a definition whose source
(OLTP) and target (warehouse) tables and columns exist. Each problem is printed at its
definition's file:line and the command exits 1; what the steps did is kept.
  --scale N         scale of the generate steps (1: ~10k customers, 50k orders)
  --var NAME=value  a script variable, overriding the project file
  --json            one JSON event per line
Passwords come from the environment, else from the project's .env (written by 'dwb stack up'):
the server's (DWB_PASSWORD or connection.passwordEnv, else the stack's POSTGRES_PASSWORD /
MSSQL_SA_PASSWORD) and the technical logins' (ETL_MONITOR_PASSWORD, ETL_BACKUP_PASSWORD).`;

function parseVars(list: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    list.map((pair) => {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new TypeError(`--var takes NAME=value, not '${pair}'`);
      return [pair.slice(0, eq), pair.slice(eq + 1)];
    }),
  );
}

function describe(e: BootstrapEvent): string | undefined {
  switch (e.type) {
    case 'database-created': return `Created database ${e.database}`;
    case 'step-start': return `[${e.index}/${e.total}] ${e.name}`;
    case 'step-skip': return `[${e.index}/${e.total}] ${e.name}: skipped (${e.reason})`;
    case 'step-end': return `      done in ${(e.durationMs / 1000).toFixed(1)} s: ${e.detail}`;
    case 'rows': return `      ${e.table}: ${e.rows} rows`;
    case 'script': return e.event.type === 'message' ? `      ${path.basename(e.event.file)}:${e.event.line}: ${e.event.text}` : undefined;
    case 'scope-start': return 'ETL scope: checking the entities active in ctl.etl_control against the databases';
    case 'scope-end': return e.findings.length === 0
      ? `      ${e.active.length} active entit${e.active.length === 1 ? 'y' : 'ies'} (${e.active.join(', ') || 'none'}): every source and target table and column exists (${Math.round(e.durationMs)} ms)`
      : `      ${e.findings.length} problem(s) found in ${Math.round(e.durationMs)} ms (each at its file:line below)`;
    case 'bootstrap-end': return e.ok
      ? `Bootstrap complete: ${e.ran} step(s) ran, ${e.skipped} skipped, ${(e.durationMs / 1000).toFixed(1)} s.`
      : `Bootstrap steps done (${e.ran} ran, ${e.skipped} skipped, ${(e.durationMs / 1000).toFixed(1)} s), but the ETL scope check failed.`;
    default: return undefined;
  }
}

export const bootstrapCommand: CliCommand = {
  name: 'bootstrap',
  summary: 'Build the warehouse from the project\'s bootstrap plan (scripts, generator)',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { scale: { type: 'string' }, var: { type: 'string', multiple: true, default: [] }, json: { type: 'boolean', default: false } },
      strict: true,
    });
    const scale = values.scale === undefined ? undefined : Number(values.scale);
    if (scale !== undefined && !(scale > 0 && scale <= 1000)) {
      io.stderr.write(`dwb bootstrap: --scale takes a number above 0 and up to 1000 (got '${values.scale}').\n`);
      return EXIT_CODES.usage;
    }
    const project = cliProject(io);
    const envFile = path.join(project.root, '.env');
    const fromFile = existsSync(envFile) ? await readEnvFile(envFile) : {};
    const secrets = Object.fromEntries(
      PASSWORD_VARIABLES.flatMap((name) => {
        const value = io.env[name] ?? fromFile[name];
        return value === undefined ? [] : [[name, value]];
      }),
    );
    // After 'dwb stack up' the project's .env holds the server's admin password under the stack's name.
    const adminSecret = project.config.engine === 'pglite' ? undefined : stackDefinition(project.config.engine).adminSecret;
    const password = io.env[passwordEnvName(project)] ?? fromFile[passwordEnvName(project)] ?? (adminSecret === undefined ? undefined : fromFile[adminSecret]);
    const engines = new ProjectEngines(project, password, 'DW Workbench bootstrap');
    try {
      await runBootstrap(project, {
        engines: (role) => engines.get(role),
        entitiesDir: entitiesDir(project),
        secrets,
        variables: parseVars(values.var),
        ...(scale === undefined ? {} : { scale }),
        ...(io.signal === undefined ? {} : { signal: io.signal }),
        onEvent: (e) => {
          const line = values.json ? JSON.stringify(e) : describe(e);
          if (line !== undefined) io.stdout.write(line + '\n');
        },
      });
      return EXIT_CODES.ok;
    } finally {
      await engines.close();
    }
  },
};
