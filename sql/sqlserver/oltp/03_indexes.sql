-- Indexes for the incremental ETL (keyset reads by updated_at, id) and for the foreign keys.
-- An index is looked up by its table and key columns, not by name: Babelfish stores index names
-- with the table name and a hash appended (and INDEXPROPERTY finds nothing there).

SET NOCOUNT ON;
GO
USE ECOMMERCE_OLTP;
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'core.regions') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 2
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'updated_at'
     AND MAX(CASE WHEN c.key_ordinal = 2 THEN COL_NAME(c.object_id, c.column_id) END) = N'region_id')
BEGIN
  CREATE INDEX ix_regions_updated_at_region_id ON core.regions (updated_at, region_id);
  PRINT N'Created index ix_regions_updated_at_region_id.';
END
ELSE
  PRINT N'Index ix_regions_updated_at_region_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'core.suppliers') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 2
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'updated_at'
     AND MAX(CASE WHEN c.key_ordinal = 2 THEN COL_NAME(c.object_id, c.column_id) END) = N'supplier_id')
BEGIN
  CREATE INDEX ix_suppliers_updated_at_supplier_id ON core.suppliers (updated_at, supplier_id);
  PRINT N'Created index ix_suppliers_updated_at_supplier_id.';
END
ELSE
  PRINT N'Index ix_suppliers_updated_at_supplier_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'core.customers') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 2
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'updated_at'
     AND MAX(CASE WHEN c.key_ordinal = 2 THEN COL_NAME(c.object_id, c.column_id) END) = N'customer_id')
BEGIN
  CREATE INDEX ix_customers_updated_at_customer_id ON core.customers (updated_at, customer_id);
  PRINT N'Created index ix_customers_updated_at_customer_id.';
END
ELSE
  PRINT N'Index ix_customers_updated_at_customer_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'core.products') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 2
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'updated_at'
     AND MAX(CASE WHEN c.key_ordinal = 2 THEN COL_NAME(c.object_id, c.column_id) END) = N'product_id')
BEGIN
  CREATE INDEX ix_products_updated_at_product_id ON core.products (updated_at, product_id);
  PRINT N'Created index ix_products_updated_at_product_id.';
END
ELSE
  PRINT N'Index ix_products_updated_at_product_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'core.products') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 1
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'supplier_id')
BEGIN
  CREATE INDEX ix_products_supplier_id ON core.products (supplier_id);
  PRINT N'Created index ix_products_supplier_id.';
END
ELSE
  PRINT N'Index ix_products_supplier_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'core.teams') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 2
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'updated_at'
     AND MAX(CASE WHEN c.key_ordinal = 2 THEN COL_NAME(c.object_id, c.column_id) END) = N'team_id')
BEGIN
  CREATE INDEX ix_teams_updated_at_team_id ON core.teams (updated_at, team_id);
  PRINT N'Created index ix_teams_updated_at_team_id.';
END
ELSE
  PRINT N'Index ix_teams_updated_at_team_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'core.teams') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 1
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'region_id')
BEGIN
  CREATE INDEX ix_teams_region_id ON core.teams (region_id);
  PRINT N'Created index ix_teams_region_id.';
END
ELSE
  PRINT N'Index ix_teams_region_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'core.sellers') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 2
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'updated_at'
     AND MAX(CASE WHEN c.key_ordinal = 2 THEN COL_NAME(c.object_id, c.column_id) END) = N'seller_id')
BEGIN
  CREATE INDEX ix_sellers_updated_at_seller_id ON core.sellers (updated_at, seller_id);
  PRINT N'Created index ix_sellers_updated_at_seller_id.';
END
ELSE
  PRINT N'Index ix_sellers_updated_at_seller_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'core.sellers') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 1
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'team_id')
BEGIN
  CREATE INDEX ix_sellers_team_id ON core.sellers (team_id);
  PRINT N'Created index ix_sellers_team_id.';
END
ELSE
  PRINT N'Index ix_sellers_team_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'core.sellers') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 1
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'manager_seller_id')
BEGIN
  CREATE INDEX ix_sellers_manager_seller_id ON core.sellers (manager_seller_id);
  PRINT N'Created index ix_sellers_manager_seller_id.';
END
ELSE
  PRINT N'Index ix_sellers_manager_seller_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'core.discount_campaigns') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 2
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'updated_at'
     AND MAX(CASE WHEN c.key_ordinal = 2 THEN COL_NAME(c.object_id, c.column_id) END) = N'discount_id')
BEGIN
  CREATE INDEX ix_discount_campaigns_updated_at_discount_id ON core.discount_campaigns (updated_at, discount_id);
  PRINT N'Created index ix_discount_campaigns_updated_at_discount_id.';
END
ELSE
  PRINT N'Index ix_discount_campaigns_updated_at_discount_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'core.orders') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 2
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'updated_at'
     AND MAX(CASE WHEN c.key_ordinal = 2 THEN COL_NAME(c.object_id, c.column_id) END) = N'order_id')
BEGIN
  CREATE INDEX ix_orders_updated_at_order_id ON core.orders (updated_at, order_id);
  PRINT N'Created index ix_orders_updated_at_order_id.';
END
ELSE
  PRINT N'Index ix_orders_updated_at_order_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'core.orders') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 1
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'customer_id')
BEGIN
  CREATE INDEX ix_orders_customer_id ON core.orders (customer_id);
  PRINT N'Created index ix_orders_customer_id.';
END
ELSE
  PRINT N'Index ix_orders_customer_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'core.orders') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 1
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'seller_id')
BEGIN
  CREATE INDEX ix_orders_seller_id ON core.orders (seller_id);
  PRINT N'Created index ix_orders_seller_id.';
END
ELSE
  PRINT N'Index ix_orders_seller_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'core.orders') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 1
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'region_id')
BEGIN
  CREATE INDEX ix_orders_region_id ON core.orders (region_id);
  PRINT N'Created index ix_orders_region_id.';
END
ELSE
  PRINT N'Index ix_orders_region_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'core.order_items') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 2
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'updated_at'
     AND MAX(CASE WHEN c.key_ordinal = 2 THEN COL_NAME(c.object_id, c.column_id) END) = N'order_item_id')
BEGIN
  CREATE INDEX ix_order_items_updated_at_order_item_id ON core.order_items (updated_at, order_item_id);
  PRINT N'Created index ix_order_items_updated_at_order_item_id.';
END
ELSE
  PRINT N'Index ix_order_items_updated_at_order_item_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'core.order_items') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 1
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'order_id')
BEGIN
  CREATE INDEX ix_order_items_order_id ON core.order_items (order_id);
  PRINT N'Created index ix_order_items_order_id.';
END
ELSE
  PRINT N'Index ix_order_items_order_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'core.order_items') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 1
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'product_id')
BEGIN
  CREATE INDEX ix_order_items_product_id ON core.order_items (product_id);
  PRINT N'Created index ix_order_items_product_id.';
END
ELSE
  PRINT N'Index ix_order_items_product_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'core.order_item_discounts') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 2
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'updated_at'
     AND MAX(CASE WHEN c.key_ordinal = 2 THEN COL_NAME(c.object_id, c.column_id) END) = N'order_item_discount_id')
BEGIN
  CREATE INDEX ix_order_item_discounts_updated_at_order_item_discount_id ON core.order_item_discounts (updated_at, order_item_discount_id);
  PRINT N'Created index ix_order_item_discounts_updated_at_order_item_discount_id.';
END
ELSE
  PRINT N'Index ix_order_item_discounts_updated_at_order_item_discount_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'core.order_item_discounts') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 1
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'order_item_id')
BEGIN
  CREATE INDEX ix_order_item_discounts_order_item_id ON core.order_item_discounts (order_item_id);
  PRINT N'Created index ix_order_item_discounts_order_item_id.';
END
ELSE
  PRINT N'Index ix_order_item_discounts_order_item_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'core.order_item_discounts') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 1
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'discount_id')
BEGIN
  CREATE INDEX ix_order_item_discounts_discount_id ON core.order_item_discounts (discount_id);
  PRINT N'Created index ix_order_item_discounts_discount_id.';
END
ELSE
  PRINT N'Index ix_order_item_discounts_discount_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'core.seller_targets_monthly') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 2
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'updated_at'
     AND MAX(CASE WHEN c.key_ordinal = 2 THEN COL_NAME(c.object_id, c.column_id) END) = N'seller_target_id')
BEGIN
  CREATE INDEX ix_seller_targets_monthly_updated_at_seller_target_id ON core.seller_targets_monthly (updated_at, seller_target_id);
  PRINT N'Created index ix_seller_targets_monthly_updated_at_seller_target_id.';
END
ELSE
  PRINT N'Index ix_seller_targets_monthly_updated_at_seller_target_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'core.seller_targets_monthly') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 1
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'seller_id')
BEGIN
  CREATE INDEX ix_seller_targets_monthly_seller_id ON core.seller_targets_monthly (seller_id);
  PRINT N'Created index ix_seller_targets_monthly_seller_id.';
END
ELSE
  PRINT N'Index ix_seller_targets_monthly_seller_id already exists.';
GO
