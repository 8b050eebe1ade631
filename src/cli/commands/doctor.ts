import { parseArgs } from 'node:util';
import { runDoctor } from '../../core/doctor/checks';
import { createEngine } from '../../core/engine/factory';
import { EXIT_CODES, type CliCommand } from '../command';
import { renderTable } from '../table';

export const doctorCommand: CliCommand = {
  name: 'doctor',
  summary: 'Check Node.js, the project file, the connection and Docker',
  usage: 'dwb doctor [--json]\n\nExit code 0 when nothing failed (warnings allowed), 1 otherwise.',
  async run(args, io) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true });
    const results = await runDoctor({
      cwd: io.cwd,
      env: io.env,
      nodeVersion: process.version,
      openEngine: (config) => createEngine(config),
    });
    if (values.json) io.stdout.write(JSON.stringify({ checks: results }, null, 2) + '\n');
    else io.stdout.write(renderTable(['CHECK', 'STATUS', 'DETAIL'], results.map((r) => [r.name, r.status.toUpperCase(), r.detail])));
    return results.some((r) => r.status === 'fail') ? EXIT_CODES.failed : EXIT_CODES.ok;
  },
};
