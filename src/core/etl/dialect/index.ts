import type { Dialect } from '../../engine/types';
import { postgresEtl } from './postgres';
import { sqlserverEtl } from './sqlserver';
import type { EtlDialect } from './types';

const DIALECTS: Readonly<Record<Dialect, EtlDialect>> = { postgres: postgresEtl, sqlserver: sqlserverEtl };

export function etlDialect(dialect: Dialect): EtlDialect {
  return DIALECTS[dialect];
}
