import { EXIT_CODES, type CliCommand, type CliIo } from './command';
import { exitCodeFor } from './errors';
import { commands } from './commands';
// The package's own version (esbuild keeps only this field of package.json in the bundle).
import { version as VERSION } from '../../package.json';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'dwb: DW Workbench from the command line (the same core as the VS Code extension)',
    '',
    'Usage: dwb <command> [options]     dwb <command> --help',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'The project is the dw-workbench.json in the current folder or a parent.',
    'Passwords come from the environment (DWB_PASSWORD, or the variable named by connection.passwordEnv).',
    'DWB_HOST, DWB_PORT, DWB_USER and DWB_TRUST_SERVER_CERTIFICATE override the project\'s connection.',
    '',
    'Exit codes:',
    `  ${EXIT_CODES.ok}    success`,
    `  ${EXIT_CODES.failed}    the job failed (script error, ETL failure, failed check)`,
    `  ${EXIT_CODES.usage}    wrong command line`,
    `  ${EXIT_CODES.project}    project file missing or invalid`,
    `  ${EXIT_CODES.unreachable}    database or Docker unreachable, or login failed`,
    `  ${EXIT_CODES.interrupted}  interrupted`,
    '',
  ].join('\n');
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(help());
    return name === undefined ? EXIT_CODES.usage : EXIT_CODES.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT_CODES.ok;
  }
  const command: CliCommand | undefined = commands.find((c) => c.name === name);
  if (command === undefined) {
    io.stderr.write(`dwb: unknown command '${name}'. Run 'dwb --help' for the list.\n`);
    return EXIT_CODES.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return EXIT_CODES.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    io.stderr.write(`dwb ${name}: ${(e as Error).message}\n`);
    return exitCodeFor(e);
  }
}

if (require.main === module) {
  const interrupt = new AbortController();
  const io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), signal: interrupt.signal };
  // First Ctrl+C asks the running job to stop cleanly; a second one leaves at once.
  process.on('SIGINT', () => {
    if (interrupt.signal.aborted) process.exit(EXIT_CODES.interrupted);
    process.stderr.write('\nStopping (Ctrl+C again to quit at once)...\n');
    interrupt.abort();
  });
  // A service manager (docker stop, systemd) asks with SIGTERM: the same clean stop.
  process.on('SIGTERM', () => {
    if (interrupt.signal.aborted) process.exit(EXIT_CODES.interrupted);
    interrupt.abort();
  });
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`dwb: ${String(e)}\n`);
      process.exitCode = EXIT_CODES.failed;
    },
  );
}
