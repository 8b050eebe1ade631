import type { StackDefinition } from './definitions';
import { readEnvFile, setEnvFileValue } from './envFile';
import { generateStackPassword } from './secrets';

/** Where stack secrets live: VS Code SecretStorage in the extension, a 0600 file for the CLI. */
export interface SecretStore {
  get(name: string): Promise<string | undefined>;
  set(name: string, value: string): Promise<void>;
}

/**
 * The stack's secrets, generating (and storing) any that are missing. The first start of a
 * stack initialises its volumes with them, so they are kept, never regenerated.
 */
export async function ensureStackSecrets(definition: StackDefinition, store: SecretStore): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of new Set([...definition.secretNames, ...definition.loginSecretNames])) {
    let value = await store.get(name);
    if (value === undefined || value === '') {
      value = generateStackPassword();
      await store.set(name, value);
    }
    out[name] = value;
  }
  return out;
}

/** A SecretStore in a KEY=VALUE file with mode 0600 (for the CLI, under the git-ignored .dw/). */
export function fileSecretStore(file: string): SecretStore {
  return {
    async get(name) {
      return (await readEnvFile(file))[name];
    },
    set: (name, value) => setEnvFileValue(file, name, value),
  };
}

/** Values from the environment win over the store (CI sets them; nothing is written). */
export function envOverlay(store: SecretStore, env: NodeJS.ProcessEnv, aliases: Readonly<Record<string, string>> = {}): SecretStore {
  return {
    async get(name) {
      const alias = aliases[name];
      return env[name] ?? (alias === undefined ? undefined : env[alias]) ?? (await store.get(name));
    },
    set: (name, value) => store.set(name, value),
  };
}
