-- Connection audit events table (audit.connection_login_events). run_id and stage link a snapshot
-- the ETL takes to its run (audit.etl_run): at its start, its end, or its failure.

SET NOCOUNT ON;
GO
USE DW_ECOMMERCE;
GO

IF OBJECT_ID(N'audit.connection_login_events', N'U') IS NULL
BEGIN
  CREATE TABLE audit.connection_login_events (
    event_id BIGINT IDENTITY(1,1) NOT NULL,
    captured_at DATETIME2(3) NOT NULL CONSTRAINT df_connection_login_events_captured_at DEFAULT SYSUTCDATETIME(),
    session_id INT NOT NULL,
    login_name NVARCHAR(128) NULL,
    host_name NVARCHAR(128) NULL,
    program_name NVARCHAR(256) NULL,
    database_name NVARCHAR(128) NULL,
    status NVARCHAR(30) NULL,
    login_time DATETIME2(3) NULL,
    net_transport NVARCHAR(40) NULL,
    client_net_address NVARCHAR(48) NULL,
    client_tcp_port INT NULL,
    encrypt_option NVARCHAR(40) NULL,
    auth_scheme NVARCHAR(40) NULL,
    run_id BIGINT NULL,
    stage NVARCHAR(20) NULL,
    CONSTRAINT pk_connection_login_events PRIMARY KEY (event_id),
    CONSTRAINT ck_connection_login_events_stage CHECK (stage IN (N'start', N'end', N'failure'))
  );
  PRINT N'Created table audit.connection_login_events.';
END
ELSE
  PRINT N'Table audit.connection_login_events already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'audit.connection_login_events') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 1
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'captured_at')
BEGIN
  CREATE INDEX ix_connection_login_events_captured_at ON audit.connection_login_events (captured_at);
  PRINT N'Created index ix_connection_login_events_captured_at.';
END
ELSE
  PRINT N'Index ix_connection_login_events_captured_at already exists.';
GO

-- Warehouses bootstrapped before snapshots were linked to ETL runs: the two columns and the
-- stage check are added in place (at the table's end, as CREATE TABLE puts them), each in its own
-- batch (a batch cannot use a column it adds). A rerun finds them and leaves them.
IF NOT EXISTS (SELECT 1 FROM sys.columns WHERE object_id = OBJECT_ID(N'audit.connection_login_events') AND name = N'run_id')
BEGIN
  ALTER TABLE audit.connection_login_events ADD run_id BIGINT NULL;
  PRINT N'Added column audit.connection_login_events.run_id.';
END
GO

IF NOT EXISTS (SELECT 1 FROM sys.columns WHERE object_id = OBJECT_ID(N'audit.connection_login_events') AND name = N'stage')
BEGIN
  ALTER TABLE audit.connection_login_events ADD stage NVARCHAR(20) NULL;
  PRINT N'Added column audit.connection_login_events.stage.';
END
GO

IF NOT EXISTS (SELECT 1 FROM sys.check_constraints WHERE name = N'ck_connection_login_events_stage' AND parent_object_id = OBJECT_ID(N'audit.connection_login_events'))
BEGIN
  ALTER TABLE audit.connection_login_events ADD CONSTRAINT ck_connection_login_events_stage CHECK (stage IN (N'start', N'end', N'failure'));
  PRINT N'Added constraint ck_connection_login_events_stage.';
END
GO
