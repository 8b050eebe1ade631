-- OLTP source schema core.

USE ECOMMERCE_OLTP;
GO
IF SCHEMA_ID(N'core') IS NULL
BEGIN
  EXEC (N'CREATE SCHEMA core AUTHORIZATION dbo;');
  PRINT N'Created schema core.';
END
ELSE
  PRINT N'Schema core already exists.';
GO
