import { readFileSync } from 'node:fs';
import type { Document, LineCounter as LineCounterType, Node as YamlNode } from 'yaml';
import type { EnvFile } from './detectEnv';
import { isSecretName } from './detectEnv';
import { DetectError, type DetectProblem } from './detectTypes';

type YamlModule = typeof import('yaml');

/** Loaded on first use: only Detect Project parses YAML, so activation does not pay for it. */
function yaml(): YamlModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('yaml') as YamlModule;
}

export type ServerEngine = 'sqlserver' | 'postgres';

/** A value of the compose file with where it was written (1-based line). */
export interface Located<T> {
  readonly value: T;
  readonly line: number;
}

export interface ComposeServer {
  readonly service: string;
  readonly serviceLine: number;
  readonly engine: ServerEngine;
  /** The image after interpolation, or undefined when the service is built locally. */
  readonly image: Located<string> | undefined;
  /** The host port published for the server's own port (1433 / 5432). */
  readonly hostPort: Located<number> | undefined;
  /** The host address the port is bound to, when the mapping names one. */
  readonly hostIp: string | undefined;
  /** environment: name -> value after interpolation (undefined for secrets), with lines. */
  readonly environment: ReadonlyMap<string, { readonly line: number; readonly value: string | undefined; readonly refs: readonly string[] }>;
  /** Seconds compose may wait for health: start_period + interval x retries. */
  readonly healthSeconds: Located<number> | undefined;
}

export interface ComposeFacts {
  readonly file: string;
  /** Top-level `name:` (the compose project name). */
  readonly projectName: Located<string> | undefined;
  readonly servers: readonly ComposeServer[];
  /** A service whose name says it takes backups. */
  readonly backupService: Located<string> | undefined;
  /** Every variable the file interpolates that is not a secret, with the value it resolves to. */
  readonly settings: ReadonlyMap<string, { readonly value: string; readonly line: number }>;
  /** Secret variables the file interpolates (names only). */
  readonly secretRefs: ReadonlyMap<string, number>;
}

const SERVER_PORT: Readonly<Record<ServerEngine, number>> = { sqlserver: 1433, postgres: 5432 };

/** Which server an image (or, without one, a service name) runs. */
export function engineOfImage(text: string): ServerEngine | undefined {
  const t = text.toLowerCase();
  if (/mssql|sqlserver|sql-server|azure-sql-edge/.test(t)) return 'sqlserver';
  if (/postgres|postgis|timescale/.test(t)) return 'postgres';
  return undefined;
}

interface Interpolated {
  readonly value: string;
  readonly refs: readonly string[];
}

/**
 * Compose interpolation: `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?message}`, `$VAR`
 * and `$$`. Values come from the project's .env (never a secret's), else the default written in
 * the file; a variable without either resolves to ''.
 */
function interpolate(
  text: string, env: EnvFile | undefined, settings: Map<string, { value: string; line: number }>, secretRefs: Map<string, number>, line: number,
): Interpolated {
  const refs: string[] = [];
  const value = text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (all, braced?: string, op?: string, arg?: string, bare?: string) => {
    if (all === '$$') return '$';
    const name = (braced ?? bare) as string;
    refs.push(name);
    if (isSecretName(name)) {
      if (!secretRefs.has(name)) secretRefs.set(name, line);
      return '';
    }
    const fromEnv = env?.entries.get(name)?.value;
    const fallback = op === ':-' || op === '-' ? (arg ?? '') : undefined;
    const resolved = fromEnv ?? fallback ?? '';
    if (!settings.has(name) && (fromEnv !== undefined || fallback !== undefined)) settings.set(name, { value: resolved, line });
    return resolved;
  });
  return { value, refs };
}

/** compose durations: 10s, 1m30s, 500ms, 2h; a bare number is seconds. */
function seconds(text: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  let total = 0;
  let matched = false;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(ms|us|ns|h|m|s)/g)) {
    matched = true;
    const n = Number(m[1]);
    total += m[2] === 'h' ? n * 3600 : m[2] === 'm' ? n * 60 : m[2] === 's' ? n : m[2] === 'ms' ? n / 1000 : 0;
  }
  return matched ? total : undefined;
}

/** Parses a compose file; invalid YAML throws DetectError naming file:line:column. */
export function readComposeFile(file: string, env: EnvFile | undefined, displayName = file): ComposeFacts {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DetectError([{ file: displayName, line: 1, column: 1, message: `cannot read the compose file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.` }]);
  }
  return parseComposeText(text, env, displayName);
}

export function parseComposeText(text: string, env: EnvFile | undefined, file: string): ComposeFacts {
  const Y = yaml();
  const lc: LineCounterType = new Y.LineCounter();
  const doc: Document = Y.parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new DetectError(doc.errors.map((e): DetectProblem => {
      const pos = lc.linePos(e.pos[0]);
      return { file, line: pos.line, column: pos.col, message: `invalid YAML: ${e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? e.code}.` };
    }));
  }
  const lineOf = (node: unknown): number => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range === undefined ? 1 : lc.linePos(range[0]).line;
  };
  const root = doc.contents;
  if (!Y.isMap(root)) {
    throw new DetectError([{ file, line: lineOf(root), column: 1, message: 'not a compose file: expected a mapping with "services".' }]);
  }
  const settings = new Map<string, { value: string; line: number }>();
  const secretRefs = new Map<string, number>();
  const scalar = (raw: unknown): Interpolated | undefined => {
    // `image: *mssql-image`: an alias of an anchored value (x- extension fields).
    const node = Y.isAlias(raw) ? raw.resolve(doc) : raw;
    if (!Y.isScalar(node)) return undefined;
    const v = node.value;
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return undefined;
    return interpolate(String(v), env, settings, secretRefs, lineOf(node));
  };

  const servicesNode = root.get('services', true) as YamlNode | undefined;
  if (servicesNode !== undefined && !Y.isMap(servicesNode)) {
    throw new DetectError([{ file, line: lineOf(servicesNode), column: 1, message: '"services" must be a mapping of service names to services.' }]);
  }
  const servers: ComposeServer[] = [];
  let backupService: Located<string> | undefined;
  for (const pair of Y.isMap(servicesNode) ? servicesNode.items : []) {
    const name = keyName(pair.key);
    const service = pair.value;
    if (!Y.isMap(service)) continue;
    // Interpolate every value so the settings list covers the whole service.
    Y.visit(service, { Scalar: (_key, node) => void scalar(node) });
    if (backupService === undefined && /backup/i.test(name)) backupService = { value: name, line: lineOf(pair.key) };
    const imageNode = service.get('image', true);
    const image = scalar(imageNode);
    const engine = engineOfImage(image?.value ?? (service.has('build') ? name : ''));
    if (engine === undefined || /backup|init|setup|migrat/i.test(name)) continue;
    servers.push({
      service: name,
      serviceLine: lineOf(pair.key),
      engine,
      image: image === undefined ? undefined : { value: image.value, line: lineOf(imageNode) },
      ...publishedPort(service.get('ports', true), engine, scalar, lineOf, Y),
      environment: environmentOf(service.get('environment', true), scalar, lineOf, Y),
      healthSeconds: healthOf(service.get('healthcheck', true), scalar, lineOf, Y),
    });
  }
  const nameNode = root.get('name', true);
  const projectName = scalar(nameNode);
  return {
    file,
    projectName: projectName === undefined || projectName.value === '' ? undefined : { value: projectName.value, line: lineOf(nameNode) },
    servers,
    backupService,
    settings,
    secretRefs,
  };
}

type Scalar = (node: unknown) => Interpolated | undefined;

function keyName(key: unknown): string {
  const v = (key as { value?: unknown } | null)?.value;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

function publishedPort(
  node: unknown, engine: ServerEngine, scalar: Scalar, lineOf: (n: unknown) => number, Y: YamlModule,
): { hostPort: Located<number> | undefined; hostIp: string | undefined } {
  const none = { hostPort: undefined, hostIp: undefined };
  if (!Y.isSeq(node)) return none;
  const target = SERVER_PORT[engine];
  for (const item of node.items) {
    if (Y.isMap(item)) {
      // Long syntax: { target: 1433, published: "1433", host_ip: 127.0.0.1 }
      const t = Number(scalar(item.get('target', true))?.value);
      const p = Number(scalar(item.get('published', true))?.value);
      if (t === target && Number.isInteger(p) && p > 0) return { hostPort: { value: p, line: lineOf(item) }, hostIp: scalar(item.get('host_ip', true))?.value };
      continue;
    }
    const text = scalar(item)?.value;
    if (text === undefined) continue;
    // [ip:]host:container[/proto]; the ip may be IPv6 in brackets.
    const m = /^(?:(\[[^\]]+\]|[^:]+):)?(\d+)(?:-\d+)?:(\d+)(?:-\d+)?(?:\/\w+)?$/.exec(text.trim());
    if (m === null) continue;
    if (Number(m[3]) === target) return { hostPort: { value: Number(m[2]), line: lineOf(item) }, hostIp: m[1] };
  }
  return none;
}

function environmentOf(node: unknown, scalar: Scalar, lineOf: (n: unknown) => number, Y: YamlModule): ComposeServer['environment'] {
  const out = new Map<string, { line: number; value: string | undefined; refs: readonly string[] }>();
  const put = (name: string, raw: Interpolated | undefined, line: number): void => {
    out.set(name, { line, value: isSecretName(name) ? undefined : raw?.value, refs: raw?.refs ?? [] });
  };
  if (Y.isMap(node)) {
    for (const pair of node.items) put(keyName(pair.key), scalar(pair.value), lineOf(pair.key));
  } else if (Y.isSeq(node)) {
    for (const item of node.items) {
      const raw = Y.isScalar(item) ? String(item.value) : '';
      const eq = raw.indexOf('=');
      if (eq <= 0) continue;
      // Interpolate only the value part; the name is literal.
      const value = scalar(new Y.Scalar(raw.slice(eq + 1)));
      put(raw.slice(0, eq), value, lineOf(item));
    }
  }
  return out;
}

function healthOf(node: unknown, scalar: Scalar, lineOf: (n: unknown) => number, Y: YamlModule): Located<number> | undefined {
  if (!Y.isMap(node)) return undefined;
  const get = (k: string): string | undefined => scalar(node.get(k, true))?.value;
  const interval = seconds(get('interval') ?? '30s') ?? 30;
  const retries = Number(get('retries') ?? 3);
  const start = seconds(get('start_period') ?? '0s') ?? 0;
  if (!Number.isFinite(retries)) return undefined;
  return { value: Math.ceil(start + interval * retries), line: lineOf(node) };
}
