import type { Dialect } from '../engine/types';
import type { CheckSeverity, ProjectChecks } from '../project/types';
import { CHECK_FAMILIES, consumptionViews, dimensionTables, factTables, qualifiedName, type TableSpec } from '../warehouse';
import { JsonDocument, ScriptIndex, type CheckLocation } from './locate';

/**
 * The users' three families, the project's own checks, and the ETL scope (their rollout scope
 * check: every active entity's tables and columns exist; not a SQL check, see `scope.ts`).
 */
export type CheckFamily = (typeof CHECK_FAMILIES)[number];

/** The category their integrity script gave each family (kept in the JSON for their CI). */
export const CATEGORY: Readonly<Record<CheckFamily, string>> = {
  fk_orphans: 'integridade_fk',
  duplicate_keys: 'unicidade_nk',
  coverage: 'cobertura_minima',
  custom: 'projeto',
  scope: 'escopo_rollout',
};

export interface CheckDefinition {
  readonly name: string;
  readonly family: CheckFamily;
  readonly severity: CheckSeverity;
  readonly description: string;
  /** The object checked (schema.name), for messages. */
  readonly target?: string;
  /**
   * zero: `count` must give 0 (then `offending` lists the first keys); minimum: `count` must give
   * at least `minimum`; rows: `sql` returns the offending rows.
   */
  readonly mode: 'zero' | 'minimum' | 'rows';
  /** One row, one column `n`. */
  readonly count?: string;
  /** The offending keys (first `limit`), when `count` is not 0. */
  readonly offending?: string;
  readonly sql?: string;
  readonly minimum?: number;
  readonly location?: CheckLocation;
  /** Where the check comes from, for an error in its SQL (the project file's setting). */
  readonly setting?: string;
}

export interface CatalogInput {
  readonly dialect: Dialect;
  readonly checks?: ProjectChecks;
  /** Entity definition files (name and path), to point results at the definition. */
  readonly entityFiles: readonly { readonly entity: string; readonly file: string }[];
  /** SQL files and folders of the bootstrap, to point tables and views without a definition at their script. */
  readonly scriptPaths: readonly string[];
  /** The project file, for the project's own checks. */
  readonly projectFile?: string;
}

interface EntityDoc {
  readonly doc: JsonDocument;
  readonly naturalKey?: string;
  readonly isCurrent?: string;
}

function entityDocs(files: CatalogInput['entityFiles']): Map<string, EntityDoc> {
  const byTable = new Map<string, EntityDoc>();
  for (const { file } of files) {
    const doc = JsonDocument.read(file);
    const table = doc?.value('target', 'table');
    if (doc === undefined || typeof table !== 'string') continue;
    const naturalKey = doc.value('target', 'naturalKey');
    const scdType = doc.value('scd', 'type');
    const isCurrent = doc.value('scd', 'isCurrent');
    byTable.set(table.toLowerCase(), {
      doc,
      ...(typeof naturalKey === 'string' ? { naturalKey } : {}),
      ...(scdType === 2 && typeof isCurrent === 'string' ? { isCurrent } : {}),
    });
  }
  return byTable;
}

/** Every check to run, built-in ones from the warehouse contract and the entity definitions first. */
export function checkCatalog(input: CatalogInput): CheckDefinition[] {
  const { dialect } = input;
  const limit = input.checks?.offendingLimit ?? 20;
  const top = dialect === 'sqlserver' ? `TOP (${limit}) ` : '';
  const tail = dialect === 'postgres' ? ` LIMIT ${limit}` : '';
  const severity = (f: Exclude<CheckFamily, 'custom' | 'scope'>): CheckSeverity => input.checks?.severity?.[f] ?? 'error';
  const entities = entityDocs(input.entityFiles);
  const scripts = new ScriptIndex(input.scriptPaths);
  const entityOf = (t: TableSpec): EntityDoc | undefined => entities.get(`${t.schema}.${t.name}`.toLowerCase());
  const tableLocation = (t: TableSpec): CheckLocation | undefined =>
    entityOf(t)?.doc.at('target', 'table') ?? scripts.find('TABLE', t.schema, t.name) ?? scripts.find('TABLE', t.schema.toLowerCase(), t.name.toLowerCase());
  const short = (t: { name: string }): string => t.name.toLowerCase();
  const out: CheckDefinition[] = [];

  for (const fact of factTables) {
    const f = qualifiedName(fact, dialect);
    for (const fk of fact.foreignKeys ?? []) {
      const ref = qualifiedName({ schema: fk.references.schema, name: fk.references.table }, dialect);
      const orphans = `FROM ${f} f LEFT JOIN ${ref} r ON r.${fk.references.column} = f.${fk.column} WHERE r.${fk.references.column} IS NULL`;
      const location = entityOf(fact)?.doc.element(['columns'], 'target', fk.column) ?? tableLocation(fact);
      out.push({
        name: `fk_orphans.${short(fact)}.${fk.column}`,
        family: 'fk_orphans',
        severity: severity('fk_orphans'),
        description: `${fact.schema}.${fact.name}.${fk.column} values with no ${fk.references.schema}.${fk.references.table}.${fk.references.column}`,
        target: `${fact.schema}.${fact.name}`,
        mode: 'zero',
        count: `SELECT COUNT(*) AS n ${orphans}`,
        offending: `SELECT ${top}f.${fk.column} AS ${fk.column}, COUNT(*) AS n ${orphans} GROUP BY f.${fk.column} ORDER BY COUNT(*) DESC, f.${fk.column}${tail}`,
        ...(location === undefined ? {} : { location }),
      });
    }
  }

  for (const table of [...dimensionTables, ...factTables]) {
    const entity = entityOf(table);
    const key = entity?.naturalKey !== undefined ? [entity.naturalKey] : table.unique?.[0];
    if (key === undefined || key.length === 0) continue;
    const t = qualifiedName(table, dialect);
    const current = entity?.isCurrent === undefined ? '' : ` WHERE ${entity.isCurrent} = ${dialect === 'postgres' ? 'true' : '1'}`;
    const cols = key.join(', ');
    const location = entity?.doc.at('target', 'naturalKey') ?? tableLocation(table);
    out.push({
      name: `duplicate_keys.${short(table)}`,
      family: 'duplicate_keys',
      severity: severity('duplicate_keys'),
      description: `${table.schema}.${table.name}: natural key (${cols}) held by more than one ${current === '' ? '' : 'current '}row`,
      target: `${table.schema}.${table.name}`,
      mode: 'zero',
      count: `SELECT COUNT(*) AS n FROM (SELECT ${cols} FROM ${t}${current} GROUP BY ${cols} HAVING COUNT(*) > 1) d`,
      offending: `SELECT ${top}${cols}, COUNT(*) AS n FROM ${t}${current} GROUP BY ${cols} HAVING COUNT(*) > 1 ORDER BY COUNT(*) DESC, ${cols}${tail}`,
      ...(location === undefined ? {} : { location }),
    });
  }

  const minimumOf = (schema: string, name: string): number => {
    const wanted = `${schema}.${name}`.toLowerCase();
    const entry = Object.entries(input.checks?.minimumRows ?? {}).find(([k]) => k.toLowerCase() === wanted);
    return entry?.[1] ?? 1;
  };
  const coverage = (schema: string, name: string, where: string, location: CheckLocation | undefined, what: string): void => {
    const minimum = minimumOf(schema, name);
    if (minimum === 0) return;
    out.push({
      name: `coverage.${name.toLowerCase()}`,
      family: 'coverage',
      severity: severity('coverage'),
      description: `${schema}.${name} holds at least ${minimum} ${what}`,
      target: `${schema}.${name}`,
      mode: 'minimum',
      minimum,
      count: `SELECT COUNT(*) AS n FROM ${qualifiedName({ schema, name }, dialect)}${where}`,
      ...(location === undefined ? {} : { location }),
    });
  };
  for (const table of dimensionTables) coverage(table.schema, table.name, ` WHERE ${table.primaryKey} <> -1`, tableLocation(table), 'row besides the unknown member (-1)');
  for (const table of factTables) coverage(table.schema, table.name, '', tableLocation(table), 'row');
  for (const view of Object.values(consumptionViews)) coverage(view.schema, view.name, '', scripts.find('VIEW', view.schema, view.name), 'row');

  const project = input.projectFile === undefined ? undefined : JsonDocument.read(input.projectFile);
  (input.checks?.custom ?? []).forEach((c, i) => {
    const sql = typeof c.sql === 'string' ? c.sql : c.sql[dialect];
    const location = project?.at('checks', 'custom', i, 'sql');
    out.push({
      name: `custom.${c.name}`,
      family: 'custom',
      severity: c.severity ?? 'error',
      description: c.description ?? c.name,
      mode: 'rows',
      sql,
      setting: `checks.custom[${i}] '${c.name}'`,
      ...(location === undefined ? {} : { location }),
    });
  });
  return out;
}
