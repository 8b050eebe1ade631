import { passwordEnvName, type Project } from '../../core/project';
import { envOverlay, type SecretStore, type StackDefinition } from '../../core/stack';
import type { PasswordStore } from '../passwords';

/**
 * The stack's secrets in VS Code SecretStorage, under the same keys "DW: Bootstrap Warehouse"
 * uses for the technical logins, so both give etl_monitor and etl_backup the same passwords.
 * As in the CLI, values from the environment win and are never written.
 */
export function secretStorageStore(passwords: PasswordStore, project: Project, definition: StackDefinition, env: NodeJS.ProcessEnv): SecretStore {
  const store: SecretStore = {
    get: async (name) => passwords.getNamed(project, name),
    set: async (name, value) => passwords.storeNamed(project, name, value),
  };
  return envOverlay(store, env, { [definition.adminSecret]: passwordEnvName(project) });
}
