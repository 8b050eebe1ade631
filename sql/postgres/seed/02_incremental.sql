-- Incremental seed: updates, inserts and soft-deletes rows of the base seed with updated_at values
-- that tie, so an incremental ETL has work. Runs only on the exact state the base seed leaves
-- (10 customers); a rerun, or any other data, is reported and left unchanged.

DO $$
BEGIN
  IF (SELECT MAX(customer_id) FROM core.customers) = 10 THEN
    UPDATE core.customers SET credit_score = CASE WHEN credit_score >= 950 THEN credit_score - 50 ELSE credit_score + 50 END, customer_type = CASE WHEN customer_type = 'Novo' THEN 'Recorrente' ELSE customer_type END, last_purchase_date = '2026-01-05', updated_at = '2026-01-05 11:30:00' WHERE customer_id IN (2, 7);
    UPDATE core.customers SET deleted_at = '2026-01-05 11:50:00', is_active = false, customer_type = 'Inativo', updated_at = '2026-01-05 11:50:00' WHERE customer_id IN (3);
    UPDATE core.products SET list_price = ROUND(list_price * 1.05, 2), updated_at = '2026-01-05 11:50:00' WHERE product_id IN (1, 4);
    INSERT INTO core.customers (customer_id, customer_code, full_name, email, phone, document_number, birth_date, gender, customer_type, segment, credit_score, value_category, address_line, district, city, state, country, zip_code, first_signup_date, last_purchase_date, is_active, accepts_email_marketing, is_vip, created_at, updated_at, deleted_at) VALUES
    (11, 'CLI-00000011', 'Ana Santos', 'ana.santos11@hotmail.com', '(21) 99523-9425', '326.126.061-06', '1968-09-14', 'F', 'Novo', 'Pessoa Fisica', 899, 'Bronze', 'Avenida São João, 2550', 'São José', 'Rio de Janeiro', 'RJ', 'Brasil', '20075-458', '2026-01-05', NULL, true, false, false, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL),
    (12, 'CLI-00000012', 'Carlos Andrade Dias', 'carlos.andrade.dias12@uol.com.br', '(81) 93367-3759', '761.259.589-30', '1953-06-10', 'M', 'Novo', 'Pessoa Fisica', 870, 'Prata', 'Rua Tiradentes, 2273', 'Liberdade', 'Recife', 'PE', 'Brasil', '50062-158', '2026-01-05', NULL, true, false, false, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL);
    PERFORM setval(pg_get_serial_sequence('core.customers', 'customer_id'), (SELECT coalesce(max(customer_id), 0) + 1 FROM core.customers), false);
    INSERT INTO core.orders (order_id, order_number, customer_id, seller_id, region_id, order_status, payment_status, payment_method, order_date, approved_at, shipped_at, delivered_at, cancelled_at, sales_channel, currency_code, notes, created_at, updated_at, deleted_at) VALUES
    (51, 'PED-2024-000000051', 2, NULL, 3, 'Pendente', 'Pendente', 'Boleto', '2026-01-05 11:59:00', NULL, NULL, NULL, NULL, 'App', 'BRL', NULL, '2026-01-05 11:59:00', '2026-01-05 11:59:00', NULL),
    (52, 'PED-2024-000000052', 2, 3, 3, 'Pendente', 'Pendente', 'Cartao de Credito', '2026-01-05 11:30:00', NULL, NULL, NULL, NULL, 'Site', 'BRL', NULL, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL),
    (53, 'PED-2025-000000053', 9, NULL, 30, 'Pendente', 'Pendente', 'Cartao de Debito', '2026-01-05 11:50:00', NULL, NULL, NULL, NULL, 'App', 'BRL', NULL, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
    (54, 'PED-2024-000000054', 2, NULL, 3, 'Pendente', 'Pendente', 'Cartao de Credito', '2026-01-05 11:50:00', NULL, NULL, NULL, NULL, 'Site', 'BRL', NULL, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
    (55, 'PED-2025-000000055', 4, 2, 7, 'Pendente', 'Pendente', 'Pix', '2026-01-05 11:59:00', NULL, NULL, NULL, NULL, 'Site', 'BRL', NULL, '2026-01-05 11:59:00', '2026-01-05 11:59:00', NULL),
    (56, 'PED-2024-000000056', 10, 1, 36, 'Pendente', 'Pendente', 'Pix', '2026-01-05 11:30:00', NULL, NULL, NULL, NULL, 'App', 'BRL', NULL, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL),
    (57, 'PED-2025-000000057', 4, 3, 7, 'Pendente', 'Pendente', 'Pix', '2026-01-05 11:50:00', NULL, NULL, NULL, NULL, 'Site', 'BRL', NULL, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
    (58, 'PED-2025-000000058', 10, 4, 36, 'Pendente', 'Pendente', 'Cartao de Credito', '2026-01-05 11:50:00', NULL, NULL, NULL, NULL, 'App', 'BRL', NULL, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
    (59, 'PED-2025-000000059', 10, NULL, 36, 'Pendente', 'Pendente', 'Pix', '2026-01-05 11:59:00', NULL, NULL, NULL, NULL, 'App', 'BRL', NULL, '2026-01-05 11:59:00', '2026-01-05 11:59:00', NULL),
    (60, 'PED-2024-000000060', 2, NULL, 3, 'Pendente', 'Pendente', 'Cartao de Debito', '2026-01-05 11:30:00', NULL, NULL, NULL, NULL, 'Site', 'BRL', NULL, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL);
    PERFORM setval(pg_get_serial_sequence('core.orders', 'order_id'), (SELECT coalesce(max(order_id), 0) + 1 FROM core.orders), false);
    INSERT INTO core.order_items (order_item_id, order_id, product_id, quantity, unit_price, gross_amount, discount_amount, net_amount, cost_amount, return_quantity, returned_amount, commission_percent, commission_amount, had_discount, created_at, updated_at, deleted_at) VALUES
    (105, 51, 5, 3, '9078.90', '27236.70', '0.00', '27236.70', '17892.93', 0, '0.00', NULL, NULL, false, '2026-01-05 11:59:00', '2026-01-05 11:59:00', NULL),
    (106, 51, 6, 3, '2313.90', '6941.70', '0.00', '6941.70', '4910.58', 0, '0.00', NULL, NULL, false, '2026-01-05 11:59:00', '2026-01-05 11:59:00', NULL),
    (107, 51, 1, 1, '49.90', '49.90', '3.49', '46.41', '32.26', 0, '0.00', NULL, NULL, true, '2026-01-05 11:59:00', '2026-01-05 11:59:00', NULL),
    (108, 52, 7, 3, '209.90', '629.70', '0.00', '629.70', '366.12', 0, '0.00', '4.00', '25.19', false, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL),
    (109, 52, 3, 1, '6378.90', '6378.90', '0.00', '6378.90', '3538.61', 0, '0.00', '3.00', '191.37', false, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL),
    (110, 52, 9, 2, '187.90', '375.80', '56.37', '319.43', '197.50', 0, '0.00', '3.00', '9.58', true, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL),
    (111, 53, 1, 1, '49.90', '49.90', '0.00', '49.90', '32.26', 0, '0.00', NULL, NULL, false, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
    (112, 53, 5, 2, '9078.90', '18157.80', '0.00', '18157.80', '11928.62', 0, '0.00', NULL, NULL, false, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
    (113, 54, 2, 2, '117.90', '235.80', '18.86', '216.94', '113.64', 0, '0.00', NULL, NULL, true, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
    (114, 54, 4, 3, '48.90', '146.70', '0.00', '146.70', '97.08', 0, '0.00', NULL, NULL, false, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
    (115, 54, 8, 2, '34.90', '69.80', '4.89', '64.91', '41.10', 0, '0.00', NULL, NULL, true, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
    (116, 54, 8, 1, '34.90', '34.90', '0.00', '34.90', '20.55', 0, '0.00', NULL, NULL, false, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
    (117, 55, 7, 1, '209.90', '209.90', '0.00', '209.90', '122.04', 0, '0.00', '4.00', '8.40', false, '2026-01-05 11:59:00', '2026-01-05 11:59:00', NULL),
    (118, 55, 7, 5, '209.90', '1049.50', '73.47', '976.03', '610.20', 0, '0.00', '5.00', '48.80', true, '2026-01-05 11:59:00', '2026-01-05 11:59:00', NULL),
    (119, 56, 10, 1, '8677.90', '8677.90', '607.45', '8070.45', '5535.32', 0, '0.00', '2.00', '161.41', true, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL),
    (120, 56, 10, 2, '8677.90', '17355.80', '0.00', '17355.80', '11070.64', 0, '0.00', '3.00', '520.67', false, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL),
    (121, 56, 9, 5, '187.90', '939.50', '65.77', '873.73', '493.75', 0, '0.00', '1.00', '8.74', true, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL),
    (122, 57, 5, 3, '9078.90', '27236.70', '0.00', '27236.70', '17892.93', 0, '0.00', '3.00', '817.10', false, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
    (123, 57, 9, 1, '187.90', '187.90', '0.00', '187.90', '98.75', 0, '0.00', '3.00', '5.64', false, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
    (124, 57, 6, 1, '2313.90', '2313.90', '0.00', '2313.90', '1636.86', 0, '0.00', '3.00', '69.42', false, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
    (125, 58, 5, 1, '9078.90', '9078.90', '0.00', '9078.90', '5964.31', 0, '0.00', '4.00', '363.16', false, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
    (126, 58, 5, 5, '9078.90', '45394.50', '0.00', '45394.50', '29821.55', 0, '0.00', '3.00', '1361.84', false, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
    (127, 59, 8, 3, '34.90', '104.70', '0.00', '104.70', '61.65', 0, '0.00', NULL, NULL, false, '2026-01-05 11:59:00', '2026-01-05 11:59:00', NULL),
    (128, 60, 3, 3, '6378.90', '19136.70', '0.00', '19136.70', '10615.83', 0, '0.00', NULL, NULL, false, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL),
    (129, 60, 1, 1, '49.90', '49.90', '0.00', '49.90', '32.26', 0, '0.00', NULL, NULL, false, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL),
    (130, 60, 3, 1, '6378.90', '6378.90', '0.00', '6378.90', '3538.61', 0, '0.00', NULL, NULL, false, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL),
    (131, 60, 9, 1, '187.90', '187.90', '0.00', '187.90', '98.75', 0, '0.00', NULL, NULL, false, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL);
    PERFORM setval(pg_get_serial_sequence('core.order_items', 'order_item_id'), (SELECT coalesce(max(order_item_id), 0) + 1 FROM core.order_items), false);
    INSERT INTO core.order_item_discounts (order_item_discount_id, order_item_id, discount_id, application_level, discount_amount, base_amount, final_amount, applied_at, approved, rejection_reason, created_at, updated_at, deleted_at) VALUES
    (33, 107, 3, 'Item', '3.49', '49.90', '46.41', '2026-01-05 11:59:00', true, NULL, '2026-01-05 11:59:00', '2026-01-05 11:59:00', NULL),
    (34, 110, 2, 'Item', '56.37', '375.80', '319.43', '2026-01-05 11:30:00', true, NULL, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL),
    (35, 113, 1, 'Item', '18.86', '235.80', '216.94', '2026-01-05 11:50:00', true, NULL, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
    (36, 115, 3, 'Item', '4.89', '69.80', '64.91', '2026-01-05 11:50:00', true, NULL, '2026-01-05 11:50:00', '2026-01-05 11:50:00', NULL),
    (37, 118, 3, 'Item', '73.47', '1049.50', '976.03', '2026-01-05 11:59:00', true, NULL, '2026-01-05 11:59:00', '2026-01-05 11:59:00', NULL),
    (38, 119, 3, 'Item', '607.45', '8677.90', '8070.45', '2026-01-05 11:30:00', true, NULL, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL),
    (39, 121, 3, 'Item', '65.77', '939.50', '873.73', '2026-01-05 11:30:00', true, NULL, '2026-01-05 11:30:00', '2026-01-05 11:30:00', NULL);
    PERFORM setval(pg_get_serial_sequence('core.order_item_discounts', 'order_item_discount_id'), (SELECT coalesce(max(order_item_discount_id), 0) + 1 FROM core.order_item_discounts), false);
    RAISE NOTICE 'Applied the incremental seed: 4 updated, 46 inserted, 1 soft-deleted.';
  ELSE
    RAISE NOTICE 'Incremental seed already applied, or the OLTP is not the base seed; nothing changed.';
  END IF;
END $$;
