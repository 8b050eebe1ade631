import { parseArgs } from 'node:util';
import { EntityControlQueries } from '../../core/etl/control/state';
import { loadEntityDefinitions, projectEntitiesDir } from '../../core/etl/definition/load';
import { cutoffLines } from '../../core/etl/present/terminalLines';
import type { EtlEvent } from '../../core/etl/run/events';
import { runEtl, type EtlRunResult } from '../../core/etl/run/run';
import { snapshotLines } from '../../core/etl/present/terminalLines';
import { passwordEnvName, ProjectEngines, type Project } from '../../core/project';
import { assetsRoot } from '../assets';
import { EXIT_CODES, type CliCommand, type CliIo } from '../command';
import { renderTable } from '../table';
import { cliProject } from '../project';

const USAGE = `dwb etl [entity...|--all] [--full] [--wait <seconds>] [--json]
dwb etl activate|deactivate <entity...|--all>

Runs the incremental ETL. With no entity (or --all) it runs every entity active in
ctl.etl_control; named entities run even when inactive.
  --full            start from the initial watermark (a full reload; idempotent)
  --wait <seconds>  how long to wait for an entity another run is loading (default: the
                    project's etl.onLocked / etl.lockTimeoutSeconds; 0 fails at once)
  --json            print the outcome as JSON
With --all, the entities it does not run (inactive) are printed, with the reason; an entity
skipped because a dimension it looks up failed in the run is shown as SKIPPED.
Exit code 0 when every entity succeeded, 1 when any failed or rejected rows (partial),
2 when an entity named has no definition.

activate / deactivate switch ctl.etl_control.is_active: of the named entities, or with
--all of every registered one (what "All active entities" then runs).`;

/** The project's entity definitions, or the shipped ones when the project has none. */
export function entitiesDir(project: Project): string {
  return projectEntitiesDir(project, assetsRoot());
}

function lockWaitMs(project: Project, wait: string | undefined): number {
  if (wait !== undefined) {
    const seconds = Number(wait);
    if (!Number.isFinite(seconds) || seconds < 0) throw new TypeError(`--wait takes a number of seconds, not '${wait}'`);
    return seconds * 1000;
  }
  const etl = project.config.etl;
  return etl?.onLocked === 'fail' ? 0 : (etl?.lockTimeoutSeconds ?? 60) * 1000;
}

function progressLine(e: EtlEvent): string | undefined {
  switch (e.type) {
    case 'run-start': return [`run ${e.runId}: ${e.entities.join(', ') || '(no active entity)'}`, ...(e.cutoff === undefined ? [] : cutoffLines(e.cutoff))].join('\n');
    case 'entity-start': return `${e.entity}: from (${e.watermark.updatedAt}, ${e.watermark.id}) up to ${e.cutoff}, batches of ${e.batchSize}`;
    case 'batch': return `${e.entity}: batch ${e.batch}${e.trigger === undefined ? '' : ` (trigger ${e.trigger.name})`}: ${e.rows} rows, ${e.upserted} upserted, ${e.rejected} rejected, ${e.rowsPerSecond} rows/s`;
    case 'entity-end': return `${e.entity}: ${e.skippedBecause === undefined ? e.status.toUpperCase() : 'SKIPPED'}${e.error ? ` - ${e.error}` : ''}`;
    case 'snapshot': return snapshotLines(e)[0];
    case 'run-end': return undefined;
  }
}

function summary(result: EtlRunResult): string {
  return renderTable(
    ['ENTITY', 'STATUS', 'EXTRACTED', 'UPSERTED', 'SOFT DELETED', 'REJECTED', 'ERROR'],
    result.entities.map((e) => [
      e.entity, e.skippedBecause === undefined ? e.status.toUpperCase() : 'SKIPPED', String(e.counts.extracted), String(e.counts.upserted),
      String(e.counts.softDeleted), String(e.counts.rejected), e.error ?? '',
    ]),
  );
}

export const etlCommand: CliCommand = {
  name: 'etl',
  summary: 'Run the incremental ETL (exactly-once batches, audited in audit.etl_run)',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    if (args[0] === 'activate' || args[0] === 'deactivate') return setActive(args[0] === 'activate', args.slice(1), io);
    const { values, positionals } = parseArgs({
      args,
      options: {
        all: { type: 'boolean', default: false },
        full: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        wait: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (values.all && positionals.length > 0) throw new TypeError('Give entity names or --all, not both.');
    const project = cliProject(io);
    const definitions = loadEntityDefinitions(entitiesDir(project));
    const unknown = positionals.filter((name) => !definitions.some((d) => d.entity === name));
    if (unknown.length > 0) {
      io.stderr.write(`No ETL entity named ${unknown.join(', ')} in ${entitiesDir(project)}; known: ${definitions.map((d) => d.entity).join(', ')}\n`);
      return EXIT_CODES.usage;
    }
    const engines = new ProjectEngines(project, io.env[passwordEnvName(project)], 'DW Workbench ETL');
    try {
      const result = await runEtl({
        source: await engines.get('oltp'),
        target: await engines.get('dw'),
        definitions,
        entities: positionals,
        full: values.full,
        startedBy: `dwb etl (${io.env['USER'] ?? io.env['USERNAME'] ?? 'cli'})`,
        lockWaitMs: lockWaitMs(project, values.wait),
        ...(io.signal ? { signal: io.signal } : {}),
        onEvent: (e) => {
          const line = values.json ? undefined : progressLine(e);
          if (line !== undefined) io.stderr.write(`${line}\n`);
        },
      });
      // Without names the run takes the active entities: say which definitions it left out.
      const ran = new Set(result.entities.map((e) => e.entity));
      const skipped = positionals.length > 0 ? [] : definitions.filter((d) => !ran.has(d.entity)).map((d) => ({ entity: d.entity, reason: 'not active in ctl.etl_control' }));
      if (!values.json && skipped.length > 0) io.stderr.write(`skipped (not active in ctl.etl_control): ${skipped.map((x) => x.entity).join(', ')}\n`);
      io.stdout.write(values.json ? `${JSON.stringify({ ...result, skipped }, null, 2)}\n` : summary(result));
      if (io.signal?.aborted) return EXIT_CODES.interrupted;
      return result.status === 'success' ? EXIT_CODES.ok : EXIT_CODES.failed;
    } finally {
      await engines.close();
    }
  },
};

/** `dwb etl activate|deactivate <entity...|--all>`: switches ctl.etl_control.is_active. */
async function setActive(active: boolean, args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { all: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
  if (values.all === (positionals.length > 0)) {
    io.stderr.write(`Give entity names or --all (dwb etl ${active ? 'activate' : 'deactivate'} --all).\n`);
    return EXIT_CODES.usage;
  }
  const project = cliProject(io);
  const engines = new ProjectEngines(project, io.env[passwordEnvName(project)], 'DW Workbench ETL');
  try {
    const target = await engines.get('dw');
    const queries = new EntityControlQueries(target, target.dialect);
    if (!(await queries.hasControlTable())) {
      io.stderr.write('The warehouse has no ctl.etl_control yet: run "dwb bootstrap" first.\n');
      return EXIT_CODES.failed;
    }
    if (values.all) await queries.setAllActive(active);
    const missing: string[] = [];
    for (const entity of positionals) if (!(await queries.setActive(entity, active))) missing.push(entity);
    for (const entity of missing) io.stderr.write(`${entity} has no row in ctl.etl_control (registered: run it once with "dwb etl ${entity}").\n`);
    const states = await queries.entities();
    io.stdout.write(renderTable(['ENTITY', 'ACTIVE'], states.map((s) => [s.entity, s.isActive ? 'yes' : 'no'])));
    return missing.length === 0 ? EXIT_CODES.ok : EXIT_CODES.failed;
  } finally {
    await engines.close();
  }
}
