-- Alert state (ctl.alert_state): one row per alert (entity|rule) the alerts opened, open or
-- resolved, with when it was last delivered (the cooldown) and the last delivery error. VS Code,
-- `dwb alerts` and `dwb watch` all read and write it, so they agree and deliver an alert once.

DO $$
BEGIN
  IF to_regclass('ctl.alert_state') IS NULL THEN
    CREATE TABLE ctl.alert_state (
      alert_key varchar(200) NOT NULL,
      entity_name varchar(100) NOT NULL,
      rule_name varchar(40) NOT NULL,
      status varchar(20) NOT NULL DEFAULT 'open',
      severity varchar(20) NOT NULL,
      title varchar(200) NOT NULL,
      detail varchar(1000) NULL,
      opened_at timestamp(3) NOT NULL,
      last_seen_at timestamp(3) NOT NULL,
      last_sent_at timestamp(3) NULL,
      resolved_at timestamp(3) NULL,
      delivery_error varchar(1000) NULL,
      updated_at timestamp(3) NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'),
      CONSTRAINT pk_alert_state PRIMARY KEY (alert_key),
      CONSTRAINT ck_alert_state_status CHECK (status IN ('open', 'resolved'))
    );
    RAISE NOTICE 'Created table ctl.alert_state.';
  ELSE
    RAISE NOTICE 'Table ctl.alert_state already exists.';
  END IF;
END $$;
