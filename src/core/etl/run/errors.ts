/** Another run holds the entity's lock and this run was told not to wait (or waited long enough). */
export class EntityBusyError extends Error {
  readonly entity: string;
  constructor(entity: string, waitedMs: number) {
    super(
      `ETL entity ${entity} is being loaded by another run (lock dwb.etl.entity.${entity})`
        + (waitedMs > 0 ? ` and stayed busy for ${waitedMs} ms` : '')
        + '. Wait for that run to finish, or run again with --wait <seconds>.',
    );
    this.name = 'EntityBusyError';
    this.entity = entity;
  }
}

/** An entity was named that has no definition file. */
export class UnknownEntityError extends Error {
  readonly entity: string;
  constructor(entity: string, known: readonly string[], dir: string) {
    super(`No ETL entity named ${entity} in ${dir}. Known entities: ${known.join(', ') || '(none)'}.`);
    this.name = 'UnknownEntityError';
    this.entity = entity;
  }
}

/** The run was cancelled; committed batches stay, the current one was rolled back. */
export class EtlCancelledError extends Error {
  constructor(entity: string) {
    super(`ETL entity ${entity} was cancelled; the batches already committed are kept and the watermark matches them.`);
    this.name = 'EtlCancelledError';
  }
}
