-- Creates the warehouse database when missing; an existing one (with its data) is left as it is.

IF DB_ID(N'DW_ECOMMERCE') IS NULL
BEGIN
  CREATE DATABASE DW_ECOMMERCE;
  PRINT N'Created database DW_ECOMMERCE.';
END
ELSE
  PRINT N'Database DW_ECOMMERCE already exists.';
GO
