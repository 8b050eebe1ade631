-- Creates the OLTP database when missing; an existing one (with its data) is left as it is.

IF DB_ID(N'ECOMMERCE_OLTP') IS NULL
BEGIN
  CREATE DATABASE ECOMMERCE_OLTP;
  PRINT N'Created database ECOMMERCE_OLTP.';
END
ELSE
  PRINT N'Database ECOMMERCE_OLTP already exists.';
GO
