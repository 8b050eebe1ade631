import path from 'node:path';
import { parseArgs } from 'node:util';
import { connectionConfig, passwordEnvName } from '../../core/project';
import {
  dialectOf,
  eventToJsonLine,
  formatDryRun,
  formatSummary,
  loadScriptPlan,
  parseVariableAssignment,
  planToJson,
  runScriptFile,
  scriptVariables,
  type ScriptEvent,
} from '../../core/script';
import { EXIT_CODES, type CliCommand, type CliIo } from '../command';
import { renderTable } from '../table';
import { cliProject } from '../project';

const USAGE = `dwb run <file|folder> [--var NAME=value]... [--database dw|oltp] [--dry-run] [--json]

Runs SQL scripts against the project's database: T-SQL with sqlcmd rules (GO, :setvar,
$(NAME), :r, :on error), PostgreSQL with psql rules (;, \\i, \\ir, \\set, :'name', \\c).
A folder runs its .sql files in natural order (02_ before 10_). Every file is parsed before
anything runs: a parse error runs nothing.

  --var NAME=value   a script variable (repeatable); beats the project file and environment
  --database ROLE    which project database to connect to (default: dw)
  --dry-run          print the batches that would run (file, line, repeat, text); no connection
  --json             JSON Lines: one event per line (or the plan, with --dry-run)

Exit code 0 when every batch succeeded, 1 when a batch or the script failed, 4 when the
database cannot be reached, 130 when interrupted.`;

const UNREACHABLE_KINDS = new Set(['unreachable', 'login-failed', 'certificate-untrusted', 'database-missing']);

function printEvent(event: ScriptEvent, io: CliIo): void {
  switch (event.type) {
    case 'message':
      io.stdout.write(`${event.text}\n`);
      return;
    case 'result-set': {
      const header = event.columns.map((c) => c.name);
      const rows = event.rows.map((r) => header.map((h) => formatCell(r[h])));
      io.stdout.write(renderTable(header, rows));
      io.stdout.write(`(${event.totalRows} row${event.totalRows === 1 ? '' : 's'}${event.truncated ? `, first ${event.rows.length} shown` : ''})\n\n`);
      return;
    }
    case 'batch-error': {
      const e = event.error;
      const at = `${path.relative(io.cwd, e.file) || e.file}:${e.line}${e.column === undefined ? '' : `:${e.column}`}`;
      const code = e.number === undefined ? '' : ` [${e.number}]`;
      io.stderr.write(`${at}: error${code}: ${e.message}\n`);
      return;
    }
    case 'done':
      io.stderr.write(`${formatSummary(event.summary)}\n`);
      return;
    default:
      return;
  }
}

function formatCell(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `0x${Buffer.from(value).toString('hex')}`;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'Run SQL scripts (sqlcmd-compatible T-SQL, psql-style PostgreSQL) with errors at file:line',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        var: { type: 'string', multiple: true, default: [] },
        database: { type: 'string', default: 'dw' },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
    const target = positionals[0];
    const role = values.database;
    if (target === undefined || positionals.length > 1 || (role !== 'dw' && role !== 'oltp')) {
      io.stderr.write(`${USAGE}\n`);
      return EXIT_CODES.usage;
    }
    const commandLine: Record<string, string> = {};
    for (const assignment of values.var) {
      const parsed = parseVariableAssignment(assignment);
      if (parsed === undefined) {
        io.stderr.write(`dwb run: --var takes NAME=value (got '${assignment}').\n`);
        return EXIT_CODES.usage;
      }
      commandLine[parsed.name] = parsed.value;
    }
    const project = cliProject(io);
    const connection = connectionConfig(project, role, io.env[passwordEnvName(project)]);
    const dialect = dialectOf(connection);
    const variables = scriptVariables({
      dialect, environment: io.env, ...(project.config.variables === undefined ? {} : { project: project.config.variables }), commandLine,
    });
    const file = path.resolve(io.cwd, target);

    if (values['dry-run']) {
      const plan = await loadScriptPlan(file, { dialect, variables });
      io.stdout.write(values.json ? `${JSON.stringify(planToJson(plan), null, 2)}\n` : formatDryRun(plan, io.cwd));
      return EXIT_CODES.ok;
    }
    const onEvent = values.json ? (e: ScriptEvent) => void io.stdout.write(`${eventToJsonLine(e)}\n`) : (e: ScriptEvent) => printEvent(e, io);
    const summary = await runScriptFile(file, { connection, variables, onEvent, applicationName: 'DW Workbench (dwb run)', ...(io.signal === undefined ? {} : { signal: io.signal }) });
    if (summary.cancelled) return EXIT_CODES.interrupted;
    if (summary.ok) return EXIT_CODES.ok;
    return summary.errors.length > 0 && summary.errors.every((e) => UNREACHABLE_KINDS.has(e.kind)) ? EXIT_CODES.unreachable : EXIT_CODES.failed;
  },
};
