-- Connection audit: a snapshot procedure reading the session and connection DMVs (user
-- sessions only), a cleanup procedure deleting events older than N days, and the recent-events
-- view (24 hours). Each is dropped and created again, so reruns are harmless (Babelfish has no
-- CREATE OR ALTER).

USE DW_ECOMMERCE;
GO
IF OBJECT_ID(N'audit.usp_capture_connection_snapshot', N'P') IS NOT NULL DROP PROCEDURE audit.usp_capture_connection_snapshot;
GO
-- @run_id and @stage link the snapshot to an ETL run (audit.etl_run) and its stage (start, end,
-- failure); both are optional, so "Capture Snapshot Now" and existing callers work unchanged.
CREATE PROCEDURE audit.usp_capture_connection_snapshot
  @run_id BIGINT = NULL,
  @stage NVARCHAR(20) = NULL
AS
BEGIN
  SET NOCOUNT ON;
  INSERT INTO audit.connection_login_events (session_id, login_name, host_name, program_name,
         database_name, status, login_time, net_transport, client_net_address, client_tcp_port,
         encrypt_option, auth_scheme, run_id, stage)
  SELECT s.session_id,
         s.login_name,
         s.host_name,
         s.program_name,
         DB_NAME(s.database_id),
         s.status,
         CONVERT(DATETIME2(3), DATEADD(minute, DATEDIFF(minute, SYSDATETIME(), SYSUTCDATETIME()), s.login_time)), -- login_time is server-local
         c.net_transport,
         c.client_net_address,
         c.client_tcp_port,
         c.encrypt_option,
         c.auth_scheme,
         @run_id,
         @stage
    FROM sys.dm_exec_sessions AS s
    LEFT JOIN sys.dm_exec_connections AS c ON c.session_id = s.session_id
   WHERE s.is_user_process = 1;
  PRINT CONCAT(N'Captured ', @@ROWCOUNT, N' sessions into audit.connection_login_events.');
END;
GO
IF OBJECT_ID(N'audit.usp_cleanup_connection_login_events', N'P') IS NOT NULL DROP PROCEDURE audit.usp_cleanup_connection_login_events;
GO
CREATE PROCEDURE audit.usp_cleanup_connection_login_events
  @retention_days INT = 30
AS
BEGIN
  SET NOCOUNT ON;
  IF @retention_days IS NULL OR @retention_days < 1
    THROW 50002, N'Retention must be at least 1 day. Set CONNECTION_AUDIT_RETENTION_DAYS.', 1;
  DELETE FROM audit.connection_login_events
   WHERE captured_at < DATEADD(day, -@retention_days, SYSUTCDATETIME());
  PRINT CONCAT(N'Deleted ', @@ROWCOUNT, N' connection events older than ', @retention_days, N' days.');
END;
GO
IF OBJECT_ID(N'audit.vw_connection_login_events_recent', N'V') IS NOT NULL DROP VIEW audit.vw_connection_login_events_recent;
GO
CREATE VIEW audit.vw_connection_login_events_recent
AS
SELECT event_id, captured_at, session_id, login_name, host_name, program_name, database_name,
       status, login_time, net_transport, client_net_address, client_tcp_port, encrypt_option,
       auth_scheme, run_id, stage
  FROM audit.connection_login_events
 WHERE captured_at >= DATEADD(hour, -24, SYSUTCDATETIME());
GO
