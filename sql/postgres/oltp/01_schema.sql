-- OLTP source schema. On PostgreSQL the OLTP tables live in schema core of the warehouse
-- database itself, so the ETL can read source and write target in one query (pushdown).
-- CREATE SCHEMA IF NOT EXISTS reports an existing schema with a NOTICE.

CREATE SCHEMA IF NOT EXISTS core;
