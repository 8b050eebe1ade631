/** The fields of a `dw-etl` task definition (tasks.json or auto-detected), as VS Code hands them over. */
export interface EtlTaskFields {
  readonly entity?: unknown;
  readonly all?: unknown;
  readonly full?: unknown;
  readonly dryRun?: unknown;
}

/** What a `dw-etl` task asks for. */
export interface EtlTaskRequest {
  /** Empty: every active entity of ctl.etl_control. */
  readonly entities: readonly string[];
  readonly full: boolean;
  readonly dryRun: boolean;
}

export type EtlTaskResolution = { readonly request: EtlTaskRequest } | { readonly problem: string };

/**
 * Checks a task definition: `entity` names one definition, `all` (or neither) runs the active
 * ones; both at once is ambiguous. `known` are the entity definitions' names, when they loaded.
 */
export function resolveEtlTask(fields: EtlTaskFields, known?: readonly string[]): EtlTaskResolution {
  const flag = (name: string, v: unknown): boolean | string =>
    v === undefined ? false : typeof v === 'boolean' ? v : `"${name}" must be true or false in the dw-etl task, not ${JSON.stringify(v)}.`;
  const full = flag('full', fields.full);
  const dryRun = flag('dryRun', fields.dryRun);
  const all = flag('all', fields.all);
  for (const v of [full, dryRun, all]) if (typeof v === 'string') return { problem: v };
  const entity = fields.entity;
  if (entity !== undefined && (typeof entity !== 'string' || entity.trim() === '')) {
    return { problem: `"entity" must be an entity name (like dim_cliente) in the dw-etl task, not ${JSON.stringify(entity)}.` };
  }
  if (entity !== undefined && all === true) {
    return { problem: 'A dw-etl task takes "entity" or "all": true, not both. Remove one of them in tasks.json.' };
  }
  if (entity !== undefined && known !== undefined && !known.includes(entity.trim())) {
    return { problem: `No ETL entity named ${entity} among the definitions. Known entities: ${known.join(', ') || '(none)'}.` };
  }
  return { request: { entities: entity === undefined ? [] : [entity.trim()], full: full === true, dryRun: dryRun === true } };
}

/** The task's name in the task picker: `dim_cliente`, `all active entities (full reload, dry run)`. */
export function etlTaskLabel(r: EtlTaskRequest): string {
  const what = r.entities.length === 0 ? 'all active entities' : r.entities.join(', ');
  const how = [r.full ? 'full reload' : undefined, r.dryRun ? 'dry run' : undefined].filter((x) => x !== undefined);
  return how.length === 0 ? what : `${what} (${how.join(', ')})`;
}

/** The definition fields for a request, as tasks.json would hold them. */
export function etlTaskFields(r: EtlTaskRequest): { entity?: string; all?: boolean; full?: boolean; dryRun?: boolean } {
  const [only, ...more] = r.entities;
  return {
    ...(only !== undefined && more.length === 0 ? { entity: only } : { all: true }),
    ...(r.full ? { full: true } : {}),
    ...(r.dryRun ? { dryRun: true } : {}),
  };
}
