-- Alert state (ctl.alert_state): one row per alert (entity|rule) the alerts opened, open or
-- resolved, with when it was last delivered (the cooldown) and the last delivery error. VS Code,
-- `dwb alerts` and `dwb watch` all read and write it, so they agree and deliver an alert once.

SET NOCOUNT ON;
GO
USE DW_ECOMMERCE;
GO

IF OBJECT_ID(N'ctl.alert_state', N'U') IS NULL
BEGIN
  CREATE TABLE ctl.alert_state (
    alert_key NVARCHAR(200) NOT NULL,
    entity_name NVARCHAR(100) NOT NULL,
    rule_name NVARCHAR(40) NOT NULL,
    status NVARCHAR(20) NOT NULL CONSTRAINT df_alert_state_status DEFAULT N'open',
    severity NVARCHAR(20) NOT NULL,
    title NVARCHAR(200) NOT NULL,
    detail NVARCHAR(1000) NULL,
    opened_at DATETIME2(3) NOT NULL,
    last_seen_at DATETIME2(3) NOT NULL,
    last_sent_at DATETIME2(3) NULL,
    resolved_at DATETIME2(3) NULL,
    delivery_error NVARCHAR(1000) NULL,
    updated_at DATETIME2(3) NOT NULL CONSTRAINT df_alert_state_updated_at DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_alert_state PRIMARY KEY (alert_key),
    CONSTRAINT ck_alert_state_status CHECK (status IN (N'open', N'resolved'))
  );
  PRINT N'Created table ctl.alert_state.';
END
ELSE
  PRINT N'Table ctl.alert_state already exists.';
GO
