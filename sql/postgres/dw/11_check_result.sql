-- Warehouse check results (ctl.check_result): the latest result of each check (`dwb check`,
-- "DW: Check Warehouse", the dw-check task, the monitor's "Run Checks"), one row per check with
-- its value, its first offending keys (JSON) and where it is declared (relative to the project's
-- folder). The ETL monitor reads it, so VS Code and the CLI show what the last run found.

DO $$
BEGIN
  IF to_regclass('ctl.check_result') IS NULL THEN
    CREATE TABLE ctl.check_result (
      check_name varchar(200) NOT NULL,
      family varchar(20) NOT NULL,
      category varchar(40) NOT NULL,
      severity varchar(20) NOT NULL,
      ok boolean NOT NULL,
      check_value bigint NULL,
      expected varchar(40) NOT NULL,
      description varchar(1000) NOT NULL,
      target_object varchar(256) NULL,
      offending text NULL,
      location_file varchar(1000) NULL,
      location_line integer NULL,
      location_column integer NULL,
      error_message text NULL,
      duration_ms integer NOT NULL DEFAULT 0,
      checked_at timestamp(3) NOT NULL,
      checked_by varchar(128) NOT NULL,
      CONSTRAINT pk_check_result PRIMARY KEY (check_name),
      CONSTRAINT ck_check_result_family CHECK (family IN ('fk_orphans', 'duplicate_keys', 'coverage', 'custom', 'scope')),
      CONSTRAINT ck_check_result_severity CHECK (severity IN ('error', 'warning', 'info'))
    );
    RAISE NOTICE 'Created table ctl.check_result.';
  ELSE
    RAISE NOTICE 'Table ctl.check_result already exists.';
  END IF;
END $$;
