-- Indexes for the incremental ETL (keyset reads by updated_at, id) and for the foreign keys.

SET NOCOUNT ON;
GO
USE ECOMMERCE_OLTP;
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_regions_updated_at_region_id' AND object_id = OBJECT_ID(N'core.regions'))
BEGIN
  CREATE INDEX ix_regions_updated_at_region_id ON core.regions (updated_at, region_id);
  PRINT N'Created index ix_regions_updated_at_region_id.';
END
ELSE
  PRINT N'Index ix_regions_updated_at_region_id already exists.';
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_suppliers_updated_at_supplier_id' AND object_id = OBJECT_ID(N'core.suppliers'))
BEGIN
  CREATE INDEX ix_suppliers_updated_at_supplier_id ON core.suppliers (updated_at, supplier_id);
  PRINT N'Created index ix_suppliers_updated_at_supplier_id.';
END
ELSE
  PRINT N'Index ix_suppliers_updated_at_supplier_id already exists.';
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_customers_updated_at_customer_id' AND object_id = OBJECT_ID(N'core.customers'))
BEGIN
  CREATE INDEX ix_customers_updated_at_customer_id ON core.customers (updated_at, customer_id);
  PRINT N'Created index ix_customers_updated_at_customer_id.';
END
ELSE
  PRINT N'Index ix_customers_updated_at_customer_id already exists.';
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_products_updated_at_product_id' AND object_id = OBJECT_ID(N'core.products'))
BEGIN
  CREATE INDEX ix_products_updated_at_product_id ON core.products (updated_at, product_id);
  PRINT N'Created index ix_products_updated_at_product_id.';
END
ELSE
  PRINT N'Index ix_products_updated_at_product_id already exists.';
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_products_supplier_id' AND object_id = OBJECT_ID(N'core.products'))
BEGIN
  CREATE INDEX ix_products_supplier_id ON core.products (supplier_id);
  PRINT N'Created index ix_products_supplier_id.';
END
ELSE
  PRINT N'Index ix_products_supplier_id already exists.';
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_teams_updated_at_team_id' AND object_id = OBJECT_ID(N'core.teams'))
BEGIN
  CREATE INDEX ix_teams_updated_at_team_id ON core.teams (updated_at, team_id);
  PRINT N'Created index ix_teams_updated_at_team_id.';
END
ELSE
  PRINT N'Index ix_teams_updated_at_team_id already exists.';
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_teams_region_id' AND object_id = OBJECT_ID(N'core.teams'))
BEGIN
  CREATE INDEX ix_teams_region_id ON core.teams (region_id);
  PRINT N'Created index ix_teams_region_id.';
END
ELSE
  PRINT N'Index ix_teams_region_id already exists.';
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_sellers_updated_at_seller_id' AND object_id = OBJECT_ID(N'core.sellers'))
BEGIN
  CREATE INDEX ix_sellers_updated_at_seller_id ON core.sellers (updated_at, seller_id);
  PRINT N'Created index ix_sellers_updated_at_seller_id.';
END
ELSE
  PRINT N'Index ix_sellers_updated_at_seller_id already exists.';
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_sellers_team_id' AND object_id = OBJECT_ID(N'core.sellers'))
BEGIN
  CREATE INDEX ix_sellers_team_id ON core.sellers (team_id);
  PRINT N'Created index ix_sellers_team_id.';
END
ELSE
  PRINT N'Index ix_sellers_team_id already exists.';
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_sellers_manager_seller_id' AND object_id = OBJECT_ID(N'core.sellers'))
BEGIN
  CREATE INDEX ix_sellers_manager_seller_id ON core.sellers (manager_seller_id);
  PRINT N'Created index ix_sellers_manager_seller_id.';
END
ELSE
  PRINT N'Index ix_sellers_manager_seller_id already exists.';
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_discount_campaigns_updated_at_discount_id' AND object_id = OBJECT_ID(N'core.discount_campaigns'))
BEGIN
  CREATE INDEX ix_discount_campaigns_updated_at_discount_id ON core.discount_campaigns (updated_at, discount_id);
  PRINT N'Created index ix_discount_campaigns_updated_at_discount_id.';
END
ELSE
  PRINT N'Index ix_discount_campaigns_updated_at_discount_id already exists.';
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_orders_updated_at_order_id' AND object_id = OBJECT_ID(N'core.orders'))
BEGIN
  CREATE INDEX ix_orders_updated_at_order_id ON core.orders (updated_at, order_id);
  PRINT N'Created index ix_orders_updated_at_order_id.';
END
ELSE
  PRINT N'Index ix_orders_updated_at_order_id already exists.';
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_orders_customer_id' AND object_id = OBJECT_ID(N'core.orders'))
BEGIN
  CREATE INDEX ix_orders_customer_id ON core.orders (customer_id);
  PRINT N'Created index ix_orders_customer_id.';
END
ELSE
  PRINT N'Index ix_orders_customer_id already exists.';
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_orders_seller_id' AND object_id = OBJECT_ID(N'core.orders'))
BEGIN
  CREATE INDEX ix_orders_seller_id ON core.orders (seller_id);
  PRINT N'Created index ix_orders_seller_id.';
END
ELSE
  PRINT N'Index ix_orders_seller_id already exists.';
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_orders_region_id' AND object_id = OBJECT_ID(N'core.orders'))
BEGIN
  CREATE INDEX ix_orders_region_id ON core.orders (region_id);
  PRINT N'Created index ix_orders_region_id.';
END
ELSE
  PRINT N'Index ix_orders_region_id already exists.';
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_order_items_updated_at_order_item_id' AND object_id = OBJECT_ID(N'core.order_items'))
BEGIN
  CREATE INDEX ix_order_items_updated_at_order_item_id ON core.order_items (updated_at, order_item_id);
  PRINT N'Created index ix_order_items_updated_at_order_item_id.';
END
ELSE
  PRINT N'Index ix_order_items_updated_at_order_item_id already exists.';
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_order_items_order_id' AND object_id = OBJECT_ID(N'core.order_items'))
BEGIN
  CREATE INDEX ix_order_items_order_id ON core.order_items (order_id);
  PRINT N'Created index ix_order_items_order_id.';
END
ELSE
  PRINT N'Index ix_order_items_order_id already exists.';
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_order_items_product_id' AND object_id = OBJECT_ID(N'core.order_items'))
BEGIN
  CREATE INDEX ix_order_items_product_id ON core.order_items (product_id);
  PRINT N'Created index ix_order_items_product_id.';
END
ELSE
  PRINT N'Index ix_order_items_product_id already exists.';
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_order_item_discounts_updated_at_order_item_discount_id' AND object_id = OBJECT_ID(N'core.order_item_discounts'))
BEGIN
  CREATE INDEX ix_order_item_discounts_updated_at_order_item_discount_id ON core.order_item_discounts (updated_at, order_item_discount_id);
  PRINT N'Created index ix_order_item_discounts_updated_at_order_item_discount_id.';
END
ELSE
  PRINT N'Index ix_order_item_discounts_updated_at_order_item_discount_id already exists.';
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_order_item_discounts_order_item_id' AND object_id = OBJECT_ID(N'core.order_item_discounts'))
BEGIN
  CREATE INDEX ix_order_item_discounts_order_item_id ON core.order_item_discounts (order_item_id);
  PRINT N'Created index ix_order_item_discounts_order_item_id.';
END
ELSE
  PRINT N'Index ix_order_item_discounts_order_item_id already exists.';
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_order_item_discounts_discount_id' AND object_id = OBJECT_ID(N'core.order_item_discounts'))
BEGIN
  CREATE INDEX ix_order_item_discounts_discount_id ON core.order_item_discounts (discount_id);
  PRINT N'Created index ix_order_item_discounts_discount_id.';
END
ELSE
  PRINT N'Index ix_order_item_discounts_discount_id already exists.';
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_seller_targets_monthly_updated_at_seller_target_id' AND object_id = OBJECT_ID(N'core.seller_targets_monthly'))
BEGIN
  CREATE INDEX ix_seller_targets_monthly_updated_at_seller_target_id ON core.seller_targets_monthly (updated_at, seller_target_id);
  PRINT N'Created index ix_seller_targets_monthly_updated_at_seller_target_id.';
END
ELSE
  PRINT N'Index ix_seller_targets_monthly_updated_at_seller_target_id already exists.';
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_seller_targets_monthly_seller_id' AND object_id = OBJECT_ID(N'core.seller_targets_monthly'))
BEGIN
  CREATE INDEX ix_seller_targets_monthly_seller_id ON core.seller_targets_monthly (seller_id);
  PRINT N'Created index ix_seller_targets_monthly_seller_id.';
END
ELSE
  PRINT N'Index ix_seller_targets_monthly_seller_id already exists.';
GO
