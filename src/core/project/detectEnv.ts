import { readFileSync } from 'node:fs';
import { DotenvSyntaxError, parseDotenv, type DotenvEntry } from '../env/dotenv';
import { DetectError } from './detectTypes';

/**
 * A `.env` file as detection reads it: every key with its line, and the value only for keys that
 * are not secrets. A secret's value is never assembled (the tokenizer skips it), so it cannot
 * reach a proposal, a message or a log.
 */
export interface EnvEntry {
  readonly key: string;
  readonly line: number;
  /** Undefined for secrets (passwords, keys, tokens) and for values built from them or from the environment. */
  readonly value: string | undefined;
  readonly secret: boolean;
}

export interface EnvFile {
  readonly file: string;
  readonly entries: ReadonlyMap<string, EnvEntry>;
}

const SECRET_KEY = /(PASS|PWD|SECRET|TOKEN|KEY|CREDENTIAL|CERT)/i;

/** Whether a variable name looks like it holds a secret. */
export function isSecretName(name: string): boolean {
  return SECRET_KEY.test(name);
}

/**
 * Reads `text` with compose's .env grammar (src/core/env/dotenv.ts). Secret values are never
 * assembled; a value that interpolates a secret, or a variable the file does not set (compose
 * would take it from the environment, which detection does not read), has no value either.
 * A file compose refuses is a DetectError naming its line.
 */
export function parseEnvText(text: string, file: string): EnvFile {
  let parsed: DotenvEntry[];
  try {
    parsed = parseDotenv(text, { withhold: isSecretName, unset: 'withhold' });
  } catch (e) {
    if (!(e instanceof DotenvSyntaxError)) throw e;
    throw new DetectError([{ file, line: e.line, column: e.column, message: e.reason }], 'The .env file cannot be read; fix it (docker compose reads it the same way) and detect again.');
  }
  const entries = new Map<string, EnvEntry>();
  for (const e of parsed) entries.set(e.key, { key: e.key, line: e.line, secret: isSecretName(e.key), value: e.value });
  return { file, entries };
}

/** Reads the first of `files` that exists; undefined when none does. */
export function readEnvFile(files: readonly string[]): EnvFile | undefined {
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    return parseEnvText(text, file);
  }
  return undefined;
}
