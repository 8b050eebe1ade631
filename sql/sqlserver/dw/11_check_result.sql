-- Warehouse check results (ctl.check_result): the latest result of each check (`dwb check`,
-- "DW: Check Warehouse", the dw-check task, the monitor's "Run Checks"), one row per check with
-- its value, its first offending keys (JSON) and where it is declared (relative to the project's
-- folder). The ETL monitor reads it, so VS Code and the CLI show what the last run found.

SET NOCOUNT ON;
GO
USE DW_ECOMMERCE;
GO

IF OBJECT_ID(N'ctl.check_result', N'U') IS NULL
BEGIN
  CREATE TABLE ctl.check_result (
    check_name NVARCHAR(200) NOT NULL,
    family NVARCHAR(20) NOT NULL,
    category NVARCHAR(40) NOT NULL,
    severity NVARCHAR(20) NOT NULL,
    ok BIT NOT NULL,
    check_value BIGINT NULL,
    expected NVARCHAR(40) NOT NULL,
    description NVARCHAR(1000) NOT NULL,
    target_object NVARCHAR(256) NULL,
    offending NVARCHAR(MAX) NULL,
    location_file NVARCHAR(1000) NULL,
    location_line INT NULL,
    location_column INT NULL,
    error_message NVARCHAR(MAX) NULL,
    duration_ms INT NOT NULL CONSTRAINT df_check_result_duration_ms DEFAULT 0,
    checked_at DATETIME2(3) NOT NULL,
    checked_by NVARCHAR(128) NOT NULL,
    CONSTRAINT pk_check_result PRIMARY KEY (check_name),
    CONSTRAINT ck_check_result_family CHECK (family IN (N'fk_orphans', N'duplicate_keys', N'coverage', N'custom', N'scope')),
    CONSTRAINT ck_check_result_severity CHECK (severity IN (N'error', N'warning', N'info'))
  );
  PRINT N'Created table ctl.check_result.';
END
ELSE
  PRINT N'Table ctl.check_result already exists.';
GO
