import path from 'node:path';
import { parseArgs } from 'node:util';
import { problemLines, recordProjectChecks, resultMessage, runProjectChecks, type CheckReport } from '../../core/checks';
import { passwordEnvName, ProjectEngines } from '../../core/project';
import { EXIT_CODES, type CliCommand } from '../command';
import { renderTable } from '../table';
import { entitiesDir } from './etl';
import { cliProject } from '../project';

const USAGE = `dwb check [--json] [--only NAME...] [--no-record]

Checks the warehouse: the ETL scope (every entity active in ctl.etl_control has a definition
whose source and target tables and columns exist, as the bootstrap checks at its end), FK
orphans per fact, duplicate natural keys per dimension and fact, minimum coverage per table and
view, and the checks the project file declares (checks.custom: a SQL returning the offending
rows, a severity). Failed checks print as
'dw-check: <severity>: <file>:<line>:<column>: <check>: <message>' at the entity definition,
script or project file line they come from (the dw-check task's problem matcher reads them).
  --json         print the report as JSON (for CI)
  --only NAME    run only the checks whose name starts with NAME (repeatable; 'scope' for the ETL scope)
  --no-record    do not keep the results in ctl.check_result (where the ETL monitor reads the
                 latest ones; a run with --only replaces only the results of its checks)
Exit code 0 when no check of severity error failed, 1 when one did.`;

function textReport(report: CheckReport, relative: (file: string) => string): string {
  const rows = report.checks.map((r) => [r.ok ? 'OK' : r.severity === 'error' ? 'FAIL' : r.severity.toUpperCase(), r.check, r.value === null ? '-' : String(r.value), r.expected]);
  const problems = report.checks.flatMap((r) => problemLines(r, relative));
  const s = report.summary;
  return [
    renderTable(['STATUS', 'CHECK', 'VALUE', 'EXPECTED'], rows),
    ...problems,
    `${s.passed}/${s.total_checks} checks passed (${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}).`,
    '',
  ].join('\n');
}

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'Check the warehouse: ETL scope, FK orphans, duplicate natural keys, coverage, and the project\'s own checks',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { json: { type: 'boolean', default: false }, only: { type: 'string', multiple: true, default: [] }, 'no-record': { type: 'boolean', default: false } },
      strict: true,
    });
    const project = cliProject(io);
    const engines = new ProjectEngines(project, io.env[passwordEnvName(project)], 'DW Workbench checks');
    try {
      const target = await engines.get('dw');
      const report = await runProjectChecks(project, {
        source: await engines.get('oltp'),
        target,
        entitiesDir: entitiesDir(project),
        only: values.only,
        ...(io.signal ? { signal: io.signal } : {}),
      });
      if (report.checks.length === 0) {
        io.stderr.write(`dwb check: no check matches --only ${values.only.join(', ')}.\n`);
        return EXIT_CODES.usage;
      }
      const relative = (file: string): string => path.relative(io.cwd, file) || file;
      io.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : textReport(report, relative));
      for (const r of report.checks) if (r.error !== undefined && values.json) io.stderr.write(`${resultMessage(r)}\n`);
      if (!values['no-record']) {
        const by = `dwb check (${io.env['USER'] ?? io.env['USERNAME'] ?? 'cli'})`;
        const failed = await recordProjectChecks(project, target, report, { by, partial: values.only.length > 0, ...(io.signal ? { signal: io.signal } : {}) });
        if (failed !== undefined) io.stderr.write(`dwb check: the results were not kept in ctl.check_result (the ETL monitor shows the last kept ones): ${failed}\n`);
      }
      if (io.signal?.aborted === true) return EXIT_CODES.interrupted;
      return report.summary.errors > 0 ? EXIT_CODES.failed : EXIT_CODES.ok;
    } finally {
      await engines.close();
    }
  },
};
