-- Warehouse schemas: dim (dimensions), fact (facts), ctl (ETL control), audit (ETL runs and
-- connection audit), bi (consumption views, the only schema the BI role reads).
-- CREATE SCHEMA IF NOT EXISTS reports an existing schema with a NOTICE.

CREATE SCHEMA IF NOT EXISTS dim;
CREATE SCHEMA IF NOT EXISTS fact;
CREATE SCHEMA IF NOT EXISTS ctl;
CREATE SCHEMA IF NOT EXISTS audit;
CREATE SCHEMA IF NOT EXISTS bi;
