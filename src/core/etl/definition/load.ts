import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { findNodeAtLocation, parseTree, type Node, type ParseError, parse } from 'jsonc-parser';
import schema from '../../../../schemas/etl-entity.schema.json';
import type { DefinitionProblem } from './errors';
import { EntityDefinitionError } from './errors';
import { checkDefinition } from './check';
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
  const problems = checkDefinition(definition).map((p) => {
    const column = definition.columns.findIndex((c) => c.target === p.column);
    const node = column >= 0 ? findNodeAtLocation(tree, ['columns', column]) : undefined;
    return node ? { ...p, line: lineOf(text, node.offset) } : p;
  });
  if (problems.length > 0) throw new EntityDefinitionError(problems);
  return definition;
}

/** Reads every `*.json` definition in a folder, sorted by file name. */
export function loadEntityDefinitions(dir: string): EntityDefinition[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const problems: DefinitionProblem[] = [];
  const out: EntityDefinition[] = [];
  for (const f of files) {
    const file = path.join(dir, f);
    try {
      out.push(parseEntityDefinition(readFileSync(file, 'utf8'), file));
    } catch (e) {
      if (e instanceof EntityDefinitionError) problems.push(...e.problems);
      else throw e;
    }
  }
  const seen = new Set<string>();
  for (const d of out) {
    if (seen.has(d.entity)) problems.push({ file: d.file, entity: d.entity, message: 'is defined twice in this folder' });
    seen.add(d.entity);
  }
  if (problems.length > 0) throw new EntityDefinitionError(problems);
  return out;
}

