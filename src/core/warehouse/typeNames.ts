import type { Dialect, SqlType } from '../engine/types';

/**
 * The type a contract column has in each dialect, as the scripts declare it (SQL Server) and as
 * PostgreSQL's format_type() reports it. Contract tests compare against these.
 */
export function declaredType(type: SqlType, dialect: Dialect): string {
  return dialect === 'sqlserver' ? sqlServerType(type) : postgresType(type);
}

function sqlServerType(type: SqlType): string {
  switch (type.kind) {
    case 'bigint': return 'BIGINT';
    case 'int': return 'INT';
    case 'smallint': return 'SMALLINT';
    case 'bool': return 'BIT';
    case 'date': return 'DATE';
    case 'timestamp': return `DATETIME2(${type.precision ?? 7})`;
    case 'decimal': return `DECIMAL(${type.precision},${type.scale})`;
    case 'text': return `NVARCHAR(${type.length ?? 'MAX'})`;
    case 'float': return 'FLOAT';
    case 'bytes': return 'VARBINARY(MAX)';
  }
}

function postgresType(type: SqlType): string {
  switch (type.kind) {
    case 'bigint': return 'bigint';
    case 'int': return 'integer';
    case 'smallint': return 'smallint';
    case 'bool': return 'boolean';
    case 'date': return 'date';
    case 'timestamp': return `timestamp(${type.precision ?? 6}) without time zone`;
    case 'decimal': return `numeric(${type.precision},${type.scale})`;
    case 'text': return type.length === undefined ? 'text' : `character varying(${type.length})`;
    case 'float': return 'double precision';
    case 'bytes': return 'bytea';
  }
}
