import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DotenvSyntaxError, dotenvValues, formatDotenv, parseDotenv, setDotenvValue } from '../env/dotenv';

/**
 * Writes KEY='VALUE' lines to `file` with mode 0600, atomically (temporary file in the same
 * folder, then rename), so compose never reads a half-written file and no other user can read it.
 */
export async function writeEnvFile(file: string, vars: Readonly<Record<string, string>>): Promise<void> {
  await writePrivately(file, formatEnvFile(vars));
}

/**
 * Sets one variable of `file` (created when absent), the rest of the file kept as written:
 * comments, order and hand-written `${...}` references stay; atomic and 0600 as writeEnvFile.
 */
export async function setEnvFileValue(file: string, key: string, value: string): Promise<void> {
  let text = '';
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  let next: string;
  try {
    next = setDotenvValue(text, key, value);
  } catch (e) {
    if (e instanceof DotenvSyntaxError) throw new EnvFileError(file, e);
    throw e;
  }
  await writePrivately(file, next);
}

async function writePrivately(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, text, { mode: 0o600, flag: 'wx' });
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** The stack's variables as compose reads them back: each value quoted (see quoteDotenvValue). */
export function formatEnvFile(vars: Readonly<Record<string, string>>): string {
  return formatDotenv(vars);
}

/**
 * The variables of a .env file as compose reads them (quotes, inline comments, `export`,
 * interpolation from the file and then `env`); an absent file reads as empty. A file compose
 * would refuse is refused too, naming the file and line.
 */
export async function readEnvFile(file: string, env: NodeJS.ProcessEnv = process.env): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw e;
  }
  try {
    return dotenvValues(parseDotenv(text, { lookup: (name) => env[name] }));
  } catch (e) {
    if (e instanceof DotenvSyntaxError) throw new EnvFileError(file, e);
    throw e;
  }
}

/** A .env file compose cannot read; the message names the file and line, never a value. */
export class EnvFileError extends Error {
  constructor(
    readonly file: string,
    override readonly cause: DotenvSyntaxError,
  ) {
    super(`${file}:${cause.line}: ${cause.reason}. Fix the line (docker compose reads the file the same way).`);
    this.name = 'EnvFileError';
  }
}
