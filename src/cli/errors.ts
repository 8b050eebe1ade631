import { isEngineError } from '../core/engine/errors';
import { ConnectionEnvError, ProjectFileError, ProjectNotFoundError } from '../core/project';
import { EXIT_CODES } from './command';

/** The exit code for an error that escaped a command: by its type, never by its text. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof ProjectFileError || error instanceof ProjectNotFoundError) return EXIT_CODES.project;
  if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) return EXIT_CODES.usage;
  // DWB_PORT and the like are part of how the command was called.
  if (error instanceof ConnectionEnvError) return EXIT_CODES.usage;
  if (isEngineError(error)) {
    if (error.kind === 'cancelled') return EXIT_CODES.interrupted;
    if (['unreachable', 'login-failed', 'certificate-untrusted', 'database-missing'].includes(error.kind)) return EXIT_CODES.unreachable;
  }
  return EXIT_CODES.failed;
}
