import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import schema from '../../../schemas/dw-workbench.schema.json';
import { ProjectFileError, ProjectNotFoundError, type ProjectProblem } from './errors';
import { parseInterval, WATCH_EVERY_MAX_MS, WATCH_EVERY_MIN_MS } from './interval';
import { PROJECT_FILE_NAME, type Project, type ProjectFile } from './types';

let validator: ValidateFunction | undefined;

/** Compiled on first use: activation must stay cheap. */
function validate(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schema);
  return validator;
}

/** Walks up from `start` to the nearest folder holding dw-workbench.json. */
export function findProjectFile(start: string): string | undefined {
  let dir = path.resolve(start);
  if (existsSync(dir) && statSync(dir).isFile()) return dir;
  for (;;) {
    const candidate = path.join(dir, PROJECT_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Loads and validates the project at `start` (a folder, searched upwards, or the file itself). */
export function loadProject(start: string): Project {
  const file = findProjectFile(start);
  if (file === undefined) throw new ProjectNotFoundError(path.resolve(start));
  return parseProject(readFileSync(file, 'utf8'), file);
}

/** Parses and validates project file text; throws ProjectFileError naming file:line:column. */
export function parseProject(text: string, file: string): Project {
  const problems = projectProblems(text, file);
  if (problems.length > 0) throw new ProjectFileError(file, problems);
  const tree = parseTree(text) as Node;
  const config = nodeValue(tree) as ProjectFile;
  return { file: path.resolve(file), root: path.dirname(path.resolve(file)), config };
}

/** Every problem of the text, for diagnostics while editing as well as at load. */
export function projectProblems(text: string, file: string): ProjectProblem[] {
  const lines = lineStarts(text);
  const at = (offset: number, pointer: string, message: string): ProjectProblem => {
    const { line, column } = position(lines, offset);
    return { file, line, column, pointer, message };
  };

  const parseErrors: ParseError[] = [];
  const tree = parseTree(text, parseErrors, { allowTrailingComma: false, disallowComments: false });
  if (parseErrors.length > 0 || tree === undefined) {
    if (parseErrors.length === 0) return [at(0, '', 'The file is empty: expected a JSON object.')];
    return parseErrors.map((e) => at(e.offset, '', `JSON syntax: ${describeParseError(e)}`));
  }

  const value = nodeValue(tree);
  const check = validate();
  if (check(value)) return semanticProblems(value as ProjectFile, tree, at);
  return dedupe(withoutBranchNoise(check.errors ?? []).map((e) => schemaProblem(e, tree, at)));
}

type At = (offset: number, pointer: string, message: string) => ProjectProblem;

function schemaProblem(error: ErrorObject, tree: Node, at: At): ProjectProblem {
  const segments = pointerSegments(error.instancePath);
  const node = findNodeAtLocation(tree, segments) ?? tree;
  const where = error.instancePath === '' ? 'the project' : `'${segments.join('.')}'`;
  if (error.keyword === 'additionalProperties') {
    const extra = String((error.params as { additionalProperty: string }).additionalProperty);
    const keyNode = findNodeAtLocation(tree, [...segments, extra])?.parent?.children?.[0] ?? node;
    const pointer = `${error.instancePath}/${extra}`;
    if (/^(password|pwd|passwd|secret)$/i.test(extra)) {
      return at(
        keyNode.offset,
        pointer,
        `Passwords do not belong in dw-workbench.json: remove '${extra}' and use 'DW: Set Password' `
          + '(VS Code) or the environment variable named by connection.passwordEnv (CLI, default DWB_PASSWORD).',
      );
    }
    if (error.instancePath === '/alerts/rules') {
      return at(keyNode.offset, pointer, `Unknown alert rule '${extra}': the rules are ${ALERT_RULES.join(', ')}.`);
    }
    return at(keyNode.offset, pointer, `Unknown setting '${extra}' in ${where}.`);
  }
  if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty: string }).missingProperty);
    return at(node.offset, error.instancePath, `${where} needs '${missing}'.`);
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v));
    return at(node.offset, error.instancePath, `${where} must be one of ${allowed.join(', ')}.`);
  }
  if (error.keyword === 'pattern') {
    // The schema's own wording (VS Code shows the same patternErrorMessage while typing).
    const explained = (error.parentSchema as { patternErrorMessage?: string } | undefined)?.patternErrorMessage;
    if (explained !== undefined) return at(node.offset, error.instancePath, `${where} is ${JSON.stringify(error.data)}. ${explained}`);
  }
  if (error.keyword === 'oneOf' && error.instancePath.includes('/bootstrap/steps/')) {
    return at(node.offset, error.instancePath, `${where} needs exactly one of 'script', 'folder' or 'generate'.`);
  }
  return at(node.offset, error.instancePath, `${where} ${error.message ?? 'is invalid'}.`);
}

/** Rules JSON Schema cannot say clearly: which connection settings each engine needs. */
function semanticProblems(config: ProjectFile, tree: Node, at: At): ProjectProblem[] {
  const problems: ProjectProblem[] = [];
  const offsetOf = (...segments: (string | number)[]): number => (findNodeAtLocation(tree, segments) ?? tree).offset;
  if (config.engine === 'pglite') {
    for (const key of ['host', 'port', 'user', 'encrypt', 'trustServerCertificate'] as const) {
      if (config.connection[key] !== undefined) {
        problems.push(at(offsetOf('connection', key), `/connection/${key}`,
          `'connection.${key}' does not apply to the embedded engine (pglite): remove it, or set "engine" to "postgres" or "sqlserver".`));
      }
    }
  } else {
    if (config.connection.user === undefined) {
      problems.push(at(offsetOf('connection'), '/connection',
        `'connection' needs 'user' for ${config.engine} (for example "${config.engine === 'sqlserver' ? 'sa' : 'postgres'}").`));
    }
    if (config.connection.dataDir !== undefined) {
      problems.push(at(offsetOf('connection', 'dataDir'), '/connection/dataDir',
        `'connection.dataDir' applies only to the embedded engine (pglite).`));
    }
  }
  return [...problems, ...watchProblems(config, offsetOf, at), ...alertAndCheckProblems(config, offsetOf, at)];
}

/** stack.watch.every: the schema checks its form, this its range. */
function watchProblems(config: ProjectFile, offsetOf: (...segments: (string | number)[]) => number, at: At): ProjectProblem[] {
  const every = config.stack?.watch?.every;
  if (every === undefined) return [];
  const ms = parseInterval(every);
  if (ms !== undefined && ms >= WATCH_EVERY_MIN_MS && ms <= WATCH_EVERY_MAX_MS) return [];
  return [at(offsetOf('stack', 'watch', 'every'), '/stack/watch/every',
    `'stack.watch.every' is ${JSON.stringify(every)}: the watch service runs from every 10s to every 7d (for example "5m" or "1h").`)];
}

const ALERT_RULES = ['etl_failure', 'sla_watermark_delay', 'sla_no_recent_run', 'etl_recurrent_failure'] as const;

/** What the alerts and checks sections need beyond their schema: a real time zone, unique names. */
function alertAndCheckProblems(config: ProjectFile, offsetOf: (...segments: (string | number)[]) => number, at: At): ProjectProblem[] {
  const problems: ProjectProblem[] = [];
  const zone = config.alerts?.timezone;
  if (zone !== undefined && !isTimeZone(zone)) {
    problems.push(at(offsetOf('alerts', 'timezone'), '/alerts/timezone', `'alerts.timezone' is not a time zone this system knows: '${zone}' (use an IANA name such as "America/Sao_Paulo" or "UTC").`));
  }
  const unique = (names: readonly (string | undefined)[], section: string, label: string): void => {
    const seen = new Set<string>();
    names.forEach((name, i) => {
      if (name === undefined) return;
      if (seen.has(name)) problems.push(at(offsetOf(section, label, i, 'name'), `/${section}/${label}/${i}/name`, `'${section}.${label}' names '${name}' twice: names must be unique.`));
      seen.add(name);
    });
  };
  unique((config.alerts?.webhooks ?? []).map((w) => w.name ?? w.kind), 'alerts', 'webhooks');
  unique((config.checks?.custom ?? []).map((c) => c.name), 'checks', 'custom');
  return problems;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A failed oneOf also reports each branch's own failure; the oneOf message alone says it better. */
function withoutBranchNoise(errors: readonly ErrorObject[]): ErrorObject[] {
  const oneOfAt = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  return errors.filter((e) => e.keyword === 'oneOf' || !(oneOfAt.has(e.instancePath) && e.schemaPath.includes('/oneOf/')));
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries(
        (node.children ?? []).map((prop) => {
          const [key, val] = prop.children as [Node, Node];
          return [key.value as string, val === undefined ? null : nodeValue(val)];
        }),
      );
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value as unknown;
  }
}

function pointerSegments(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function position(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
}

function describeParseError(e: ParseError): string {
  return printParseErrorCode(e.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** One problem per value (an empty name breaks both minLength and pattern: say it once). */
function dedupe(problems: ProjectProblem[]): ProjectProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.pointer}\u0000${p.message.includes(' needs ') ? p.message : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
