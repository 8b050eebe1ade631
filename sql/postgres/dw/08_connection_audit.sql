-- Connection audit: a snapshot procedure reading pg_stat_activity (client backends only), a
-- cleanup procedure deleting events older than N days, and the recent-events view (24 hours).
-- CREATE OR REPLACE keeps reruns harmless.

-- The snapshot takes the ETL run it belongs to and the run's stage (start, end, failure); both
-- are optional, so "Capture Snapshot Now" and existing callers (CALL ...()) work unchanged. The
-- argument-less procedure of warehouses bootstrapped before is dropped: CREATE OR REPLACE with
-- other arguments would add a second procedure beside it, not replace it.
DROP PROCEDURE IF EXISTS audit.usp_capture_connection_snapshot();

CREATE OR REPLACE PROCEDURE audit.usp_capture_connection_snapshot(p_run_id bigint DEFAULT NULL, p_stage varchar DEFAULT NULL)
LANGUAGE plpgsql AS $$
DECLARE
  v_count bigint;
BEGIN
  INSERT INTO audit.connection_login_events (session_id, login_name, host_name, program_name,
         database_name, status, login_time, net_transport, client_net_address, client_tcp_port,
         encrypt_option, auth_scheme, run_id, stage)
  SELECT a.pid,
         a.usename,
         a.client_hostname,
         nullif(a.application_name, ''),
         a.datname,
         a.state,
         a.backend_start AT TIME ZONE 'UTC',
         CASE WHEN a.client_addr IS NULL THEN 'Unix socket' ELSE 'TCP' END,
         host(a.client_addr),
         a.client_port,
         CASE WHEN s.ssl THEN 'TRUE' ELSE 'FALSE' END,
         CASE WHEN g.gss_authenticated THEN 'GSSAPI' END,
         p_run_id,
         p_stage
    FROM pg_stat_activity a
    LEFT JOIN pg_stat_ssl s ON s.pid = a.pid
    LEFT JOIN pg_stat_gssapi g ON g.pid = a.pid
   WHERE a.backend_type = 'client backend';
  GET DIAGNOSTICS v_count = ROW_COUNT;
  RAISE NOTICE 'Captured % sessions into audit.connection_login_events%.', v_count,
    CASE WHEN p_run_id IS NULL THEN '' ELSE format(' (run %s, %s)', p_run_id, coalesce(p_stage, 'no stage')) END;
END $$;

CREATE OR REPLACE PROCEDURE audit.usp_cleanup_connection_login_events(p_retention_days integer DEFAULT 30)
LANGUAGE plpgsql AS $$
DECLARE
  v_count bigint;
BEGIN
  IF p_retention_days IS NULL OR p_retention_days < 1 THEN
    RAISE EXCEPTION 'Retention must be at least 1 day (got %). Set CONNECTION_AUDIT_RETENTION_DAYS.', p_retention_days;
  END IF;
  DELETE FROM audit.connection_login_events
   WHERE captured_at < (now() AT TIME ZONE 'UTC') - make_interval(days => p_retention_days);
  GET DIAGNOSTICS v_count = ROW_COUNT;
  RAISE NOTICE 'Deleted % connection events older than % days.', v_count, p_retention_days;
END $$;

REVOKE ALL ON PROCEDURE audit.usp_capture_connection_snapshot(bigint, varchar) FROM PUBLIC;
REVOKE ALL ON PROCEDURE audit.usp_cleanup_connection_login_events(integer) FROM PUBLIC;

CREATE OR REPLACE VIEW audit.vw_connection_login_events_recent AS
SELECT event_id, captured_at, session_id, login_name, host_name, program_name, database_name,
       status, login_time, net_transport, client_net_address, client_tcp_port, encrypt_option,
       auth_scheme, run_id, stage
  FROM audit.connection_login_events
 WHERE captured_at >= (now() AT TIME ZONE 'UTC') - interval '24 hours';
