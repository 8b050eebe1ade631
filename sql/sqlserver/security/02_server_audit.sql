-- SQL Server Audit of successful logins, failed logins and logouts, written as .sqlaudit files
-- to $(AUDIT_PATH) (the stack's audit volume, /var/opt/mssql/audit/). Created once; an
-- existing audit is left as is and switched on if it was off.
-- Server Audit is SQL Server only: Babelfish for PostgreSQL has no CREATE SERVER AUDIT (and
-- refuses the statement when it parses the batch, hence the dynamic SQL). There the connection
-- audit (audit.usp_capture_connection_snapshot) is the record of sessions.

USE master;
GO
IF SERVERPROPERTY('Babelfish') IS NOT NULL
  PRINT N'Server Audit skipped: it is SQL Server only (Babelfish has no CREATE SERVER AUDIT); the connection audit snapshot still records sessions.';
ELSE
BEGIN
  EXEC (N'
IF NOT EXISTS (SELECT 1 FROM sys.server_audits WHERE name = N''dwb_login_audit'')
BEGIN
  CREATE SERVER AUDIT dwb_login_audit
    TO FILE (FILEPATH = N''$(AUDIT_PATH)'', MAXSIZE = 100 MB, MAX_ROLLOVER_FILES = 20)
    WITH (QUEUE_DELAY = 1000, ON_FAILURE = CONTINUE);
  PRINT N''Created server audit dwb_login_audit.'';
END
ELSE
  PRINT N''Server audit dwb_login_audit already exists.'';');
  EXEC (N'
IF NOT EXISTS (SELECT 1 FROM sys.server_audit_specifications WHERE name = N''dwb_login_audit_spec'')
BEGIN
  CREATE SERVER AUDIT SPECIFICATION dwb_login_audit_spec
    FOR SERVER AUDIT dwb_login_audit
    ADD (SUCCESSFUL_LOGIN_GROUP),
    ADD (FAILED_LOGIN_GROUP),
    ADD (LOGOUT_GROUP)
    WITH (STATE = ON);
  PRINT N''Created server audit specification dwb_login_audit_spec.'';
END
ELSE
  PRINT N''Server audit specification dwb_login_audit_spec already exists.'';');
  EXEC (N'
IF EXISTS (SELECT 1 FROM sys.server_audits WHERE name = N''dwb_login_audit'' AND is_state_enabled = 0)
BEGIN
  ALTER SERVER AUDIT dwb_login_audit WITH (STATE = ON);
  PRINT N''Switched server audit dwb_login_audit on.'';
END');
END
GO
