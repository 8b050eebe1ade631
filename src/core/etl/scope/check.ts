import { existsSync } from 'node:fs';
import path from 'node:path';
import { JsonDocument } from '../../checks/locate';
import type { Engine } from '../../engine/types';
import { TableCatalog } from '../definition/columns';
import type { DefinitionProblem } from '../definition/errors';
import { listEntityDefinitionFiles, locateDefinitionProblems, readEntityDefinitions } from '../definition/load';
import type { EntityDefinition } from '../definition/types';
import { etlDialect } from '../dialect';
import { readControls } from '../run/control';
import { scopeFindings } from './findings';

const CONTROL_TABLE = 'ctl.etl_control';

export interface EtlScopeOptions {
  /** The OLTP database (source tables). */
  readonly source: Engine;
  /** The warehouse (ctl.etl_control and the target tables); the same engine when one database holds both. */
  readonly target: Engine;
  /** The project's entity definitions folder (its own, else the shipped one). */
  readonly entitiesDir: string;
  /** The project file: findings with no definition to point at point here. */
  readonly projectFile: string;
}

export interface EtlScopeReport {
  /** Entities active in ctl.etl_control, in its order: the ones checked. */
  readonly active: readonly string[];
  /** Each at its file and line (the definition entry naming the missing object). */
  readonly findings: readonly DefinitionProblem[];
  readonly durationMs: number;
}

/** The definitions folder as messages name it: relative to the project when inside it. */
function shownFolder(projectFile: string, dir: string): string {
  const relative = path.relative(path.dirname(projectFile), dir);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? dir : relative;
}

/**
 * Reads the definitions, ctl.etl_control and the columns of every table the definitions name,
 * with one catalog query per database (one in all when OLTP and warehouse are one database), and
 * checks the active entities' scope (`scopeFindings`).
 */
export async function checkEtlScope(o: EtlScopeOptions): Promise<EtlScopeReport> {
  const started = performance.now();
  const folder = existsSync(o.entitiesDir);
  const { definitions, problems } = folder ? readEntityDefinitions(o.entitiesDir) : { definitions: [] as EntityDefinition[], problems: [] };
  const sourceTables = definitions.flatMap((d) => [d.source.table, ...(d.source.triggers ?? []).map((t) => t.table)]);
  const targetTables = [CONTROL_TABLE, ...definitions.map((d) => d.target.table)];
  let source: TableCatalog;
  let target: TableCatalog;
  if (o.source === o.target) {
    source = target = await TableCatalog.read(o.target, etlDialect(o.target.dialect), [...targetTables, ...sourceTables]);
  } else {
    [source, target] = await Promise.all([
      TableCatalog.read(o.source, etlDialect(o.source.dialect), sourceTables),
      TableCatalog.read(o.target, etlDialect(o.target.dialect), targetTables),
    ]);
  }
  const dialect = etlDialect(o.target.dialect);
  const controls = target.columns(CONTROL_TABLE).length === 0 ? undefined : await readControls(o.target, dialect);
  const project = JsonDocument.read(o.projectFile);
  const projectLine = (project?.at('etl', 'entitiesDir') ?? project?.at('bootstrap', 'steps'))?.line;
  const findings = scopeFindings({
    definitions,
    definitionProblems: problems,
    definedEntities: new Set(folder ? listEntityDefinitionFiles(o.entitiesDir).map((f) => f.entity) : []),
    controls,
    source,
    target,
    dialect,
    entitiesDir: shownFolder(o.projectFile, o.entitiesDir),
    projectFile: o.projectFile,
    ...(projectLine === undefined ? {} : { projectLine }),
  });
  return {
    active: (controls ?? []).filter((c) => c.isActive).map((c) => c.entity),
    findings: locateDefinitionProblems(findings),
    durationMs: performance.now() - started,
  };
}
