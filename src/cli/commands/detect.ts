import path from 'node:path';
import { parseArgs } from 'node:util';
import { DetectError, ProjectFileExistsError, describeDetection, detectProject, writeDetectedProject } from '../../core/project/detect';
import { EXIT_CODES, type CliCommand } from '../command';

export const detectCommand: CliCommand = {
  name: 'detect',
  summary: 'Propose a dw-workbench.json for an existing warehouse layout (sql/oltp, sql/dw, compose file, .env)',
  usage: [
    'dwb detect [folder] [--write [--force]] [--json] [--name NAME]',
    '',
    'Reads the folder (default: the current one): SQL scripts under sql/ (or database/, db/), compose',
    'files at the top or in docker/, .env (never a password\'s value) and mapping CSVs, and prints the',
    'proposed dw-workbench.json with the reason for every guess and what could not be detected.',
    '  --write   write it to <folder>/dw-workbench.json (refused if one exists, unless --force)',
    '  --json    one JSON object: {"ok", "projectFile", "written", "proposal", "guesses", "undetected", "problems"}',
    'Exit code 1 when the layout cannot be read (invalid compose YAML, conflicting dialects, nothing found).',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { write: { type: 'boolean', default: false }, force: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, name: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length > 1) {
      io.stderr.write(`dwb detect: one folder at most (got ${positionals.length}).\n`);
      return EXIT_CODES.usage;
    }
    const folder = path.resolve(io.cwd, positionals[0] ?? '.');
    let result;
    try {
      result = await detectProject({ folder, ...(values.name === undefined ? {} : { name: values.name }) });
    } catch (e) {
      if (!(e instanceof DetectError)) throw e;
      if (values.json) io.stdout.write(JSON.stringify({ ok: false, message: e.message.split('\n')[0], problems: e.problems }) + '\n');
      else io.stderr.write(`dwb detect: ${e.message}\n`);
      return EXIT_CODES.failed;
    }
    let written = false;
    let refusal: string | undefined;
    if (values.write) {
      try {
        writeDetectedProject(result, { overwrite: values.force });
        written = true;
      } catch (e) {
        if (!(e instanceof ProjectFileExistsError)) throw e;
        refusal = e.message;
      }
    }
    if (values.json) {
      io.stdout.write(JSON.stringify({
        ok: refusal === undefined,
        projectFile: result.projectFile,
        projectFileExists: result.projectFileExists,
        written,
        proposal: result.proposal,
        guesses: result.guesses,
        undetected: result.undetected,
        problems: refusal === undefined ? [] : [{ file: result.projectFile, line: 1, column: 1, message: refusal }],
      }) + '\n');
    } else {
      if (!written) io.stdout.write(result.text);
      io.stderr.write(describeDetection(result).join('\n') + '\n');
      if (written) io.stderr.write(`Wrote ${result.projectFile}\n`);
      else if (refusal !== undefined) io.stderr.write(`dwb detect: ${refusal}\n`);
      else io.stderr.write(`Nothing written; run with --write to create ${result.projectFile}.\n`);
    }
    return refusal === undefined ? EXIT_CODES.ok : EXIT_CODES.failed;
  },
};
