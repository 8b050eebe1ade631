-- Technical logins with least privilege (DOMAIN.md). Passwords are the sqlcmd variables
-- $(ETL_MONITOR_PASSWORD) and $(ETL_BACKUP_PASSWORD), supplied at bootstrap time and never
-- written here. An existing login keeps its password (rotate it with ALTER LOGIN). Grants are
-- re-applied: a repeated GRANT changes nothing.

USE master;
GO
IF SUSER_ID(N'etl_monitor') IS NULL
BEGIN
  CREATE LOGIN etl_monitor WITH PASSWORD = N'$(ETL_MONITOR_PASSWORD)', CHECK_POLICY = ON, DEFAULT_DATABASE = DW_ECOMMERCE;
  PRINT N'Created login etl_monitor.';
END
ELSE
  PRINT N'Login etl_monitor already exists (password left unchanged).';
IF SUSER_ID(N'etl_backup') IS NULL
BEGIN
  CREATE LOGIN etl_backup WITH PASSWORD = N'$(ETL_BACKUP_PASSWORD)', CHECK_POLICY = ON, DEFAULT_DATABASE = DW_ECOMMERCE;
  PRINT N'Created login etl_backup.';
END
ELSE
  PRINT N'Login etl_backup already exists (password left unchanged).';
GO
-- VIEW SERVER STATE (the DMVs of the connection audit) is a server permission that Babelfish
-- for PostgreSQL cannot grant; there a login sees its own sessions only. Dynamic SQL: Babelfish
-- refuses the statement when it parses the batch, even on a branch that does not run.
IF SERVERPROPERTY('Babelfish') IS NULL
  EXEC (N'GRANT VIEW SERVER STATE TO etl_monitor;');
ELSE
  PRINT N'GRANT VIEW SERVER STATE skipped: it is SQL Server only (Babelfish has no server permissions).';
GO

USE ECOMMERCE_OLTP;
GO
IF DATABASE_PRINCIPAL_ID(N'etl_monitor') IS NULL
BEGIN
  CREATE USER etl_monitor FOR LOGIN etl_monitor;
  PRINT N'Created user etl_monitor in ECOMMERCE_OLTP.';
END
ELSE
  PRINT N'User etl_monitor already exists in ECOMMERCE_OLTP.';
IF DATABASE_PRINCIPAL_ID(N'etl_backup') IS NULL
BEGIN
  CREATE USER etl_backup FOR LOGIN etl_backup;
  PRINT N'Created user etl_backup in ECOMMERCE_OLTP.';
END
ELSE
  PRINT N'User etl_backup already exists in ECOMMERCE_OLTP.';
GO
GRANT SELECT ON SCHEMA::core TO etl_monitor;
GO
-- etl_backup: db_backupoperator here, nothing else. BACKUP DATABASE and the db_backupoperator
-- role are SQL Server only: Babelfish for PostgreSQL has neither.
IF SERVERPROPERTY('Babelfish') IS NULL
  EXEC (N'ALTER ROLE db_backupoperator ADD MEMBER etl_backup;');
ELSE
  PRINT CONCAT(N'db_backupoperator for etl_backup in ', DB_NAME(), N' skipped: backups are SQL Server only (Babelfish has no BACKUP DATABASE).');
GO


USE DW_ECOMMERCE;
GO
IF DATABASE_PRINCIPAL_ID(N'etl_monitor') IS NULL
BEGIN
  CREATE USER etl_monitor FOR LOGIN etl_monitor;
  PRINT N'Created user etl_monitor in DW_ECOMMERCE.';
END
ELSE
  PRINT N'User etl_monitor already exists in DW_ECOMMERCE.';
IF DATABASE_PRINCIPAL_ID(N'etl_backup') IS NULL
BEGIN
  CREATE USER etl_backup FOR LOGIN etl_backup;
  PRINT N'Created user etl_backup in DW_ECOMMERCE.';
END
ELSE
  PRINT N'User etl_backup already exists in DW_ECOMMERCE.';
IF DATABASE_PRINCIPAL_ID(N'bi_reader') IS NULL
BEGIN
  CREATE ROLE bi_reader;
  PRINT N'Created role bi_reader (add dashboard users to it).';
END
ELSE
  PRINT N'Role bi_reader already exists.';
GO
-- etl_monitor: reads ctl, audit, dim; writes ctl, audit and the dimension it loads; runs the
-- two connection-audit procedures.
GRANT SELECT ON SCHEMA::ctl TO etl_monitor;
GRANT SELECT ON SCHEMA::audit TO etl_monitor;
GRANT SELECT ON SCHEMA::dim TO etl_monitor;
GRANT INSERT, UPDATE, DELETE ON SCHEMA::ctl TO etl_monitor;
GRANT INSERT, UPDATE, DELETE ON SCHEMA::audit TO etl_monitor;
GRANT INSERT, UPDATE, DELETE ON OBJECT::dim.DIM_CLIENTE TO etl_monitor;
GRANT EXECUTE ON OBJECT::audit.usp_capture_connection_snapshot TO etl_monitor;
GRANT EXECUTE ON OBJECT::audit.usp_cleanup_connection_login_events TO etl_monitor;
-- bi_reader: SELECT on the consumption views only.
GRANT SELECT ON SCHEMA::bi TO bi_reader;
GO
-- etl_backup: db_backupoperator here, nothing else. BACKUP DATABASE and the db_backupoperator
-- role are SQL Server only: Babelfish for PostgreSQL has neither.
IF SERVERPROPERTY('Babelfish') IS NULL
  EXEC (N'ALTER ROLE db_backupoperator ADD MEMBER etl_backup;');
ELSE
  PRINT CONCAT(N'db_backupoperator for etl_backup in ', DB_NAME(), N' skipped: backups are SQL Server only (Babelfish has no BACKUP DATABASE).');
GO
