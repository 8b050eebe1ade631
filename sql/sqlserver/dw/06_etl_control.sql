-- ETL control (ctl.etl_control, ctl.etl_trigger_watermark, ctl.etl_unresolved) and run audit (audit.etl_run, audit.etl_run_entity, audit.etl_reject).
-- Registers the nine ETL entities once; only dim_cliente is active by default. A rerun leaves
-- existing rows (watermarks, is_active) untouched.

SET NOCOUNT ON;
GO
USE DW_ECOMMERCE;
GO

IF OBJECT_ID(N'ctl.etl_control', N'U') IS NULL
BEGIN
  CREATE TABLE ctl.etl_control (
    entity_name NVARCHAR(100) NOT NULL,
    source_table NVARCHAR(256) NOT NULL,
    target_table NVARCHAR(256) NOT NULL,
    source_pk_column NVARCHAR(128) NOT NULL,
    watermark_updated_at DATETIME2(0) NOT NULL CONSTRAINT df_etl_control_watermark_updated_at DEFAULT N'1900-01-01',
    watermark_id BIGINT NOT NULL CONSTRAINT df_etl_control_watermark_id DEFAULT 0,
    cutoff_minutes INT NOT NULL CONSTRAINT df_etl_control_cutoff_minutes DEFAULT 2,
    batch_size INT NOT NULL CONSTRAINT df_etl_control_batch_size DEFAULT 1000,
    is_active BIT NOT NULL CONSTRAINT df_etl_control_is_active DEFAULT 0,
    last_run_id BIGINT NULL,
    last_status NVARCHAR(20) NULL,
    last_success_at DATETIME2(3) NULL,
    created_at DATETIME2(3) NOT NULL CONSTRAINT df_etl_control_created_at DEFAULT SYSUTCDATETIME(),
    updated_at DATETIME2(3) NOT NULL CONSTRAINT df_etl_control_updated_at DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_etl_control PRIMARY KEY (entity_name),
    CONSTRAINT ck_etl_control_cutoff_minutes CHECK (cutoff_minutes BETWEEN 0 AND 1440),
    CONSTRAINT ck_etl_control_batch_size CHECK (batch_size BETWEEN 1 AND 100000),
    CONSTRAINT ck_etl_control_last_status CHECK (last_status IN (N'success', N'failed', N'partial', N'cancelled'))
  );
  PRINT N'Created table ctl.etl_control.';
END
ELSE
  PRINT N'Table ctl.etl_control already exists.';
GO

IF OBJECT_ID(N'audit.etl_run', N'U') IS NULL
BEGIN
  CREATE TABLE audit.etl_run (
    run_id BIGINT IDENTITY(1,1) NOT NULL,
    entities_requested NVARCHAR(1000) NOT NULL,
    started_by NVARCHAR(128) NOT NULL,
    started_at DATETIME2(3) NOT NULL CONSTRAINT df_etl_run_started_at DEFAULT SYSUTCDATETIME(),
    finished_at DATETIME2(3) NULL,
    status NVARCHAR(20) NOT NULL CONSTRAINT df_etl_run_status DEFAULT N'running',
    entities_succeeded INT NOT NULL CONSTRAINT df_etl_run_entities_succeeded DEFAULT 0,
    entities_failed INT NOT NULL CONSTRAINT df_etl_run_entities_failed DEFAULT 0,
    error_message NVARCHAR(MAX) NULL,
    CONSTRAINT pk_etl_run PRIMARY KEY (run_id),
    CONSTRAINT ck_etl_run_status CHECK (status IN (N'running', N'success', N'failed', N'partial', N'cancelled')),
    CONSTRAINT ck_etl_run_entities_succeeded CHECK (entities_succeeded >= 0),
    CONSTRAINT ck_etl_run_entities_failed CHECK (entities_failed >= 0)
  );
  PRINT N'Created table audit.etl_run.';
END
ELSE
  PRINT N'Table audit.etl_run already exists.';
GO

IF OBJECT_ID(N'audit.etl_run_entity', N'U') IS NULL
BEGIN
  CREATE TABLE audit.etl_run_entity (
    run_entity_id BIGINT IDENTITY(1,1) NOT NULL,
    run_id BIGINT NOT NULL,
    entity_name NVARCHAR(100) NOT NULL,
    status NVARCHAR(20) NOT NULL CONSTRAINT df_etl_run_entity_status DEFAULT N'running',
    extracted_count BIGINT NOT NULL CONSTRAINT df_etl_run_entity_extracted_count DEFAULT 0,
    upserted_count BIGINT NOT NULL CONSTRAINT df_etl_run_entity_upserted_count DEFAULT 0,
    soft_deleted_count BIGINT NOT NULL CONSTRAINT df_etl_run_entity_soft_deleted_count DEFAULT 0,
    watermark_from_updated_at DATETIME2(0) NULL,
    watermark_from_id BIGINT NULL,
    watermark_to_updated_at DATETIME2(0) NULL,
    watermark_to_id BIGINT NULL,
    error_message NVARCHAR(MAX) NULL,
    started_at DATETIME2(3) NOT NULL CONSTRAINT df_etl_run_entity_started_at DEFAULT SYSUTCDATETIME(),
    finished_at DATETIME2(3) NULL,
    CONSTRAINT pk_etl_run_entity PRIMARY KEY (run_entity_id),
    CONSTRAINT uq_etl_run_entity_run_id_entity_name UNIQUE (run_id, entity_name),
    CONSTRAINT fk_etl_run_entity_run_id FOREIGN KEY (run_id) REFERENCES audit.etl_run (run_id),
    CONSTRAINT ck_etl_run_entity_status CHECK (status IN (N'running', N'success', N'failed', N'partial', N'cancelled')),
    CONSTRAINT ck_etl_run_entity_extracted_count CHECK (extracted_count >= 0),
    CONSTRAINT ck_etl_run_entity_upserted_count CHECK (upserted_count >= 0),
    CONSTRAINT ck_etl_run_entity_soft_deleted_count CHECK (soft_deleted_count >= 0)
  );
  PRINT N'Created table audit.etl_run_entity.';
END
ELSE
  PRINT N'Table audit.etl_run_entity already exists.';
GO

-- Warehouses bootstrapped before runs could end 'cancelled' (a user's cancel): the three status
-- checks are (re)made with the widened list. They are dropped and made again on every run rather
-- than compared first: Babelfish cannot read a check constraint's definition (sys.check_constraints,
-- OBJECT_DEFINITION and INFORMATION_SCHEMA fail on it), and re-making a check on these small
-- tables costs nothing; a rerun leaves the same constraints.
IF EXISTS (SELECT 1 FROM sys.check_constraints WHERE name = N'ck_etl_control_last_status' AND parent_object_id = OBJECT_ID(N'ctl.etl_control'))
  ALTER TABLE ctl.etl_control DROP CONSTRAINT ck_etl_control_last_status;
ALTER TABLE ctl.etl_control ADD CONSTRAINT ck_etl_control_last_status CHECK (last_status IN (N'success', N'failed', N'partial', N'cancelled'));
PRINT N'Constraint ck_etl_control_last_status allows cancelled.';
GO

IF EXISTS (SELECT 1 FROM sys.check_constraints WHERE name = N'ck_etl_run_status' AND parent_object_id = OBJECT_ID(N'audit.etl_run'))
  ALTER TABLE audit.etl_run DROP CONSTRAINT ck_etl_run_status;
ALTER TABLE audit.etl_run ADD CONSTRAINT ck_etl_run_status CHECK (status IN (N'running', N'success', N'failed', N'partial', N'cancelled'));
PRINT N'Constraint ck_etl_run_status allows cancelled.';
GO

IF EXISTS (SELECT 1 FROM sys.check_constraints WHERE name = N'ck_etl_run_entity_status' AND parent_object_id = OBJECT_ID(N'audit.etl_run_entity'))
  ALTER TABLE audit.etl_run_entity DROP CONSTRAINT ck_etl_run_entity_status;
ALTER TABLE audit.etl_run_entity ADD CONSTRAINT ck_etl_run_entity_status CHECK (status IN (N'running', N'success', N'failed', N'partial', N'cancelled'));
PRINT N'Constraint ck_etl_run_entity_status allows cancelled.';
GO

IF OBJECT_ID(N'audit.etl_reject', N'U') IS NULL
BEGIN
  CREATE TABLE audit.etl_reject (
    reject_id BIGINT IDENTITY(1,1) NOT NULL,
    run_id BIGINT NOT NULL,
    entity_name NVARCHAR(100) NOT NULL,
    source_key NVARCHAR(100) NOT NULL,
    column_name NVARCHAR(128) NULL,
    rule_name NVARCHAR(100) NULL,
    reason NVARCHAR(1000) NOT NULL,
    rejected_at DATETIME2(3) NOT NULL CONSTRAINT df_etl_reject_rejected_at DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_etl_reject PRIMARY KEY (reject_id),
    CONSTRAINT fk_etl_reject_run_id FOREIGN KEY (run_id) REFERENCES audit.etl_run (run_id)
  );
  PRINT N'Created table audit.etl_reject.';
END
ELSE
  PRINT N'Table audit.etl_reject already exists.';
GO

-- One watermark per trigger of an entity (a change stream of another source table that re-triggers
-- the entity's rows: a customer's orders and items). The ETL also creates it when missing.
IF OBJECT_ID(N'ctl.etl_trigger_watermark', N'U') IS NULL
BEGIN
  CREATE TABLE ctl.etl_trigger_watermark (
    trigger_watermark_id BIGINT IDENTITY(1,1) NOT NULL,
    entity_name NVARCHAR(100) NOT NULL,
    trigger_name NVARCHAR(100) NOT NULL,
    source_table NVARCHAR(256) NOT NULL,
    watermark_updated_at DATETIME2(0) NOT NULL CONSTRAINT df_etl_trigger_watermark_watermark_updated_at DEFAULT N'1900-01-01',
    watermark_id BIGINT NOT NULL CONSTRAINT df_etl_trigger_watermark_watermark_id DEFAULT 0,
    updated_at DATETIME2(3) NOT NULL CONSTRAINT df_etl_trigger_watermark_updated_at DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_etl_trigger_watermark PRIMARY KEY (trigger_watermark_id),
    CONSTRAINT uq_etl_trigger_watermark_entity_name_trigger_name UNIQUE (entity_name, trigger_name)
  );
  PRINT N'Created table ctl.etl_trigger_watermark.';
END
ELSE
  PRINT N'Table ctl.etl_trigger_watermark already exists.';
GO

-- Rows a batch had to point at the unknown member (-1) although the source named a member not
-- loaded yet: each later run re-resolves them once the member arrives. The ETL also creates it when missing.
IF OBJECT_ID(N'ctl.etl_unresolved', N'U') IS NULL
BEGIN
  CREATE TABLE ctl.etl_unresolved (
    unresolved_id BIGINT IDENTITY(1,1) NOT NULL,
    entity_name NVARCHAR(100) NOT NULL,
    target_column NVARCHAR(128) NOT NULL,
    row_key BIGINT NOT NULL,
    member_key NVARCHAR(40) NOT NULL,
    noted_at DATETIME2(3) NOT NULL CONSTRAINT df_etl_unresolved_noted_at DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_etl_unresolved PRIMARY KEY (unresolved_id),
    CONSTRAINT uq_etl_unresolved_entity_name_row_key_target_column UNIQUE (entity_name, row_key, target_column)
  );
  PRINT N'Created table ctl.etl_unresolved.';
END
ELSE
  PRINT N'Table ctl.etl_unresolved already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'audit.etl_run_entity') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 2
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'entity_name'
     AND MAX(CASE WHEN c.key_ordinal = 2 THEN COL_NAME(c.object_id, c.column_id) END) = N'started_at')
BEGIN
  CREATE INDEX ix_etl_run_entity_entity_name_started_at ON audit.etl_run_entity (entity_name, started_at);
  PRINT N'Created index ix_etl_run_entity_entity_name_started_at.';
END
ELSE
  PRINT N'Index ix_etl_run_entity_entity_name_started_at already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'audit.etl_run') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 1
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'started_at')
BEGIN
  CREATE INDEX ix_etl_run_started_at ON audit.etl_run (started_at);
  PRINT N'Created index ix_etl_run_started_at.';
END
ELSE
  PRINT N'Index ix_etl_run_started_at already exists.';
GO

IF NOT EXISTS (SELECT 1 FROM ctl.etl_control WHERE entity_name = N'dim_cliente')
BEGIN
  INSERT INTO ctl.etl_control (entity_name, source_table, target_table, source_pk_column, is_active)
  VALUES (N'dim_cliente', N'core.customers', N'dim.DIM_CLIENTE', N'customer_id', 1);
  PRINT N'Registered ETL entity dim_cliente.';
END
ELSE
  PRINT N'ETL entity dim_cliente already registered (left as is).';
GO

IF NOT EXISTS (SELECT 1 FROM ctl.etl_control WHERE entity_name = N'dim_produto')
BEGIN
  INSERT INTO ctl.etl_control (entity_name, source_table, target_table, source_pk_column, is_active)
  VALUES (N'dim_produto', N'core.products', N'dim.DIM_PRODUTO', N'product_id', 0);
  PRINT N'Registered ETL entity dim_produto.';
END
ELSE
  PRINT N'ETL entity dim_produto already registered (left as is).';
GO

IF NOT EXISTS (SELECT 1 FROM ctl.etl_control WHERE entity_name = N'dim_regiao')
BEGIN
  INSERT INTO ctl.etl_control (entity_name, source_table, target_table, source_pk_column, is_active)
  VALUES (N'dim_regiao', N'core.regions', N'dim.DIM_REGIAO', N'region_id', 0);
  PRINT N'Registered ETL entity dim_regiao.';
END
ELSE
  PRINT N'ETL entity dim_regiao already registered (left as is).';
GO

IF NOT EXISTS (SELECT 1 FROM ctl.etl_control WHERE entity_name = N'dim_equipe')
BEGIN
  INSERT INTO ctl.etl_control (entity_name, source_table, target_table, source_pk_column, is_active)
  VALUES (N'dim_equipe', N'core.teams', N'dim.DIM_EQUIPE', N'team_id', 0);
  PRINT N'Registered ETL entity dim_equipe.';
END
ELSE
  PRINT N'ETL entity dim_equipe already registered (left as is).';
GO

IF NOT EXISTS (SELECT 1 FROM ctl.etl_control WHERE entity_name = N'dim_vendedor')
BEGIN
  INSERT INTO ctl.etl_control (entity_name, source_table, target_table, source_pk_column, is_active)
  VALUES (N'dim_vendedor', N'core.sellers', N'dim.DIM_VENDEDOR', N'seller_id', 0);
  PRINT N'Registered ETL entity dim_vendedor.';
END
ELSE
  PRINT N'ETL entity dim_vendedor already registered (left as is).';
GO

IF NOT EXISTS (SELECT 1 FROM ctl.etl_control WHERE entity_name = N'dim_desconto')
BEGIN
  INSERT INTO ctl.etl_control (entity_name, source_table, target_table, source_pk_column, is_active)
  VALUES (N'dim_desconto', N'core.discount_campaigns', N'dim.DIM_DESCONTO', N'discount_id', 0);
  PRINT N'Registered ETL entity dim_desconto.';
END
ELSE
  PRINT N'ETL entity dim_desconto already registered (left as is).';
GO

IF NOT EXISTS (SELECT 1 FROM ctl.etl_control WHERE entity_name = N'fact_vendas')
BEGIN
  INSERT INTO ctl.etl_control (entity_name, source_table, target_table, source_pk_column, is_active)
  VALUES (N'fact_vendas', N'core.order_items', N'fact.FACT_VENDAS', N'order_item_id', 0);
  PRINT N'Registered ETL entity fact_vendas.';
END
ELSE
  PRINT N'ETL entity fact_vendas already registered (left as is).';
GO

IF NOT EXISTS (SELECT 1 FROM ctl.etl_control WHERE entity_name = N'fact_metas')
BEGIN
  INSERT INTO ctl.etl_control (entity_name, source_table, target_table, source_pk_column, is_active)
  VALUES (N'fact_metas', N'core.seller_targets_monthly', N'fact.FACT_METAS', N'seller_target_id', 0);
  PRINT N'Registered ETL entity fact_metas.';
END
ELSE
  PRINT N'ETL entity fact_metas already registered (left as is).';
GO

IF NOT EXISTS (SELECT 1 FROM ctl.etl_control WHERE entity_name = N'fact_descontos')
BEGIN
  INSERT INTO ctl.etl_control (entity_name, source_table, target_table, source_pk_column, is_active)
  VALUES (N'fact_descontos', N'core.order_item_discounts', N'fact.FACT_DESCONTOS', N'order_item_discount_id', 0);
  PRINT N'Registered ETL entity fact_descontos.';
END
ELSE
  PRINT N'ETL entity fact_descontos already registered (left as is).';
GO
