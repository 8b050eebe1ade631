import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { findNodeAtLocation, parseTree, type Node, type ParseError, parse } from 'jsonc-parser';
import schema from '../../../../schemas/etl-entity.schema.json';
import type { DefinitionProblem } from './errors';
import { EntityDefinitionError } from './errors';
import { checkDefinition } from './check';
import type { Project } from '../../project/types';
import type { EntityDefinition } from './types';

let compiled: ValidateFunction | undefined;

/** Compiled on first use: importing this module (the extension does at activation) stays cheap. */
function validateSchema(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  return compiled;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function pointerPath(pointer: string): (string | number)[] {
  return pointer
    .split('/')
    .slice(1)
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((seg) => (/^[0-9]+$/.test(seg) ? Number(seg) : seg));
}

/** Parses and validates one definition's text; the file name is used in messages only. */
export function parseEntityDefinition(text: string, file: string): EntityDefinition {
  const parseErrors: ParseError[] = [];
  const tree: Node | undefined = parseTree(text, parseErrors, { allowTrailingComma: false });
  if (parseErrors.length > 0 || tree === undefined) {
    const offset = parseErrors[0]?.offset ?? 0;
    throw new EntityDefinitionError([{ file, line: lineOf(text, offset), message: 'is not valid JSON' }]);
  }
  const data: unknown = parse(text);
  const entity = typeof data === 'object' && data !== null ? (data as { entity?: unknown }).entity : undefined;
  const entityName = typeof entity === 'string' ? entity : undefined;
  const validate = validateSchema();
  if (!validate(data)) {
    const problems: DefinitionProblem[] = (validate.errors ?? []).map((e) => {
      const node = findNodeAtLocation(tree, pointerPath(e.instancePath));
      return {
        file,
        ...(node ? { line: lineOf(text, node.offset) } : {}),
        ...(entityName ? { entity: entityName } : {}),
        message: `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`,
      };
    });
    throw new EntityDefinitionError(problems);
  }
  const raw = data as Omit<EntityDefinition, 'file' | 'scd'> & { scd?: EntityDefinition['scd'] };
  const definition: EntityDefinition = { ...raw, scd: raw.scd ?? { type: 1 }, file };
  const problems = checkDefinition(definition).map((p) => locate(p, text, tree));
  if (problems.length > 0) throw new EntityDefinitionError(problems);
  return definition;
}

/**
 * Where in the definition a problem points: its trigger's entry, the `columns` entry mapping
 * its column (by target, then by source), else the first value naming that column (a key,
 * watermark or SCD column), else the source or target table the message names, else the
 * definition's `entity`.
 */
function problemNode(tree: Node, p: DefinitionProblem): Node | undefined {
  const values = (n: Node | undefined): Node[] => (n === undefined ? [] : [...(n.type === 'string' ? [n] : []), ...(n.children ?? []).flatMap(values)]);
  if (p.trigger !== undefined) {
    const triggers = findNodeAtLocation(tree, ['source', 'triggers'])?.children ?? [];
    const entry = triggers.find((t) => findNodeAtLocation(t, ['name'])?.value === p.trigger);
    if (entry !== undefined) return entry;
  }
  if (p.column !== undefined) {
    const columns = findNodeAtLocation(tree, ['columns'])?.children ?? [];
    for (const key of ['target', 'source']) {
      const entry = columns.find((c) => findNodeAtLocation(c, [key])?.value === p.column);
      if (entry !== undefined) return entry;
    }
    return values(tree).find((n) => n.value === p.column);
  }
  return [findNodeAtLocation(tree, ['source', 'table']), findNodeAtLocation(tree, ['target', 'table'])]
    .find((n) => typeof n?.value === 'string' && p.message.includes(n.value)) ?? findNodeAtLocation(tree, ['entity']);
}

function locate(p: DefinitionProblem, text: string, tree: Node): DefinitionProblem {
  if (p.line !== undefined) return p;
  const node = problemNode(tree, p);
  return node ? { ...p, line: lineOf(text, node.offset) } : p;
}

/**
 * Gives problems found after loading (a definition checked against the real tables) the line
 * of their definition file they point at; problems already placed, or whose file no longer
 * reads as JSON, stay as they are.
 */
export function locateDefinitionProblems(problems: readonly DefinitionProblem[]): DefinitionProblem[] {
  const trees = new Map<string, { text: string; tree: Node } | undefined>();
  const read = (file: string): { text: string; tree: Node } | undefined => {
    if (!trees.has(file)) {
      let parsed: { text: string; tree: Node } | undefined;
      try {
        const text = readFileSync(file, 'utf8');
        const tree = parseTree(text);
        parsed = tree === undefined ? undefined : { text, tree };
      } catch {
        parsed = undefined;
      }
      trees.set(file, parsed);
    }
    return trees.get(file);
  };
  return problems.map((p) => {
    const doc = p.line === undefined ? read(p.file) : undefined;
    return doc === undefined ? p : locate(p, doc.text, doc.tree);
  });
}

/**
 * The entities a definitions folder holds, read leniently (the `entity` field when the file
 * parses that far, else the file name), so a definition with problems is still listed: its
 * task, pick and "Open Definition" reach it, and running it reports the problems at file:line.
 */
export function listEntityDefinitionFiles(dir: string): { readonly entity: string; readonly file: string }[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return [];
  }
  const out: { entity: string; file: string }[] = [];
  for (const f of names) {
    const file = path.join(dir, f);
    let data: unknown;
    try {
      data = parse(readFileSync(file, 'utf8'));
    } catch {
      data = undefined;
    }
    const entity = typeof data === 'object' && data !== null ? (data as { entity?: unknown }).entity : undefined;
    const name = typeof entity === 'string' && entity.trim() !== '' ? entity.trim() : path.basename(f, '.json');
    if (!out.some((o) => o.entity === name)) out.push({ entity: name, file });
  }
  return out;
}

/**
 * Every `*.json` definition of a folder that loads, sorted by file name, and the problems of the
 * others (each at its file and line): one bad definition does not hide the rest.
 */
export function readEntityDefinitions(dir: string): { readonly definitions: EntityDefinition[]; readonly problems: DefinitionProblem[] } {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const problems: DefinitionProblem[] = [];
  const definitions: EntityDefinition[] = [];
  for (const f of files) {
    const file = path.join(dir, f);
    try {
      definitions.push(parseEntityDefinition(readFileSync(file, 'utf8'), file));
    } catch (e) {
      if (e instanceof EntityDefinitionError) problems.push(...e.problems);
      else throw e;
    }
  }
  const seen = new Set<string>();
  for (const d of definitions) {
    if (seen.has(d.entity)) problems.push(...locateDefinitionProblems([{ file: d.file, entity: d.entity, message: 'is defined twice in this folder' }]));
    seen.add(d.entity);
  }
  return { definitions, problems };
}

/** Reads every `*.json` definition in a folder, sorted by file name; throws when any has a problem. */
export function loadEntityDefinitions(dir: string): EntityDefinition[] {
  const { definitions, problems } = readEntityDefinitions(dir);
  if (problems.length > 0) throw new EntityDefinitionError(problems);
  return definitions;
}

/**
 * The project's entity definitions folder (`etl.entitiesDir`, default `etl/entities`) when it
 * exists, else the one shipped with DW Workbench under `assetsRoot`.
 */
export function projectEntitiesDir(project: Project, assetsRoot: string): string {
  const own = path.resolve(project.root, project.config.etl?.entitiesDir ?? 'etl/entities');
  return existsSync(own) ? own : path.join(assetsRoot, 'etl', 'entities');
}
