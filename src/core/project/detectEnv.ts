import { readFileSync } from 'node:fs';

/**
 * A `.env` file as detection reads it: every key with its line, and the value only for keys that
 * are not secrets. A secret's value is never read into memory past the line split, so it cannot
 * reach a proposal, a message or a log.
 */
export interface EnvEntry {
  readonly key: string;
  readonly line: number;
  /** Undefined for secrets (passwords, keys, tokens). */
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

/** Parses `KEY=value` lines (optional `export`, quotes, `#` comments) as compose reads them. */
export function parseEnvText(text: string, file: string): EnvFile {
  const entries = new Map<string, EnvEntry>();
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/.exec(raw);
    if (m === null) continue;
    const key = m[1] as string;
    const secret = isSecretName(key);
    entries.set(key, { key, line: i + 1, secret, value: secret ? undefined : unquote(m[2] as string) });
  }
  return { file, entries };
}

function unquote(raw: string): string {
  const v = raw.trim();
  const q = v[0];
  if ((q === '"' || q === "'") && v.length >= 2) {
    const end = v.indexOf(q, 1);
    if (end > 0) return v.slice(1, end);
  }
  return v.replace(/\s+#.*$/, '');
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
