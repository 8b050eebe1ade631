-- Incremental seed: updates, inserts and soft-deletes rows of the base seed with updated_at values
-- that tie, so an incremental ETL has work. Runs only on the exact state the base seed leaves
-- (10 customers); a rerun, or any other data, is reported and left unchanged.

SET NOCOUNT ON;
GO
USE ECOMMERCE_OLTP;
GO

IF (SELECT MAX(customer_id) FROM core.customers) = 10
BEGIN
  UPDATE core.customers SET credit_score = CASE WHEN credit_score >= 950 THEN credit_score - 50 ELSE credit_score + 50 END, customer_type = CASE WHEN customer_type = 'Novo' THEN 'Recorrente' ELSE customer_type END, last_purchase_date = '2026-01-05', updated_at = '2026-01-05 11:30:00' WHERE customer_id IN (2, 7);
  UPDATE core.customers SET deleted_at = '2026-01-05 11:50:00', is_active = 0, customer_type = 'Inativo', updated_at = '2026-01-05 11:50:00' WHERE customer_id IN (3);
  UPDATE core.products SET list_price = ROUND(list_price * 1.05, 2), updated_at = '2026-01-05 11:50:00' WHERE product_id IN (1, 4);
  SET IDENTITY_INSERT core.customers ON;
  INSERT INTO core.customers (customer_id, customer_code, full_name, email, phone, document_number, birth_date, gender, customer_type, segment, credit_score, value_category, address_line, district, city, state, country, zip_code, first_signup_date, last_purchase_date, is_active, accepts_email_marketing, is_vip, created_at, updated_at, deleted_at) VALUES
  (11, N'CLI-00000011', N'Ana Santos', N'ana.santos11@hotmail.com', N'(21) 99523-9425', N'326.126.061-06', '1968-09-14', N'F', N'Novo', N'Pessoa Fisica', 899, N'Bronze', N'Avenida São João, 2550', N'São José', N'Rio de Janeiro', N'RJ', N'Brasil', N'20075-458', '2026-01-05', NULL, 1, 0, 0, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL),
  (12, N'CLI-00000012', N'Carlos Andrade Dias', N'carlos.andrade.dias12@uol.com.br', N'(81) 93367-3759', N'761.259.589-30', '1953-06-10', N'M', N'Novo', N'Pessoa Fisica', 870, N'Prata', N'Rua Tiradentes, 2273', N'Liberdade', N'Recife', N'PE', N'Brasil', N'50062-158', '2026-01-05', NULL, 1, 0, 0, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL);
  SET IDENTITY_INSERT core.customers OFF;
  SET IDENTITY_INSERT core.orders ON;
  INSERT INTO core.orders (order_id, order_number, customer_id, seller_id, region_id, order_status, payment_status, payment_method, order_date, approved_at, shipped_at, delivered_at, cancelled_at, sales_channel, currency_code, notes, created_at, updated_at, deleted_at) VALUES
  (51, N'PED-2024-000000051', 2, NULL, 3, N'Pendente', N'Pendente', N'Boleto', '2026-01-05 11:59:00', NULL, NULL, NULL, NULL, N'App', N'BRL', NULL, '2026-01-05 11:59:00', '2026-01-05 11:59:00', NULL),
  (52, N'PED-2024-000000052', 2, 3, 3, N'Pendente', N'Pendente', N'Cartao de Credito', '2026-01-05 11:30:00', NULL, NULL, NULL, NULL, N'Site', N'BRL', NULL, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL),
  (53, N'PED-2025-000000053', 9, NULL, 30, N'Pendente', N'Pendente', N'Cartao de Debito', '2026-01-05 11:50:00', NULL, NULL, NULL, NULL, N'App', N'BRL', NULL, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
  (54, N'PED-2024-000000054', 2, NULL, 3, N'Pendente', N'Pendente', N'Cartao de Credito', '2026-01-05 11:50:00', NULL, NULL, NULL, NULL, N'Site', N'BRL', NULL, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
  (55, N'PED-2025-000000055', 4, 2, 7, N'Pendente', N'Pendente', N'Pix', '2026-01-05 11:59:00', NULL, NULL, NULL, NULL, N'Site', N'BRL', NULL, '2026-01-05 11:59:00', '2026-01-05 11:59:00', NULL),
  (56, N'PED-2024-000000056', 10, 1, 36, N'Pendente', N'Pendente', N'Pix', '2026-01-05 11:30:00', NULL, NULL, NULL, NULL, N'App', N'BRL', NULL, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL),
  (57, N'PED-2025-000000057', 4, 3, 7, N'Pendente', N'Pendente', N'Pix', '2026-01-05 11:50:00', NULL, NULL, NULL, NULL, N'Site', N'BRL', NULL, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
  (58, N'PED-2025-000000058', 10, 4, 36, N'Pendente', N'Pendente', N'Cartao de Credito', '2026-01-05 11:50:00', NULL, NULL, NULL, NULL, N'App', N'BRL', NULL, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
  (59, N'PED-2025-000000059', 10, NULL, 36, N'Pendente', N'Pendente', N'Pix', '2026-01-05 11:59:00', NULL, NULL, NULL, NULL, N'App', N'BRL', NULL, '2026-01-05 11:59:00', '2026-01-05 11:59:00', NULL),
  (60, N'PED-2024-000000060', 2, NULL, 3, N'Pendente', N'Pendente', N'Cartao de Debito', '2026-01-05 11:30:00', NULL, NULL, NULL, NULL, N'Site', N'BRL', NULL, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL);
  SET IDENTITY_INSERT core.orders OFF;
  SET IDENTITY_INSERT core.order_items ON;
  INSERT INTO core.order_items (order_item_id, order_id, product_id, quantity, unit_price, gross_amount, discount_amount, net_amount, cost_amount, return_quantity, returned_amount, commission_percent, commission_amount, had_discount, created_at, updated_at, deleted_at) VALUES
  (105, 51, 5, 3, N'9078.90', N'27236.70', N'0.00', N'27236.70', N'17892.93', 0, N'0.00', NULL, NULL, 0, '2026-01-05 11:59:00', '2026-01-05 11:59:00', NULL),
  (106, 51, 6, 3, N'2313.90', N'6941.70', N'0.00', N'6941.70', N'4910.58', 0, N'0.00', NULL, NULL, 0, '2026-01-05 11:59:00', '2026-01-05 11:59:00', NULL),
  (107, 51, 1, 1, N'49.90', N'49.90', N'3.49', N'46.41', N'32.26', 0, N'0.00', NULL, NULL, 1, '2026-01-05 11:59:00', '2026-01-05 11:59:00', NULL),
  (108, 52, 7, 3, N'209.90', N'629.70', N'0.00', N'629.70', N'366.12', 0, N'0.00', N'4.00', N'25.19', 0, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL),
  (109, 52, 3, 1, N'6378.90', N'6378.90', N'0.00', N'6378.90', N'3538.61', 0, N'0.00', N'3.00', N'191.37', 0, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL),
  (110, 52, 9, 2, N'187.90', N'375.80', N'56.37', N'319.43', N'197.50', 0, N'0.00', N'3.00', N'9.58', 1, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL),
  (111, 53, 1, 1, N'49.90', N'49.90', N'0.00', N'49.90', N'32.26', 0, N'0.00', NULL, NULL, 0, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
  (112, 53, 5, 2, N'9078.90', N'18157.80', N'0.00', N'18157.80', N'11928.62', 0, N'0.00', NULL, NULL, 0, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
  (113, 54, 2, 2, N'117.90', N'235.80', N'18.86', N'216.94', N'113.64', 0, N'0.00', NULL, NULL, 1, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
  (114, 54, 4, 3, N'48.90', N'146.70', N'0.00', N'146.70', N'97.08', 0, N'0.00', NULL, NULL, 0, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
  (115, 54, 8, 2, N'34.90', N'69.80', N'4.89', N'64.91', N'41.10', 0, N'0.00', NULL, NULL, 1, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
  (116, 54, 8, 1, N'34.90', N'34.90', N'0.00', N'34.90', N'20.55', 0, N'0.00', NULL, NULL, 0, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
  (117, 55, 7, 1, N'209.90', N'209.90', N'0.00', N'209.90', N'122.04', 0, N'0.00', N'4.00', N'8.40', 0, '2026-01-05 11:59:00', '2026-01-05 11:59:00', NULL),
  (118, 55, 7, 5, N'209.90', N'1049.50', N'73.47', N'976.03', N'610.20', 0, N'0.00', N'5.00', N'48.80', 1, '2026-01-05 11:59:00', '2026-01-05 11:59:00', NULL),
  (119, 56, 10, 1, N'8677.90', N'8677.90', N'607.45', N'8070.45', N'5535.32', 0, N'0.00', N'2.00', N'161.41', 1, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL),
  (120, 56, 10, 2, N'8677.90', N'17355.80', N'0.00', N'17355.80', N'11070.64', 0, N'0.00', N'3.00', N'520.67', 0, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL),
  (121, 56, 9, 5, N'187.90', N'939.50', N'65.77', N'873.73', N'493.75', 0, N'0.00', N'1.00', N'8.74', 1, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL),
  (122, 57, 5, 3, N'9078.90', N'27236.70', N'0.00', N'27236.70', N'17892.93', 0, N'0.00', N'3.00', N'817.10', 0, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
  (123, 57, 9, 1, N'187.90', N'187.90', N'0.00', N'187.90', N'98.75', 0, N'0.00', N'3.00', N'5.64', 0, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
  (124, 57, 6, 1, N'2313.90', N'2313.90', N'0.00', N'2313.90', N'1636.86', 0, N'0.00', N'3.00', N'69.42', 0, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
  (125, 58, 5, 1, N'9078.90', N'9078.90', N'0.00', N'9078.90', N'5964.31', 0, N'0.00', N'4.00', N'363.16', 0, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
  (126, 58, 5, 5, N'9078.90', N'45394.50', N'0.00', N'45394.50', N'29821.55', 0, N'0.00', N'3.00', N'1361.84', 0, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
  (127, 59, 8, 3, N'34.90', N'104.70', N'0.00', N'104.70', N'61.65', 0, N'0.00', NULL, NULL, 0, '2026-01-05 11:59:00', '2026-01-05 11:59:00', NULL),
  (128, 60, 3, 3, N'6378.90', N'19136.70', N'0.00', N'19136.70', N'10615.83', 0, N'0.00', NULL, NULL, 0, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL),
  (129, 60, 1, 1, N'49.90', N'49.90', N'0.00', N'49.90', N'32.26', 0, N'0.00', NULL, NULL, 0, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL),
  (130, 60, 3, 1, N'6378.90', N'6378.90', N'0.00', N'6378.90', N'3538.61', 0, N'0.00', NULL, NULL, 0, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL),
  (131, 60, 9, 1, N'187.90', N'187.90', N'0.00', N'187.90', N'98.75', 0, N'0.00', NULL, NULL, 0, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL);
  SET IDENTITY_INSERT core.order_items OFF;
  SET IDENTITY_INSERT core.order_item_discounts ON;
  INSERT INTO core.order_item_discounts (order_item_discount_id, order_item_id, discount_id, application_level, discount_amount, base_amount, final_amount, applied_at, approved, rejection_reason, created_at, updated_at, deleted_at) VALUES
  (33, 107, 3, N'Item', N'3.49', N'49.90', N'46.41', '2026-01-05 11:59:00', 1, NULL, '2026-01-05 11:59:00', '2026-01-05 11:59:00', NULL),
  (34, 110, 2, N'Item', N'56.37', N'375.80', N'319.43', '2026-01-05 11:30:00', 1, NULL, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL),
  (35, 113, 1, N'Item', N'18.86', N'235.80', N'216.94', '2026-01-05 11:50:00', 1, NULL, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
  (36, 115, 3, N'Item', N'4.89', N'69.80', N'64.91', '2026-01-05 11:50:00', 1, NULL, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
  (37, 118, 3, N'Item', N'73.47', N'1049.50', N'976.03', '2026-01-05 11:59:00', 1, NULL, '2026-01-05 11:59:00', '2026-01-05 11:59:00', NULL),
  (38, 119, 3, N'Item', N'607.45', N'8677.90', N'8070.45', '2026-01-05 11:30:00', 1, NULL, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL),
  (39, 121, 3, N'Item', N'65.77', N'939.50', N'873.73', '2026-01-05 11:30:00', 1, NULL, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL);
  SET IDENTITY_INSERT core.order_item_discounts OFF;
  PRINT N'Applied the incremental seed: 4 updated, 46 inserted, 1 soft-deleted.';
END
ELSE
  PRINT N'Incremental seed already applied, or the OLTP is not the base seed; nothing changed.';
GO
