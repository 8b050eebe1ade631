-- Warehouse schemas: dim, fact, ctl, audit and bi (consumption views, the BI role's only schema).

USE DW_ECOMMERCE;
GO
IF SCHEMA_ID(N'dim') IS NULL
BEGIN
  EXEC (N'CREATE SCHEMA dim AUTHORIZATION dbo;');
  PRINT N'Created schema dim.';
END
ELSE
  PRINT N'Schema dim already exists.';
GO
IF SCHEMA_ID(N'fact') IS NULL
BEGIN
  EXEC (N'CREATE SCHEMA fact AUTHORIZATION dbo;');
  PRINT N'Created schema fact.';
END
ELSE
  PRINT N'Schema fact already exists.';
GO
IF SCHEMA_ID(N'ctl') IS NULL
BEGIN
  EXEC (N'CREATE SCHEMA ctl AUTHORIZATION dbo;');
  PRINT N'Created schema ctl.';
END
ELSE
  PRINT N'Schema ctl already exists.';
GO
IF SCHEMA_ID(N'audit') IS NULL
BEGIN
  EXEC (N'CREATE SCHEMA audit AUTHORIZATION dbo;');
  PRINT N'Created schema audit.';
END
ELSE
  PRINT N'Schema audit already exists.';
GO
IF SCHEMA_ID(N'bi') IS NULL
BEGIN
  EXEC (N'CREATE SCHEMA bi AUTHORIZATION dbo;');
  PRINT N'Created schema bi.';
END
ELSE
  PRINT N'Schema bi already exists.';
GO
