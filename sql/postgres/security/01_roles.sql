-- Technical roles with least privilege (DOMAIN.md). Passwords come from the psql variables
-- ETL_MONITOR_PASSWORD and ETL_BACKUP_PASSWORD, supplied at bootstrap time; they pass through
-- session settings that are reset at the end, and are never written in this file.
-- An existing role keeps its password (rotate it with ALTER ROLE). Grants are re-applied: a
-- repeated GRANT changes nothing. Roles are cluster-wide; grants belong to this database.
-- PGlite has a single user and no logins: the bootstrap skips this folder there.

SET dwb.etl_monitor_password = :'ETL_MONITOR_PASSWORD';
SET dwb.etl_backup_password = :'ETL_BACKUP_PASSWORD';

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'etl_monitor') THEN
    EXECUTE format('CREATE ROLE etl_monitor LOGIN PASSWORD %L', current_setting('dwb.etl_monitor_password'));
    RAISE NOTICE 'Created login role etl_monitor.';
  ELSE
    RAISE NOTICE 'Role etl_monitor already exists (password left unchanged).';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'etl_backup') THEN
    EXECUTE format('CREATE ROLE etl_backup LOGIN PASSWORD %L', current_setting('dwb.etl_backup_password'));
    RAISE NOTICE 'Created login role etl_backup.';
  ELSE
    RAISE NOTICE 'Role etl_backup already exists (password left unchanged).';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bi_reader') THEN
    CREATE ROLE bi_reader NOLOGIN;
    RAISE NOTICE 'Created role bi_reader (grant it to dashboard logins).';
  ELSE
    RAISE NOTICE 'Role bi_reader already exists.';
  END IF;
END $$;

RESET dwb.etl_monitor_password;
RESET dwb.etl_backup_password;

-- etl_monitor: reads ctl, audit, dim and core; writes ctl, audit and the dimension it loads;
-- runs the two connection-audit procedures; sees every session (VIEW SERVER STATE).
GRANT USAGE ON SCHEMA core, dim, ctl, audit TO etl_monitor;
GRANT SELECT ON ALL TABLES IN SCHEMA core, dim, ctl, audit TO etl_monitor;
GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ctl, audit TO etl_monitor;
GRANT INSERT, UPDATE, DELETE ON dim.dim_cliente TO etl_monitor;
GRANT EXECUTE ON PROCEDURE audit.usp_capture_connection_snapshot(bigint, varchar) TO etl_monitor;
GRANT EXECUTE ON PROCEDURE audit.usp_cleanup_connection_login_events(integer) TO etl_monitor;
GRANT pg_read_all_stats TO etl_monitor;

-- etl_backup: what db_backupoperator gives on SQL Server, i.e. enough for pg_dump: read all data.
GRANT pg_read_all_data TO etl_backup;

-- bi_reader: SELECT on the consumption views only.
GRANT USAGE ON SCHEMA bi TO bi_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA bi TO bi_reader;
