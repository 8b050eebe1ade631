-- Indexes for the incremental ETL (keyset reads by updated_at, id) and for the foreign keys.

DO $$
BEGIN
  IF to_regclass('core.ix_regions_updated_at_region_id') IS NULL THEN
    CREATE INDEX ix_regions_updated_at_region_id ON core.regions (updated_at, region_id);
    RAISE NOTICE 'Created index ix_regions_updated_at_region_id.';
  ELSE
    RAISE NOTICE 'Index ix_regions_updated_at_region_id already exists.';
  END IF;
END $$;

DO $$
BEGIN
  IF to_regclass('core.ix_suppliers_updated_at_supplier_id') IS NULL THEN
    CREATE INDEX ix_suppliers_updated_at_supplier_id ON core.suppliers (updated_at, supplier_id);
    RAISE NOTICE 'Created index ix_suppliers_updated_at_supplier_id.';
  ELSE
    RAISE NOTICE 'Index ix_suppliers_updated_at_supplier_id already exists.';
  END IF;
END $$;

DO $$
BEGIN
  IF to_regclass('core.ix_customers_updated_at_customer_id') IS NULL THEN
    CREATE INDEX ix_customers_updated_at_customer_id ON core.customers (updated_at, customer_id);
    RAISE NOTICE 'Created index ix_customers_updated_at_customer_id.';
  ELSE
    RAISE NOTICE 'Index ix_customers_updated_at_customer_id already exists.';
  END IF;
END $$;

DO $$
BEGIN
  IF to_regclass('core.ix_products_updated_at_product_id') IS NULL THEN
    CREATE INDEX ix_products_updated_at_product_id ON core.products (updated_at, product_id);
    RAISE NOTICE 'Created index ix_products_updated_at_product_id.';
  ELSE
    RAISE NOTICE 'Index ix_products_updated_at_product_id already exists.';
  END IF;
END $$;

DO $$
BEGIN
  IF to_regclass('core.ix_products_supplier_id') IS NULL THEN
    CREATE INDEX ix_products_supplier_id ON core.products (supplier_id);
    RAISE NOTICE 'Created index ix_products_supplier_id.';
  ELSE
    RAISE NOTICE 'Index ix_products_supplier_id already exists.';
  END IF;
END $$;

DO $$
BEGIN
  IF to_regclass('core.ix_teams_updated_at_team_id') IS NULL THEN
    CREATE INDEX ix_teams_updated_at_team_id ON core.teams (updated_at, team_id);
    RAISE NOTICE 'Created index ix_teams_updated_at_team_id.';
  ELSE
    RAISE NOTICE 'Index ix_teams_updated_at_team_id already exists.';
  END IF;
END $$;

DO $$
BEGIN
  IF to_regclass('core.ix_teams_region_id') IS NULL THEN
    CREATE INDEX ix_teams_region_id ON core.teams (region_id);
    RAISE NOTICE 'Created index ix_teams_region_id.';
  ELSE
    RAISE NOTICE 'Index ix_teams_region_id already exists.';
  END IF;
END $$;

DO $$
BEGIN
  IF to_regclass('core.ix_sellers_updated_at_seller_id') IS NULL THEN
    CREATE INDEX ix_sellers_updated_at_seller_id ON core.sellers (updated_at, seller_id);
    RAISE NOTICE 'Created index ix_sellers_updated_at_seller_id.';
  ELSE
    RAISE NOTICE 'Index ix_sellers_updated_at_seller_id already exists.';
  END IF;
END $$;

DO $$
BEGIN
  IF to_regclass('core.ix_sellers_team_id') IS NULL THEN
    CREATE INDEX ix_sellers_team_id ON core.sellers (team_id);
    RAISE NOTICE 'Created index ix_sellers_team_id.';
  ELSE
    RAISE NOTICE 'Index ix_sellers_team_id already exists.';
  END IF;
END $$;

DO $$
BEGIN
  IF to_regclass('core.ix_sellers_manager_seller_id') IS NULL THEN
    CREATE INDEX ix_sellers_manager_seller_id ON core.sellers (manager_seller_id);
    RAISE NOTICE 'Created index ix_sellers_manager_seller_id.';
  ELSE
    RAISE NOTICE 'Index ix_sellers_manager_seller_id already exists.';
  END IF;
END $$;

DO $$
BEGIN
  IF to_regclass('core.ix_discount_campaigns_updated_at_discount_id') IS NULL THEN
    CREATE INDEX ix_discount_campaigns_updated_at_discount_id ON core.discount_campaigns (updated_at, discount_id);
    RAISE NOTICE 'Created index ix_discount_campaigns_updated_at_discount_id.';
  ELSE
    RAISE NOTICE 'Index ix_discount_campaigns_updated_at_discount_id already exists.';
  END IF;
END $$;

DO $$
BEGIN
  IF to_regclass('core.ix_orders_updated_at_order_id') IS NULL THEN
    CREATE INDEX ix_orders_updated_at_order_id ON core.orders (updated_at, order_id);
    RAISE NOTICE 'Created index ix_orders_updated_at_order_id.';
  ELSE
    RAISE NOTICE 'Index ix_orders_updated_at_order_id already exists.';
  END IF;
END $$;

DO $$
BEGIN
  IF to_regclass('core.ix_orders_customer_id') IS NULL THEN
    CREATE INDEX ix_orders_customer_id ON core.orders (customer_id);
    RAISE NOTICE 'Created index ix_orders_customer_id.';
  ELSE
    RAISE NOTICE 'Index ix_orders_customer_id already exists.';
  END IF;
END $$;

DO $$
BEGIN
  IF to_regclass('core.ix_orders_seller_id') IS NULL THEN
    CREATE INDEX ix_orders_seller_id ON core.orders (seller_id);
    RAISE NOTICE 'Created index ix_orders_seller_id.';
  ELSE
    RAISE NOTICE 'Index ix_orders_seller_id already exists.';
  END IF;
END $$;

DO $$
BEGIN
  IF to_regclass('core.ix_orders_region_id') IS NULL THEN
    CREATE INDEX ix_orders_region_id ON core.orders (region_id);
    RAISE NOTICE 'Created index ix_orders_region_id.';
  ELSE
    RAISE NOTICE 'Index ix_orders_region_id already exists.';
  END IF;
END $$;

DO $$
BEGIN
  IF to_regclass('core.ix_order_items_updated_at_order_item_id') IS NULL THEN
    CREATE INDEX ix_order_items_updated_at_order_item_id ON core.order_items (updated_at, order_item_id);
    RAISE NOTICE 'Created index ix_order_items_updated_at_order_item_id.';
  ELSE
    RAISE NOTICE 'Index ix_order_items_updated_at_order_item_id already exists.';
  END IF;
END $$;

DO $$
BEGIN
  IF to_regclass('core.ix_order_items_order_id') IS NULL THEN
    CREATE INDEX ix_order_items_order_id ON core.order_items (order_id);
    RAISE NOTICE 'Created index ix_order_items_order_id.';
  ELSE
    RAISE NOTICE 'Index ix_order_items_order_id already exists.';
  END IF;
END $$;

DO $$
BEGIN
  IF to_regclass('core.ix_order_items_product_id') IS NULL THEN
    CREATE INDEX ix_order_items_product_id ON core.order_items (product_id);
    RAISE NOTICE 'Created index ix_order_items_product_id.';
  ELSE
    RAISE NOTICE 'Index ix_order_items_product_id already exists.';
  END IF;
END $$;

DO $$
BEGIN
  IF to_regclass('core.ix_order_item_discounts_updated_at_order_item_discount_id') IS NULL THEN
    CREATE INDEX ix_order_item_discounts_updated_at_order_item_discount_id ON core.order_item_discounts (updated_at, order_item_discount_id);
    RAISE NOTICE 'Created index ix_order_item_discounts_updated_at_order_item_discount_id.';
  ELSE
    RAISE NOTICE 'Index ix_order_item_discounts_updated_at_order_item_discount_id already exists.';
  END IF;
END $$;

DO $$
BEGIN
  IF to_regclass('core.ix_order_item_discounts_order_item_id') IS NULL THEN
    CREATE INDEX ix_order_item_discounts_order_item_id ON core.order_item_discounts (order_item_id);
    RAISE NOTICE 'Created index ix_order_item_discounts_order_item_id.';
  ELSE
    RAISE NOTICE 'Index ix_order_item_discounts_order_item_id already exists.';
  END IF;
END $$;

DO $$
BEGIN
  IF to_regclass('core.ix_order_item_discounts_discount_id') IS NULL THEN
    CREATE INDEX ix_order_item_discounts_discount_id ON core.order_item_discounts (discount_id);
    RAISE NOTICE 'Created index ix_order_item_discounts_discount_id.';
  ELSE
    RAISE NOTICE 'Index ix_order_item_discounts_discount_id already exists.';
  END IF;
END $$;

DO $$
BEGIN
  IF to_regclass('core.ix_seller_targets_monthly_updated_at_seller_target_id') IS NULL THEN
    CREATE INDEX ix_seller_targets_monthly_updated_at_seller_target_id ON core.seller_targets_monthly (updated_at, seller_target_id);
    RAISE NOTICE 'Created index ix_seller_targets_monthly_updated_at_seller_target_id.';
  ELSE
    RAISE NOTICE 'Index ix_seller_targets_monthly_updated_at_seller_target_id already exists.';
  END IF;
END $$;

DO $$
BEGIN
  IF to_regclass('core.ix_seller_targets_monthly_seller_id') IS NULL THEN
    CREATE INDEX ix_seller_targets_monthly_seller_id ON core.seller_targets_monthly (seller_id);
    RAISE NOTICE 'Created index ix_seller_targets_monthly_seller_id.';
  ELSE
    RAISE NOTICE 'Index ix_seller_targets_monthly_seller_id already exists.';
  END IF;
END $$;
