import path from 'node:path';
import { parseArgs } from 'node:util';
import type { EngineName } from '../../core/project';
import { scaffoldProject } from '../../core/scaffold/scaffold';
import { EXIT_CODES, type CliCommand } from '../command';
import { assetsRoot } from '../assets';

const ENGINES: readonly EngineName[] = ['pglite', 'postgres', 'sqlserver'];

export const initCommand: CliCommand = {
  name: 'init',
  summary: 'Create a warehouse project (dw-workbench.json, SQL scripts, compose file, ETL definitions)',
  usage: 'dwb init [folder] [--engine pglite|postgres|sqlserver] [--name NAME]\n\nNever overwrites: existing files are kept.',
  run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { engine: { type: 'string', default: 'pglite' }, name: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const engine = values.engine as EngineName;
    if (!ENGINES.includes(engine)) {
      io.stderr.write(`dwb init: --engine must be one of ${ENGINES.join(', ')} (got '${values.engine}').\n`);
      return Promise.resolve(EXIT_CODES.usage);
    }
    const target = path.resolve(io.cwd, positionals[0] ?? '.');
    const result = scaffoldProject({ engine, target, assetsRoot: assetsRoot(), ...(values.name === undefined ? {} : { name: values.name }) });
    io.stdout.write(`Created ${result.projectFile}\n`);
    for (const f of result.created) io.stdout.write(`  + ${f}\n`);
    for (const f of result.kept) io.stdout.write(`  = ${f} (kept)\n`);
    return Promise.resolve(EXIT_CODES.ok);
  },
};
