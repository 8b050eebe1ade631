-- Connection audit events table (audit.connection_login_events).

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
    CONSTRAINT pk_connection_login_events PRIMARY KEY (event_id)
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
