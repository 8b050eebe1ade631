import type { CliCommand } from '../command';
import { dashboardCommand } from './dashboard';
import { doctorCommand } from './doctor';
import { etlCommand } from './etl';
import { demoCommand } from './demo';
import { initCommand } from './init';
import { detectCommand } from './detect';
import { bootstrapCommand } from './bootstrap';
import { stackCommand } from './stack';
import { runCommand } from './run';
import { checkCommand } from './check';
import { alertsCommand } from './alerts';
import { watchCommand } from './watch';
import { lineageCommand } from './lineage';
import { mcpCommand } from './mcp';

/** Every `dwb` subcommand, in the order `dwb --help` lists them. */
export const commands: readonly CliCommand[] = [
  demoCommand, initCommand, detectCommand, doctorCommand, stackCommand, bootstrapCommand, runCommand, etlCommand, dashboardCommand, checkCommand,
  lineageCommand, mcpCommand, alertsCommand, watchCommand,
];
