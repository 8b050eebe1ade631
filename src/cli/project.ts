import { loadProject, withConnectionEnv, type Project } from '../core/project';
import type { CliIo } from './command';

/**
 * The project of the current folder, with the connection overrides of the environment
 * (DWB_HOST, DWB_PORT, DWB_USER, DWB_TRUST_SERVER_CERTIFICATE) applied.
 */
export function cliProject(io: CliIo): Project {
  return withConnectionEnv(loadProject(io.cwd), io.env);
}
