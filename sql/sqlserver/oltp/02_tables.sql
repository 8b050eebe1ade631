-- OLTP source tables (schema core). Creates each table only when missing; reports the ones that exist.

SET NOCOUNT ON;
GO
USE ECOMMERCE_OLTP;
GO

IF OBJECT_ID(N'core.regions', N'U') IS NULL
BEGIN
  CREATE TABLE core.regions (
    region_id BIGINT IDENTITY(1,1) NOT NULL,
    country NVARCHAR(60) NOT NULL CONSTRAINT df_regions_country DEFAULT N'Brasil',
    region_name NVARCHAR(30) NOT NULL,
    state NVARCHAR(2) NOT NULL,
    state_name NVARCHAR(60) NOT NULL,
    city NVARCHAR(100) NOT NULL,
    ibge_code NVARCHAR(7) NULL,
    is_active BIT NOT NULL CONSTRAINT df_regions_is_active DEFAULT 1,
    created_at DATETIME2(0) NOT NULL CONSTRAINT df_regions_created_at DEFAULT SYSUTCDATETIME(),
    updated_at DATETIME2(0) NOT NULL CONSTRAINT df_regions_updated_at DEFAULT SYSUTCDATETIME(),
    deleted_at DATETIME2(0) NULL,
    CONSTRAINT pk_regions PRIMARY KEY (region_id),
    CONSTRAINT uq_regions_state_city UNIQUE (state, city),
    CONSTRAINT ck_regions_region_name CHECK (region_name IN (N'Norte', N'Nordeste', N'Centro-Oeste', N'Sudeste', N'Sul')),
    CONSTRAINT ck_regions_state CHECK (state IN (N'AC', N'AL', N'AP', N'AM', N'BA', N'CE', N'DF', N'ES', N'GO', N'MA', N'MT', N'MS', N'MG', N'PA', N'PB', N'PR', N'PE', N'PI', N'RJ', N'RN', N'RS', N'RO', N'RR', N'SC', N'SP', N'SE', N'TO'))
  );
  PRINT N'Created table core.regions.';
END
ELSE
  PRINT N'Table core.regions already exists.';
GO

IF OBJECT_ID(N'core.suppliers', N'U') IS NULL
BEGIN
  CREATE TABLE core.suppliers (
    supplier_id BIGINT IDENTITY(1,1) NOT NULL,
    supplier_code NVARCHAR(20) NOT NULL,
    supplier_name NVARCHAR(150) NOT NULL,
    document_number NVARCHAR(14) NULL,
    email NVARCHAR(150) NULL,
    phone NVARCHAR(20) NULL,
    city NVARCHAR(100) NULL,
    state NVARCHAR(2) NULL,
    country NVARCHAR(60) NOT NULL CONSTRAINT df_suppliers_country DEFAULT N'Brasil',
    is_active BIT NOT NULL CONSTRAINT df_suppliers_is_active DEFAULT 1,
    created_at DATETIME2(0) NOT NULL CONSTRAINT df_suppliers_created_at DEFAULT SYSUTCDATETIME(),
    updated_at DATETIME2(0) NOT NULL CONSTRAINT df_suppliers_updated_at DEFAULT SYSUTCDATETIME(),
    deleted_at DATETIME2(0) NULL,
    CONSTRAINT pk_suppliers PRIMARY KEY (supplier_id),
    CONSTRAINT uq_suppliers_supplier_code UNIQUE (supplier_code),
    CONSTRAINT ck_suppliers_state CHECK (state IN (N'AC', N'AL', N'AP', N'AM', N'BA', N'CE', N'DF', N'ES', N'GO', N'MA', N'MT', N'MS', N'MG', N'PA', N'PB', N'PR', N'PE', N'PI', N'RJ', N'RN', N'RS', N'RO', N'RR', N'SC', N'SP', N'SE', N'TO'))
  );
  PRINT N'Created table core.suppliers.';
END
ELSE
  PRINT N'Table core.suppliers already exists.';
GO

IF OBJECT_ID(N'core.customers', N'U') IS NULL
BEGIN
  CREATE TABLE core.customers (
    customer_id BIGINT IDENTITY(1,1) NOT NULL,
    customer_code NVARCHAR(20) NOT NULL,
    full_name NVARCHAR(150) NOT NULL,
    email NVARCHAR(150) NULL,
    phone NVARCHAR(20) NULL,
    document_number NVARCHAR(18) NULL,
    birth_date DATE NULL,
    gender NVARCHAR(1) NULL,
    customer_type NVARCHAR(20) NOT NULL CONSTRAINT df_customers_customer_type DEFAULT N'Novo',
    segment NVARCHAR(30) NULL,
    credit_score INT NULL,
    value_category NVARCHAR(20) NULL,
    address_line NVARCHAR(200) NULL,
    district NVARCHAR(100) NULL,
    city NVARCHAR(100) NULL,
    state NVARCHAR(2) NULL,
    country NVARCHAR(60) NOT NULL CONSTRAINT df_customers_country DEFAULT N'Brasil',
    zip_code NVARCHAR(9) NULL,
    first_signup_date DATE NULL,
    last_purchase_date DATE NULL,
    is_active BIT NOT NULL CONSTRAINT df_customers_is_active DEFAULT 1,
    accepts_email_marketing BIT NOT NULL CONSTRAINT df_customers_accepts_email_marketing DEFAULT 0,
    is_vip BIT NOT NULL CONSTRAINT df_customers_is_vip DEFAULT 0,
    created_at DATETIME2(0) NOT NULL CONSTRAINT df_customers_created_at DEFAULT SYSUTCDATETIME(),
    updated_at DATETIME2(0) NOT NULL CONSTRAINT df_customers_updated_at DEFAULT SYSUTCDATETIME(),
    deleted_at DATETIME2(0) NULL,
    CONSTRAINT pk_customers PRIMARY KEY (customer_id),
    CONSTRAINT uq_customers_customer_code UNIQUE (customer_code),
    CONSTRAINT ck_customers_gender CHECK (gender IN (N'M', N'F', N'O')),
    CONSTRAINT ck_customers_customer_type CHECK (customer_type IN (N'Novo', N'Recorrente', N'VIP', N'Inativo')),
    CONSTRAINT ck_customers_segment CHECK (segment IN (N'Pessoa Fisica', N'Pessoa Juridica')),
    CONSTRAINT ck_customers_credit_score CHECK (credit_score BETWEEN 0 AND 1000),
    CONSTRAINT ck_customers_value_category CHECK (value_category IN (N'Bronze', N'Prata', N'Ouro', N'Platina')),
    CONSTRAINT ck_customers_state CHECK (state IN (N'AC', N'AL', N'AP', N'AM', N'BA', N'CE', N'DF', N'ES', N'GO', N'MA', N'MT', N'MS', N'MG', N'PA', N'PB', N'PR', N'PE', N'PI', N'RJ', N'RN', N'RS', N'RO', N'RR', N'SC', N'SP', N'SE', N'TO'))
  );
  PRINT N'Created table core.customers.';
END
ELSE
  PRINT N'Table core.customers already exists.';
GO

IF OBJECT_ID(N'core.products', N'U') IS NULL
BEGIN
  CREATE TABLE core.products (
    product_id BIGINT IDENTITY(1,1) NOT NULL,
    product_code NVARCHAR(20) NOT NULL,
    sku NVARCHAR(30) NOT NULL,
    barcode NVARCHAR(14) NULL,
    product_name NVARCHAR(150) NOT NULL,
    short_description NVARCHAR(255) NULL,
    full_description NVARCHAR(MAX) NULL,
    category_name NVARCHAR(60) NOT NULL,
    subcategory_name NVARCHAR(60) NULL,
    product_line NVARCHAR(60) NULL,
    brand NVARCHAR(60) NULL,
    manufacturer NVARCHAR(100) NULL,
    supplier_id BIGINT NOT NULL,
    country_origin NVARCHAR(60) NULL,
    weight_kg DECIMAL(10,3) NULL,
    height_cm DECIMAL(10,2) NULL,
    width_cm DECIMAL(10,2) NULL,
    depth_cm DECIMAL(10,2) NULL,
    color NVARCHAR(30) NULL,
    material NVARCHAR(60) NULL,
    cost_price DECIMAL(15,2) NOT NULL,
    list_price DECIMAL(15,2) NOT NULL,
    suggested_margin_percent DECIMAL(5,2) NULL,
    is_perishable BIT NOT NULL CONSTRAINT df_products_is_perishable DEFAULT 0,
    is_fragile BIT NOT NULL CONSTRAINT df_products_is_fragile DEFAULT 0,
    requires_refrigeration BIT NOT NULL CONSTRAINT df_products_requires_refrigeration DEFAULT 0,
    minimum_age SMALLINT NULL,
    min_stock INT NULL,
    max_stock INT NULL,
    reorder_days SMALLINT NULL,
    product_status NVARCHAR(20) NOT NULL CONSTRAINT df_products_product_status DEFAULT N'Ativo',
    launch_date DATE NULL,
    discontinued_date DATE NULL,
    keywords NVARCHAR(500) NULL,
    rating_avg DECIMAL(3,2) NULL,
    rating_count INT NOT NULL CONSTRAINT df_products_rating_count DEFAULT 0,
    created_at DATETIME2(0) NOT NULL CONSTRAINT df_products_created_at DEFAULT SYSUTCDATETIME(),
    updated_at DATETIME2(0) NOT NULL CONSTRAINT df_products_updated_at DEFAULT SYSUTCDATETIME(),
    deleted_at DATETIME2(0) NULL,
    CONSTRAINT pk_products PRIMARY KEY (product_id),
    CONSTRAINT uq_products_product_code UNIQUE (product_code),
    CONSTRAINT uq_products_sku UNIQUE (sku),
    CONSTRAINT fk_products_supplier_id FOREIGN KEY (supplier_id) REFERENCES core.suppliers (supplier_id),
    CONSTRAINT ck_products_weight_kg CHECK (weight_kg >= 0),
    CONSTRAINT ck_products_height_cm CHECK (height_cm >= 0),
    CONSTRAINT ck_products_width_cm CHECK (width_cm >= 0),
    CONSTRAINT ck_products_depth_cm CHECK (depth_cm >= 0),
    CONSTRAINT ck_products_cost_price CHECK (cost_price >= 0),
    CONSTRAINT ck_products_list_price CHECK (list_price >= 0),
    CONSTRAINT ck_products_minimum_age CHECK (minimum_age BETWEEN 0 AND 21),
    CONSTRAINT ck_products_min_stock CHECK (min_stock >= 0),
    CONSTRAINT ck_products_max_stock CHECK (max_stock >= 0),
    CONSTRAINT ck_products_reorder_days CHECK (reorder_days BETWEEN 0 AND 365),
    CONSTRAINT ck_products_product_status CHECK (product_status IN (N'Ativo', N'Inativo', N'Descontinuado')),
    CONSTRAINT ck_products_rating_avg CHECK (rating_avg BETWEEN 0 AND 5),
    CONSTRAINT ck_products_rating_count CHECK (rating_count >= 0)
  );
  PRINT N'Created table core.products.';
END
ELSE
  PRINT N'Table core.products already exists.';
GO

IF OBJECT_ID(N'core.teams', N'U') IS NULL
BEGIN
  CREATE TABLE core.teams (
    team_id BIGINT IDENTITY(1,1) NOT NULL,
    team_code NVARCHAR(20) NOT NULL,
    team_name NVARCHAR(100) NOT NULL,
    team_type NVARCHAR(20) NULL,
    team_category NVARCHAR(40) NULL,
    region_id BIGINT NULL,
    is_active BIT NOT NULL CONSTRAINT df_teams_is_active DEFAULT 1,
    created_at DATETIME2(0) NOT NULL CONSTRAINT df_teams_created_at DEFAULT SYSUTCDATETIME(),
    updated_at DATETIME2(0) NOT NULL CONSTRAINT df_teams_updated_at DEFAULT SYSUTCDATETIME(),
    deleted_at DATETIME2(0) NULL,
    CONSTRAINT pk_teams PRIMARY KEY (team_id),
    CONSTRAINT uq_teams_team_code UNIQUE (team_code),
    CONSTRAINT fk_teams_region_id FOREIGN KEY (region_id) REFERENCES core.regions (region_id),
    CONSTRAINT ck_teams_team_type CHECK (team_type IN (N'Interna', N'Externa', N'Digital', N'Televendas'))
  );
  PRINT N'Created table core.teams.';
END
ELSE
  PRINT N'Table core.teams already exists.';
GO

IF OBJECT_ID(N'core.sellers', N'U') IS NULL
BEGIN
  CREATE TABLE core.sellers (
    seller_id BIGINT IDENTITY(1,1) NOT NULL,
    seller_code NVARCHAR(20) NOT NULL,
    seller_name NVARCHAR(150) NOT NULL,
    email NVARCHAR(150) NULL,
    team_id BIGINT NULL,
    manager_seller_id BIGINT NULL,
    home_state NVARCHAR(2) NULL,
    home_city NVARCHAR(100) NULL,
    monthly_goal_amount DECIMAL(15,2) NOT NULL CONSTRAINT df_sellers_monthly_goal_amount DEFAULT 0,
    hire_date DATE NULL,
    seller_status NVARCHAR(20) NOT NULL CONSTRAINT df_sellers_seller_status DEFAULT N'Ativo',
    created_at DATETIME2(0) NOT NULL CONSTRAINT df_sellers_created_at DEFAULT SYSUTCDATETIME(),
    updated_at DATETIME2(0) NOT NULL CONSTRAINT df_sellers_updated_at DEFAULT SYSUTCDATETIME(),
    deleted_at DATETIME2(0) NULL,
    CONSTRAINT pk_sellers PRIMARY KEY (seller_id),
    CONSTRAINT uq_sellers_seller_code UNIQUE (seller_code),
    CONSTRAINT fk_sellers_team_id FOREIGN KEY (team_id) REFERENCES core.teams (team_id),
    CONSTRAINT fk_sellers_manager_seller_id FOREIGN KEY (manager_seller_id) REFERENCES core.sellers (seller_id),
    CONSTRAINT ck_sellers_home_state CHECK (home_state IN (N'AC', N'AL', N'AP', N'AM', N'BA', N'CE', N'DF', N'ES', N'GO', N'MA', N'MT', N'MS', N'MG', N'PA', N'PB', N'PR', N'PE', N'PI', N'RJ', N'RN', N'RS', N'RO', N'RR', N'SC', N'SP', N'SE', N'TO')),
    CONSTRAINT ck_sellers_monthly_goal_amount CHECK (monthly_goal_amount >= 0),
    CONSTRAINT ck_sellers_seller_status CHECK (seller_status IN (N'Ativo', N'Inativo', N'Afastado', N'Desligado'))
  );
  PRINT N'Created table core.sellers.';
END
ELSE
  PRINT N'Table core.sellers already exists.';
GO

IF OBJECT_ID(N'core.discount_campaigns', N'U') IS NULL
BEGIN
  CREATE TABLE core.discount_campaigns (
    discount_id BIGINT IDENTITY(1,1) NOT NULL,
    discount_code NVARCHAR(30) NOT NULL,
    campaign_name NVARCHAR(150) NOT NULL,
    description NVARCHAR(500) NULL,
    discount_type NVARCHAR(20) NOT NULL,
    discount_method NVARCHAR(20) NOT NULL,
    discount_value DECIMAL(15,2) NOT NULL,
    min_order_value DECIMAL(15,2) NULL,
    max_discount_value DECIMAL(15,2) NULL,
    max_uses_per_customer INT NULL,
    max_uses_total INT NULL,
    apply_scope NVARCHAR(20) NOT NULL CONSTRAINT df_discount_campaigns_apply_scope DEFAULT N'Pedido',
    product_restriction NVARCHAR(200) NULL,
    start_at DATETIME2(0) NOT NULL,
    end_at DATETIME2(0) NOT NULL,
    current_usage_count INT NOT NULL CONSTRAINT df_discount_campaigns_current_usage_count DEFAULT 0,
    total_revenue_generated DECIMAL(15,2) NOT NULL CONSTRAINT df_discount_campaigns_total_revenue_generated DEFAULT 0,
    total_discount_given DECIMAL(15,2) NOT NULL CONSTRAINT df_discount_campaigns_total_discount_given DEFAULT 0,
    is_active BIT NOT NULL CONSTRAINT df_discount_campaigns_is_active DEFAULT 1,
    approval_required BIT NOT NULL CONSTRAINT df_discount_campaigns_approval_required DEFAULT 0,
    is_stackable BIT NOT NULL CONSTRAINT df_discount_campaigns_is_stackable DEFAULT 0,
    created_at DATETIME2(0) NOT NULL CONSTRAINT df_discount_campaigns_created_at DEFAULT SYSUTCDATETIME(),
    updated_at DATETIME2(0) NOT NULL CONSTRAINT df_discount_campaigns_updated_at DEFAULT SYSUTCDATETIME(),
    deleted_at DATETIME2(0) NULL,
    CONSTRAINT pk_discount_campaigns PRIMARY KEY (discount_id),
    CONSTRAINT uq_discount_campaigns_discount_code UNIQUE (discount_code),
    CONSTRAINT ck_discount_campaigns_discount_type CHECK (discount_type IN (N'Cupom', N'Promocao', N'Fidelidade', N'Sazonal')),
    CONSTRAINT ck_discount_campaigns_discount_method CHECK (discount_method IN (N'Percentual', N'Valor Fixo')),
    CONSTRAINT ck_discount_campaigns_discount_value CHECK (discount_value >= 0),
    CONSTRAINT ck_discount_campaigns_min_order_value CHECK (min_order_value >= 0),
    CONSTRAINT ck_discount_campaigns_max_discount_value CHECK (max_discount_value >= 0),
    CONSTRAINT ck_discount_campaigns_max_uses_per_customer CHECK (max_uses_per_customer >= 1),
    CONSTRAINT ck_discount_campaigns_max_uses_total CHECK (max_uses_total >= 1),
    CONSTRAINT ck_discount_campaigns_apply_scope CHECK (apply_scope IN (N'Pedido', N'Item', N'Categoria')),
    CONSTRAINT ck_discount_campaigns_current_usage_count CHECK (current_usage_count >= 0),
    CONSTRAINT ck_discount_campaigns_period CHECK (end_at >= start_at),
    CONSTRAINT ck_discount_campaigns_percent CHECK (discount_method <> N'Percentual' OR discount_value <= 100)
  );
  PRINT N'Created table core.discount_campaigns.';
END
ELSE
  PRINT N'Table core.discount_campaigns already exists.';
GO

IF OBJECT_ID(N'core.orders', N'U') IS NULL
BEGIN
  CREATE TABLE core.orders (
    order_id BIGINT IDENTITY(1,1) NOT NULL,
    order_number NVARCHAR(30) NOT NULL,
    customer_id BIGINT NOT NULL,
    seller_id BIGINT NULL,
    region_id BIGINT NOT NULL,
    order_status NVARCHAR(20) NOT NULL CONSTRAINT df_orders_order_status DEFAULT N'Pendente',
    payment_status NVARCHAR(20) NOT NULL CONSTRAINT df_orders_payment_status DEFAULT N'Pendente',
    payment_method NVARCHAR(30) NULL,
    order_date DATETIME2(0) NOT NULL,
    approved_at DATETIME2(0) NULL,
    shipped_at DATETIME2(0) NULL,
    delivered_at DATETIME2(0) NULL,
    cancelled_at DATETIME2(0) NULL,
    sales_channel NVARCHAR(20) NOT NULL CONSTRAINT df_orders_sales_channel DEFAULT N'Site',
    currency_code NVARCHAR(3) NOT NULL CONSTRAINT df_orders_currency_code DEFAULT N'BRL',
    notes NVARCHAR(500) NULL,
    created_at DATETIME2(0) NOT NULL CONSTRAINT df_orders_created_at DEFAULT SYSUTCDATETIME(),
    updated_at DATETIME2(0) NOT NULL CONSTRAINT df_orders_updated_at DEFAULT SYSUTCDATETIME(),
    deleted_at DATETIME2(0) NULL,
    CONSTRAINT pk_orders PRIMARY KEY (order_id),
    CONSTRAINT uq_orders_order_number UNIQUE (order_number),
    CONSTRAINT fk_orders_customer_id FOREIGN KEY (customer_id) REFERENCES core.customers (customer_id),
    CONSTRAINT fk_orders_seller_id FOREIGN KEY (seller_id) REFERENCES core.sellers (seller_id),
    CONSTRAINT fk_orders_region_id FOREIGN KEY (region_id) REFERENCES core.regions (region_id),
    CONSTRAINT ck_orders_order_status CHECK (order_status IN (N'Pendente', N'Confirmado', N'Faturado', N'Enviado', N'Entregue', N'Cancelado', N'Devolvido')),
    CONSTRAINT ck_orders_payment_status CHECK (payment_status IN (N'Pendente', N'Aprovado', N'Recusado', N'Estornado')),
    CONSTRAINT ck_orders_payment_method CHECK (payment_method IN (N'Cartao de Credito', N'Boleto', N'Pix', N'Cartao de Debito')),
    CONSTRAINT ck_orders_sales_channel CHECK (sales_channel IN (N'Site', N'App', N'Marketplace', N'Loja Fisica', N'Televendas'))
  );
  PRINT N'Created table core.orders.';
END
ELSE
  PRINT N'Table core.orders already exists.';
GO

IF OBJECT_ID(N'core.order_items', N'U') IS NULL
BEGIN
  CREATE TABLE core.order_items (
    order_item_id BIGINT IDENTITY(1,1) NOT NULL,
    order_id BIGINT NOT NULL,
    product_id BIGINT NOT NULL,
    quantity INT NOT NULL,
    unit_price DECIMAL(15,2) NOT NULL,
    gross_amount DECIMAL(15,2) NOT NULL,
    discount_amount DECIMAL(15,2) NOT NULL CONSTRAINT df_order_items_discount_amount DEFAULT 0,
    net_amount DECIMAL(15,2) NOT NULL,
    cost_amount DECIMAL(15,2) NOT NULL,
    return_quantity INT NOT NULL CONSTRAINT df_order_items_return_quantity DEFAULT 0,
    returned_amount DECIMAL(15,2) NOT NULL CONSTRAINT df_order_items_returned_amount DEFAULT 0,
    commission_percent DECIMAL(5,2) NULL,
    commission_amount DECIMAL(15,2) NULL,
    had_discount BIT NOT NULL CONSTRAINT df_order_items_had_discount DEFAULT 0,
    created_at DATETIME2(0) NOT NULL CONSTRAINT df_order_items_created_at DEFAULT SYSUTCDATETIME(),
    updated_at DATETIME2(0) NOT NULL CONSTRAINT df_order_items_updated_at DEFAULT SYSUTCDATETIME(),
    deleted_at DATETIME2(0) NULL,
    CONSTRAINT pk_order_items PRIMARY KEY (order_item_id),
    CONSTRAINT fk_order_items_order_id FOREIGN KEY (order_id) REFERENCES core.orders (order_id),
    CONSTRAINT fk_order_items_product_id FOREIGN KEY (product_id) REFERENCES core.products (product_id),
    CONSTRAINT ck_order_items_quantity CHECK (quantity BETWEEN 1 AND 1000000),
    CONSTRAINT ck_order_items_unit_price CHECK (unit_price >= 0),
    CONSTRAINT ck_order_items_gross_amount CHECK (gross_amount >= 0),
    CONSTRAINT ck_order_items_discount_amount CHECK (discount_amount >= 0),
    CONSTRAINT ck_order_items_net_amount CHECK (net_amount >= 0),
    CONSTRAINT ck_order_items_cost_amount CHECK (cost_amount >= 0),
    CONSTRAINT ck_order_items_return_quantity CHECK (return_quantity BETWEEN 0 AND 1000000),
    CONSTRAINT ck_order_items_returned_amount CHECK (returned_amount >= 0),
    CONSTRAINT ck_order_items_commission_percent CHECK (commission_percent BETWEEN 0 AND 100),
    CONSTRAINT ck_order_items_commission_amount CHECK (commission_amount >= 0),
    CONSTRAINT ck_order_items_net CHECK (net_amount = gross_amount - discount_amount),
    CONSTRAINT ck_order_items_discount CHECK (discount_amount <= gross_amount),
    CONSTRAINT ck_order_items_return CHECK (return_quantity <= quantity)
  );
  PRINT N'Created table core.order_items.';
END
ELSE
  PRINT N'Table core.order_items already exists.';
GO

IF OBJECT_ID(N'core.order_item_discounts', N'U') IS NULL
BEGIN
  CREATE TABLE core.order_item_discounts (
    order_item_discount_id BIGINT IDENTITY(1,1) NOT NULL,
    order_item_id BIGINT NOT NULL,
    discount_id BIGINT NOT NULL,
    application_level NVARCHAR(20) NOT NULL CONSTRAINT df_order_item_discounts_application_level DEFAULT N'Item',
    discount_amount DECIMAL(15,2) NOT NULL,
    base_amount DECIMAL(15,2) NOT NULL,
    final_amount DECIMAL(15,2) NOT NULL,
    applied_at DATETIME2(0) NOT NULL,
    approved BIT NOT NULL CONSTRAINT df_order_item_discounts_approved DEFAULT 1,
    rejection_reason NVARCHAR(200) NULL,
    created_at DATETIME2(0) NOT NULL CONSTRAINT df_order_item_discounts_created_at DEFAULT SYSUTCDATETIME(),
    updated_at DATETIME2(0) NOT NULL CONSTRAINT df_order_item_discounts_updated_at DEFAULT SYSUTCDATETIME(),
    deleted_at DATETIME2(0) NULL,
    CONSTRAINT pk_order_item_discounts PRIMARY KEY (order_item_discount_id),
    CONSTRAINT fk_order_item_discounts_order_item_id FOREIGN KEY (order_item_id) REFERENCES core.order_items (order_item_id),
    CONSTRAINT fk_order_item_discounts_discount_id FOREIGN KEY (discount_id) REFERENCES core.discount_campaigns (discount_id),
    CONSTRAINT ck_order_item_discounts_application_level CHECK (application_level IN (N'Pedido', N'Item')),
    CONSTRAINT ck_order_item_discounts_discount_amount CHECK (discount_amount >= 0),
    CONSTRAINT ck_order_item_discounts_base_amount CHECK (base_amount >= 0),
    CONSTRAINT ck_order_item_discounts_final_amount CHECK (final_amount >= 0),
    CONSTRAINT ck_order_item_discounts_final CHECK (final_amount = base_amount - discount_amount)
  );
  PRINT N'Created table core.order_item_discounts.';
END
ELSE
  PRINT N'Table core.order_item_discounts already exists.';
GO

IF OBJECT_ID(N'core.seller_targets_monthly', N'U') IS NULL
BEGIN
  CREATE TABLE core.seller_targets_monthly (
    seller_target_id BIGINT IDENTITY(1,1) NOT NULL,
    seller_id BIGINT NOT NULL,
    target_month DATE NOT NULL,
    period_type NVARCHAR(20) NOT NULL CONSTRAINT df_seller_targets_monthly_period_type DEFAULT N'Mensal',
    target_amount DECIMAL(15,2) NOT NULL,
    target_quantity INT NULL,
    realized_amount DECIMAL(15,2) NOT NULL CONSTRAINT df_seller_targets_monthly_realized_amount DEFAULT 0,
    realized_quantity INT NULL,
    period_closed BIT NOT NULL CONSTRAINT df_seller_targets_monthly_period_closed DEFAULT 0,
    created_at DATETIME2(0) NOT NULL CONSTRAINT df_seller_targets_monthly_created_at DEFAULT SYSUTCDATETIME(),
    updated_at DATETIME2(0) NOT NULL CONSTRAINT df_seller_targets_monthly_updated_at DEFAULT SYSUTCDATETIME(),
    deleted_at DATETIME2(0) NULL,
    CONSTRAINT pk_seller_targets_monthly PRIMARY KEY (seller_target_id),
    CONSTRAINT uq_seller_targets_monthly_seller_id_target_month UNIQUE (seller_id, target_month),
    CONSTRAINT fk_seller_targets_monthly_seller_id FOREIGN KEY (seller_id) REFERENCES core.sellers (seller_id),
    CONSTRAINT ck_seller_targets_monthly_period_type CHECK (period_type IN (N'Mensal')),
    CONSTRAINT ck_seller_targets_monthly_target_amount CHECK (target_amount >= 0),
    CONSTRAINT ck_seller_targets_monthly_target_quantity CHECK (target_quantity >= 0),
    CONSTRAINT ck_seller_targets_monthly_realized_amount CHECK (realized_amount >= 0),
    CONSTRAINT ck_seller_targets_monthly_realized_quantity CHECK (realized_quantity >= 0)
  );
  PRINT N'Created table core.seller_targets_monthly.';
END
ELSE
  PRINT N'Table core.seller_targets_monthly already exists.';
GO
