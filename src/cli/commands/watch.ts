import { parseArgs } from 'node:util';
import { pause } from '../../core/alerts';
import { runEtl } from '../../core/etl/run/run';
import { snapshotLines } from '../../core/etl/present/terminalLines';
import { loadEntityDefinitions } from '../../core/etl/definition/load';
import { parseInterval, passwordEnvName, ProjectEngines, WATCH_EVERY_MAX_MS } from '../../core/project';
import { EXIT_CODES, type CliCommand, type CliIo } from '../command';
import { exitCodeFor } from '../errors';
import { alertCycle, alertsJson, eventLines } from './alerts';
import { entitiesDir } from './etl';
import { cliProject } from '../project';

const USAGE = `dwb watch --every <interval> [--etl] [--max-iterations N] [--json]

Runs on a schedule until stopped (Ctrl+C or SIGTERM end it cleanly, between steps): with
--etl it runs the entities active in ctl.etl_control, then it evaluates the alerts and
delivers them (as 'dwb alerts'). A failed step is reported and the loop keeps going.
  --every <interval>     time between the starts of two iterations: 90s, 5m, 1h (a bare number is seconds)
  --etl                  run the active entities at each iteration
  --max-iterations N     stop after N iterations
  --json                 one JSON line per step`;

function say(io: CliIo, json: boolean, record: Record<string, unknown>, text: string): void {
  if (json) io.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), ...record })}\n`);
  else io.stdout.write(`${new Date().toISOString()} ${text}\n`);
}

export const watchCommand: CliCommand = {
  name: 'watch',
  summary: 'Run the active entities on a schedule (--etl), evaluate the alerts and deliver them',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        every: { type: 'string' },
        etl: { type: 'boolean', default: false },
        'max-iterations': { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    });
    const every = values.every === undefined ? undefined : parseInterval(values.every);
    if (every === undefined) {
      io.stderr.write(`dwb watch: --every needs an interval such as 90s, 5m or 1h${values.every === undefined ? '' : ` (got '${values.every}')`}.\n${USAGE}\n`);
      return EXIT_CODES.usage;
    }
    if (every > WATCH_EVERY_MAX_MS) {
      // Beyond about 24 days a timer fires at once: the loop would spin.
      io.stderr.write(`dwb watch: --every takes at most 7d (got '${values.every}').\n`);
      return EXIT_CODES.usage;
    }
    const max = values['max-iterations'] === undefined ? undefined : Number(values['max-iterations']);
    if (max !== undefined && (!Number.isInteger(max) || max < 1)) {
      io.stderr.write(`dwb watch: --max-iterations takes a whole number of at least 1 (got '${values['max-iterations']}').\n`);
      return EXIT_CODES.usage;
    }
    const project = cliProject(io);
    const definitions = values.etl ? loadEntityDefinitions(entitiesDir(project)) : [];
    const engines = new ProjectEngines(project, io.env[passwordEnvName(project)], 'DW Workbench watch');
    const json = values.json;
    const stopped = (): boolean => io.signal?.aborted === true;
    say(io, json, { event: 'watch-start', everyMs: every, etl: values.etl }, `watching every ${values.every}${values.etl ? ' with the ETL' : ''}`);
    try {
      for (let i = 1; max === undefined || i <= max; i++) {
        if (stopped()) break;
        const started = Date.now();
        if (values.etl) {
          try {
            const result = await runEtl({
              source: await engines.get('oltp'),
              target: await engines.get('dw'),
              definitions,
              entities: [],
              startedBy: `dwb watch (${io.env['USER'] ?? io.env['USERNAME'] ?? 'cli'})`,
              ...(io.signal ? { signal: io.signal } : {}),
            });
            say(io, json, {
              event: 'etl', iteration: i, runId: result.runId, status: result.status, entities: result.entities.map((e) => ({ entity: e.entity, status: e.status, error: e.error })),
              snapshots: result.snapshots,
            }, `etl run ${result.runId}: ${result.status}${result.entities.length === 0 ? ' (no active entity)' : ` (${result.entities.map((e) => `${e.entity} ${e.status}`).join(', ')})`}`);
            // A snapshot that failed did not stop the run; the service's log says so.
            if (!json) for (const s of result.snapshots.filter((x) => x.status === 'failed')) io.stdout.write(`  ${snapshotLines({ type: 'snapshot', runId: result.runId, ...s })[0] ?? ''}\n`);
          } catch (e) {
            if (stopped()) break;
            say(io, json, { event: 'etl-error', iteration: i, error: (e as Error).message }, `etl failed: ${(e as Error).message}`);
          }
        }
        if (stopped()) break;
        try {
          const result = await alertCycle(project, await engines.get('dw'), io);
          say(io, json, { event: 'alerts', iteration: i, ...(alertsJson(result) as object) }, `alerts: ${result.open.length} open over ${result.entities} active entities`);
          if (!json) for (const line of eventLines(result)) io.stdout.write(`  ${line}\n`);
        } catch (e) {
          if (stopped()) break;
          say(io, json, { event: 'alerts-error', iteration: i, error: (e as Error).message, exitCode: exitCodeFor(e) }, `alerts failed: ${(e as Error).message}`);
        }
        if (max !== undefined && i >= max) break;
        await pause(every - (Date.now() - started), io.signal);
      }
    } finally {
      await engines.close();
    }
    say(io, json, { event: 'watch-stop', interrupted: stopped() }, stopped() ? 'stopped' : 'done');
    return EXIT_CODES.ok;
  },
};
