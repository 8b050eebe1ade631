-- Technical roles with least privilege (DOMAIN.md). Passwords come from the psql variables
-- ETL_MONITOR_PASSWORD and ETL_BACKUP_PASSWORD, supplied at bootstrap time; they pass through
-- session settings that are reset at the end, and are never written in this file.
-- An existing role keeps its password (rotate it with ALTER ROLE). Grants are re-applied: a
-- repeated GRANT changes nothing. Roles are cluster-wide; grants belong to this database.
-- PGlite has a single user and no logins: the bootstrap skips this folder there.

SET dwb.etl_monitor_password = :'ETL_MONITOR_PASSWORD';
SET dwb.etl_backup_password = :'ETL_BACKUP_PASSWORD';

-- Two bootstraps of different databases on one cluster may create the same role at once: the
-- one that loses the race sees the role as existing (duplicate_object, or unique_violation while
-- the other's CREATE ROLE commits) and goes on as if it had been there.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'etl_monitor') THEN
    BEGIN
      EXECUTE format('CREATE ROLE etl_monitor LOGIN PASSWORD %L', current_setting('dwb.etl_monitor_password'));
      RAISE NOTICE 'Created login role etl_monitor.';
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      RAISE NOTICE 'Role etl_monitor was created meanwhile by another session (password left unchanged).';
    END;
  ELSE
    RAISE NOTICE 'Role etl_monitor already exists (password left unchanged).';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'etl_backup') THEN
    BEGIN
      EXECUTE format('CREATE ROLE etl_backup LOGIN PASSWORD %L', current_setting('dwb.etl_backup_password'));
      RAISE NOTICE 'Created login role etl_backup.';
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      RAISE NOTICE 'Role etl_backup was created meanwhile by another session (password left unchanged).';
    END;
  ELSE
    RAISE NOTICE 'Role etl_backup already exists (password left unchanged).';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bi_reader') THEN
    BEGIN
      CREATE ROLE bi_reader NOLOGIN;
      RAISE NOTICE 'Created role bi_reader (grant it to dashboard logins).';
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      RAISE NOTICE 'Role bi_reader was created meanwhile by another session.';
    END;
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

-- etl_monitor sees every session (pg_read_all_stats); etl_backup gets what db_backupoperator gives
-- on SQL Server, i.e. enough for pg_dump: read all data (pg_read_all_data). Memberships are
-- cluster-wide like the roles: granted when missing (a concurrent bootstrap may have granted one).
DO $$
DECLARE
  m record;
BEGIN
  FOR m IN SELECT * FROM (VALUES ('etl_monitor', 'pg_read_all_stats'), ('etl_backup', 'pg_read_all_data')) AS v(member, role) LOOP
    IF NOT pg_has_role(m.member, m.role, 'MEMBER') THEN
      BEGIN
        EXECUTE format('GRANT %I TO %I', m.role, m.member);
      EXCEPTION WHEN unique_violation OR duplicate_object THEN NULL;
      END;
    END IF;
  END LOOP;
END $$;

-- bi_reader: SELECT on the consumption views only.
GRANT USAGE ON SCHEMA bi TO bi_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA bi TO bi_reader;
