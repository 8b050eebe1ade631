-- Base seed of the OLTP (schema core): a small fixed data set, rendered from the data generator
-- (seed 20240101, scale 0.001). Each table is filled only when it is empty.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM core.regions) THEN
    INSERT INTO core.regions (region_id, country, region_name, state, state_name, city, ibge_code, is_active, created_at, updated_at, deleted_at) VALUES
    (1, 'Brasil', 'Sudeste', 'SP', 'São Paulo', 'São Paulo', '3550308', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (2, 'Brasil', 'Sudeste', 'SP', 'São Paulo', 'Campinas', '3509502', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (3, 'Brasil', 'Sudeste', 'SP', 'São Paulo', 'Santos', '3548500', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (4, 'Brasil', 'Sudeste', 'SP', 'São Paulo', 'Guarulhos', '3518800', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (5, 'Brasil', 'Sudeste', 'SP', 'São Paulo', 'Ribeirão Preto', '3543402', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (6, 'Brasil', 'Sudeste', 'SP', 'São Paulo', 'Sorocaba', '3552205', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (7, 'Brasil', 'Sudeste', 'RJ', 'Rio de Janeiro', 'Rio de Janeiro', '3304557', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (8, 'Brasil', 'Sudeste', 'RJ', 'Rio de Janeiro', 'Niterói', '3303302', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (9, 'Brasil', 'Sudeste', 'MG', 'Minas Gerais', 'Belo Horizonte', '3106200', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (10, 'Brasil', 'Sudeste', 'MG', 'Minas Gerais', 'Uberlândia', '3170206', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (11, 'Brasil', 'Sudeste', 'MG', 'Minas Gerais', 'Juiz de Fora', '3136702', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (12, 'Brasil', 'Sudeste', 'ES', 'Espírito Santo', 'Vitória', '3205309', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (13, 'Brasil', 'Sul', 'PR', 'Paraná', 'Curitiba', '4106902', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (14, 'Brasil', 'Sul', 'PR', 'Paraná', 'Londrina', '4113700', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (15, 'Brasil', 'Sul', 'SC', 'Santa Catarina', 'Florianópolis', '4205407', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (16, 'Brasil', 'Sul', 'SC', 'Santa Catarina', 'Joinville', '4209102', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (17, 'Brasil', 'Sul', 'RS', 'Rio Grande do Sul', 'Porto Alegre', '4314902', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (18, 'Brasil', 'Sul', 'RS', 'Rio Grande do Sul', 'Caxias do Sul', '4305108', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (19, 'Brasil', 'Centro-Oeste', 'DF', 'Distrito Federal', 'Brasília', '5300108', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (20, 'Brasil', 'Centro-Oeste', 'GO', 'Goiás', 'Goiânia', '5208707', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (21, 'Brasil', 'Centro-Oeste', 'MT', 'Mato Grosso', 'Cuiabá', '5103403', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (22, 'Brasil', 'Centro-Oeste', 'MS', 'Mato Grosso do Sul', 'Campo Grande', '5002704', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (23, 'Brasil', 'Nordeste', 'BA', 'Bahia', 'Salvador', '2927408', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (24, 'Brasil', 'Nordeste', 'BA', 'Bahia', 'Feira de Santana', '2910800', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (25, 'Brasil', 'Nordeste', 'PE', 'Pernambuco', 'Recife', '2611606', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (26, 'Brasil', 'Nordeste', 'CE', 'Ceará', 'Fortaleza', '2304400', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (27, 'Brasil', 'Nordeste', 'MA', 'Maranhão', 'São Luís', '2111300', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (28, 'Brasil', 'Nordeste', 'PI', 'Piauí', 'Teresina', '2211001', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (29, 'Brasil', 'Nordeste', 'RN', 'Rio Grande do Norte', 'Natal', '2408102', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (30, 'Brasil', 'Nordeste', 'PB', 'Paraíba', 'João Pessoa', '2507507', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (31, 'Brasil', 'Nordeste', 'AL', 'Alagoas', 'Maceió', '2704302', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (32, 'Brasil', 'Nordeste', 'SE', 'Sergipe', 'Aracaju', '2800308', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (33, 'Brasil', 'Norte', 'AM', 'Amazonas', 'Manaus', '1302603', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (34, 'Brasil', 'Norte', 'PA', 'Pará', 'Belém', '1501402', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (35, 'Brasil', 'Norte', 'RO', 'Rondônia', 'Porto Velho', '1100205', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (36, 'Brasil', 'Norte', 'AC', 'Acre', 'Rio Branco', '1200401', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (37, 'Brasil', 'Norte', 'AP', 'Amapá', 'Macapá', '1600303', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (38, 'Brasil', 'Norte', 'RR', 'Roraima', 'Boa Vista', '1400100', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
    (39, 'Brasil', 'Norte', 'TO', 'Tocantins', 'Palmas', '1721000', true, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL);
    PERFORM setval(pg_get_serial_sequence('core.regions', 'region_id'), (SELECT coalesce(max(region_id), 0) + 1 FROM core.regions), false);
    RAISE NOTICE 'Seeded 39 rows into core.regions.';
  ELSE
    RAISE NOTICE 'core.regions already has rows; seed skipped.';
  END IF;
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM core.suppliers) THEN
    INSERT INTO core.suppliers (supplier_id, supplier_code, supplier_name, document_number, email, phone, city, state, country, is_active, created_at, updated_at, deleted_at) VALUES
    (1, 'FOR-00001', 'Dias Ferreira Comércio Ltda', '28011171000135', 'contato1@dias.com.br', '(11) 90209-1899', 'Santos', 'SP', 'Brasil', true, '2022-09-05 00:00:00', '2022-09-05 00:00:00', NULL),
    (2, 'FOR-00002', 'Mendes Rocha Distribuidora Ltda', '13708678000175', 'contato2@mendes.com.br', '(41) 95203-2159', 'Curitiba', 'PR', 'Brasil', true, '2022-10-05 00:00:00', '2022-10-05 00:00:00', NULL),
    (3, 'FOR-00003', 'Rodrigues Ribeiro Indústria S.A.', '98274862000107', 'contato3@rodrigues.com.br', '(11) 98853-9796', 'Campinas', 'SP', 'Brasil', true, '2022-05-14 00:00:00', '2022-05-14 00:00:00', NULL);
    PERFORM setval(pg_get_serial_sequence('core.suppliers', 'supplier_id'), (SELECT coalesce(max(supplier_id), 0) + 1 FROM core.suppliers), false);
    RAISE NOTICE 'Seeded 3 rows into core.suppliers.';
  ELSE
    RAISE NOTICE 'core.suppliers already has rows; seed skipped.';
  END IF;
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM core.customers) THEN
    INSERT INTO core.customers (customer_id, customer_code, full_name, email, phone, document_number, birth_date, gender, customer_type, segment, credit_score, value_category, address_line, district, city, state, country, zip_code, first_signup_date, last_purchase_date, is_active, accepts_email_marketing, is_vip, created_at, updated_at, deleted_at) VALUES
    (1, 'CLI-00000001', 'Paulo Ferreira', 'paulo.ferreira1@bol.com.br', '(81) 96269-5201', '538.020.472-49', '1972-11-07', 'M', 'Recorrente', 'Pessoa Fisica', 417, 'Prata', 'Rua Rui Barbosa, 1101', 'Liberdade', 'Recife', 'PE', 'Brasil', '50054-206', '2024-07-28', NULL, true, false, false, '2024-07-28 05:20:18', '2024-08-29 05:33:54', NULL),
    (2, 'CLI-00000002', 'Luciana Costa Andrade', 'luciana.costa.andrade2@uol.com.br', NULL, '475.459.076-71', '1985-01-10', 'F', 'Recorrente', 'Pessoa Fisica', 529, 'Prata', 'Avenida Paulista, 2604', 'Jardim América', 'Santos', 'SP', 'Brasil', '11064-378', '2025-02-19', NULL, true, true, false, '2025-02-19 04:07:12', '2025-04-21 15:07:16', NULL),
    (3, 'CLI-00000003', 'Carolina Nascimento', 'carolina.nascimento3@yahoo.com.br', '(31) 91373-1973', '819.630.545-12', '1965-06-13', 'F', 'Recorrente', 'Pessoa Fisica', 384, 'Prata', 'Rua Getúlio Vargas, 706', 'São José', 'Belo Horizonte', 'MG', 'BR', '30143-936', '2024-05-21', NULL, true, false, false, '2024-05-21 18:54:30', '2024-05-21 18:54:30', NULL),
    (4, 'CLI-00000004', 'Carolina Oliveira', 'carolina.oliveira4@hotmail.com', '(21) 91395-2260', '636.761.077-48', '1971-05-03', 'F', 'Novo', 'Pessoa Fisica', 156, 'Platina', 'Travessa Getúlio Vargas, 236', 'Boa Vista', 'Rio de Janeiro', 'RJ', 'Brasil', '20021-005', '2025-02-20', NULL, true, true, false, '2025-02-20 19:41:21', '2025-02-20 19:41:21', NULL),
    (5, 'CLI-00000005', 'João Carvalho', 'joao.carvalho5@outlook.com', '(61) 92940-3193', '000.904.671-24', '1979-08-06', 'M', 'Inativo', 'Pessoa Fisica', 104, 'Ouro', 'Avenida Paulista, 724', 'São José', 'Brasília', 'DF', 'Brasil', '70018-316', '2024-04-19', NULL, false, false, false, '2024-04-19 23:14:46', '2024-04-19 23:14:46', NULL),
    (6, 'CLI-00000006', 'Larissa Lopes Andrade', 'larissa.lopes.andrade6@hotmail.com', '(51) 98841-3384', '031.515.643-05', '1978-04-20', 'F', 'Recorrente', 'Pessoa Fisica', 358, 'Platina', 'Avenida das Flores, 1596', 'São José', 'Caxias do Sul', 'RS', 'Brasil', '95020-927', '2025-02-13', NULL, true, true, false, '2025-02-13 12:23:44', '2025-02-13 12:23:44', NULL),
    (7, 'CLI-00000007', 'Renata Souza Lima', 'renata.souza.lima7@hotmail.com', '(82) 95862-3047', '63582809455', '1986-12-30', 'F', 'Recorrente', 'Pessoa Fisica', 384, 'Ouro', 'Rua XV de Novembro, 2510', 'Santa Cruz', 'Maceió', 'AL', 'Brasil', '57015-470', '2025-08-02', NULL, true, true, false, '2025-08-02 12:13:49', '2025-08-02 12:13:49', NULL),
    (8, 'CLI-00000008', 'Vinícius Carvalho Dias', 'vinicius.carvalho.dias8@bol.com.br', '(11) 90733-0863', '908.944.955-85', '1986-10-28', 'M', 'Inativo', 'Pessoa Fisica', 649, 'Bronze', 'Travessa XV de Novembro, 28', 'São José', 'Guarulhos', 'SP', 'Brasil', '07094-587', '2024-02-04', NULL, false, false, false, '2024-02-04 16:20:09', '2024-02-04 16:20:09', NULL),
    (9, 'CLI-00000009', 'Jéssica Rodrigues', 'jessica.rodrigues9@bol.com.br', '(83) 97232-5341', '721.545.905-51', '1976-03-29', 'F', 'Novo', 'Pessoa Fisica', 547, 'Bronze', 'Rua Brasil, 2787', 'Vila Nova', 'João Pessoa', 'PB', 'Brasil', '58015-581', '2024-09-06', NULL, true, false, false, '2024-09-06 19:43:24', '2024-12-11 18:24:13', NULL),
    (10, 'CLI-00000010', 'Luciana Rocha', 'luciana.rocha10@uol.com.br', '(68) 90097-1681', '974.182.031-36', '1950-11-28', 'F', 'Novo', 'Pessoa Fisica', 705, 'Platina', 'Rua Sete de Setembro, 2613', 'Jardim América', 'Rio Branco', 'AC', 'Brasil', '69922-868', '2024-01-28', NULL, true, false, false, '2024-01-28 18:54:20', '2024-02-20 15:44:02', NULL);
    PERFORM setval(pg_get_serial_sequence('core.customers', 'customer_id'), (SELECT coalesce(max(customer_id), 0) + 1 FROM core.customers), false);
    RAISE NOTICE 'Seeded 10 rows into core.customers.';
  ELSE
    RAISE NOTICE 'core.customers already has rows; seed skipped.';
  END IF;
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM core.products) THEN
    INSERT INTO core.products (product_id, product_code, sku, barcode, product_name, short_description, full_description, category_name, subcategory_name, product_line, brand, manufacturer, supplier_id, country_origin, weight_kg, height_cm, width_cm, depth_cm, color, material, cost_price, list_price, suggested_margin_percent, is_perishable, is_fragile, requires_refrigeration, minimum_age, min_stock, max_stock, reorder_days, product_status, launch_date, discontinued_date, keywords, rating_avg, rating_count, created_at, updated_at, deleted_at) VALUES
    (1, 'PRD-0000001', 'BRI-0000001', '7891465138955', 'Boneco de Ação Hasbro L749', 'Boneco de Ação Hasbro, modelo L749.', 'Boneco de Ação Hasbro L749. Produto da linha Bonecos da marca Hasbro, com garantia do fabricante.', 'Brinquedos', 'Bonecos', 'Básica', 'Hasbro', 'Hasbro do Brasil', 2, 'Brasil', '13.933', '116.40', '188.10', '36.20', 'Verde', 'Alumínio', '32.26', '49.90', '35.35', false, false, false, 3, 23, 253, 41, 'Ativo', '2022-11-28', NULL, 'brinquedos,bonecos,hasbro', '2.84', 755, '2022-11-01 00:00:00', '2025-10-03 00:00:00', NULL),
    (2, 'PRD-0000002', 'LIV-0000002', '7893332746634', 'Livro Técnico Novatec X115', 'Livro Técnico Novatec, modelo X115.', 'Livro Técnico Novatec X115. Produto da linha Técnicos da marca Novatec, com garantia do fabricante.', 'Livros', 'Técnicos', 'Premium', 'Novatec', 'Novatec do Brasil', 1, 'Brasil', '16.987', '162.80', '91.40', '20.30', 'Vermelho', 'Madeira', '56.82', '117.90', '51.81', false, false, false, NULL, 18, 72, 31, 'Ativo', '2022-10-07', NULL, 'livros,técnicos,novatec', '4.95', 3421, '2022-09-16 00:00:00', '2025-08-09 00:00:00', NULL),
    (3, 'PRD-0000003', 'ELE-0000003', '7896671816848', 'Smartphone Samsung B377', 'Smartphone Samsung, modelo B377.', 'Smartphone Samsung B377. Produto da linha Smartphones da marca Samsung, com garantia do fabricante.', 'Eletrônicos', 'Smartphones', 'Intermediária', 'Samsung', 'Samsung do Brasil', 3, 'Brasil', '0.392', '175.70', '129.60', '25.40', 'Verde', 'Madeira', '3538.61', '6378.90', '44.53', false, true, false, NULL, 43, 430, 54, 'Descontinuado', '2023-02-16', '2025-07-04', 'eletrônicos,smartphones,samsung', '4.44', 1567, '2022-12-28 00:00:00', '2025-07-04 00:00:00', NULL),
    (4, 'PRD-0000004', 'LIV-0000004', '7894925081132', 'Livro de Romance Rocco S797', 'Livro de Romance Rocco, modelo S797.', 'Livro de Romance Rocco S797. Produto da linha Ficção da marca Rocco, com garantia do fabricante.', 'Livros', 'Ficção', 'Básica', 'Rocco', 'Rocco do Brasil', 3, 'China', '23.681', '63.10', '169.70', '39.40', 'Preto', 'Plástico', '32.36', '48.90', '33.82', false, false, false, NULL, 11, 110, 27, 'Ativo', '2022-11-27', NULL, 'livros,ficção,rocco', '3.24', 642, '2022-10-18 00:00:00', '2025-05-29 00:00:00', NULL),
    (5, 'PRD-0000005', 'ELE-0000005', '7894470484361', 'Notebook Acer K628', 'Notebook Acer, modelo K628.', 'Notebook Acer K628. Produto da linha Notebooks da marca Acer, com garantia do fabricante.', 'Eletrônicos', 'Notebooks', 'Intermediária', 'Acer', 'Acer do Brasil', 1, 'Brasil', '2.592', '83.50', '134.20', '27.80', 'Vermelho', 'Alumínio', '5964.31', '9078.90', '34.31', false, true, false, NULL, 48, 432, 27, 'Ativo', '2022-03-27', NULL, 'eletrônicos,notebooks,acer', '4.33', 3754, '2022-02-03 00:00:00', '2025-06-04 00:00:00', NULL),
    (6, 'PRD-0000006', 'ELE-0000006', '7896556650352', 'Smartphone Xiaomi Y18', 'Smartphone Xiaomi, modelo Y18.', 'Smartphone Xiaomi Y18. Produto da linha Smartphones da marca Xiaomi, com garantia do fabricante.', 'Eletrônicos', 'Smartphones', 'Básica', 'Xiaomi', 'Xiaomi do Brasil', 2, 'Estados Unidos', '5.894', '84.40', '123.40', '80.40', 'Vermelho', 'Plástico', '1636.86', '2313.90', '29.26', false, true, false, NULL, 16, 64, 33, 'Ativo', '2022-01-14', NULL, 'eletrônicos,smartphones,xiaomi', '3.15', 1731, '2022-01-09 00:00:00', '2022-01-09 00:00:00', NULL),
    (7, 'PRD-0000007', 'BRI-0000007', '7890883554364', 'Jogo de Tabuleiro Estrela A714', 'Jogo de Tabuleiro Estrela, modelo A714.', 'Jogo de Tabuleiro Estrela A714. Produto da linha Jogos da marca Estrela, com garantia do fabricante.', 'Brinquedos', 'Jogos', 'Básica', 'Estrela', 'Estrela do Brasil', 1, 'Brasil', '2.991', '45.40', '90.40', '25.30', 'Azul', 'Alumínio', '122.04', '209.90', '41.86', false, false, false, 8, 20, 220, 33, 'Ativo', '2021-12-10', NULL, 'brinquedos,jogos,estrela', '3.55', 4989, '2021-11-03 00:00:00', '2021-11-03 00:00:00', NULL),
    (8, 'PRD-0000008', 'ALI-0000008', '7897774863906', 'Queijo Minas Artesanal Tirolez M426', 'Queijo Minas Artesanal Tirolez, modelo M426.', 'Queijo Minas Artesanal Tirolez M426. Produto da linha Laticínios da marca Tirolez, com garantia do fabricante.', 'Alimentos e Bebidas', 'Laticínios', 'Intermediária', 'Tirolez', 'Tirolez do Brasil', 1, 'Brasil', '12.483', '104.10', '105.10', '42.40', 'Verde', 'Algodão', '20.55', '34.90', '41.12', true, false, true, NULL, 18, 198, 18, 'Ativo', '2022-11-03', NULL, 'alimentos e bebidas,laticínios,tirolez', '4.11', 2462, '2022-09-14 00:00:00', '2022-09-14 00:00:00', NULL),
    (9, 'PRD-0000009', 'BRI-0000009', '7893031962768', 'Jogo de Tabuleiro Grow F264', 'Jogo de Tabuleiro Grow, modelo F264.', 'Jogo de Tabuleiro Grow F264. Produto da linha Jogos da marca Grow, com garantia do fabricante.', 'Brinquedos', 'Jogos', 'Premium', 'Grow', 'Grow do Brasil', 1, 'China', '15.654', '183.00', '53.60', '27.30', 'Branco', 'Alumínio', '98.75', '187.90', '47.45', false, false, false, 8, 47, 752, 18, 'Ativo', '2023-12-04', NULL, 'brinquedos,jogos,grow', '2.68', 2225, '2023-11-14 00:00:00', '2025-12-01 00:00:00', NULL),
    (10, 'PRD-0000010', 'ELE-0000010', '7896678286784', 'Smartphone Samsung L838', 'Smartphone Samsung, modelo L838.', 'Smartphone Samsung L838. Produto da linha Smartphones da marca Samsung, com garantia do fabricante.', 'Eletrônicos', 'Smartphones', 'Básica', 'Samsung', 'Samsung do Brasil', 2, 'Brasil', '12.336', '11.00', '78.20', '66.40', 'Azul', 'Algodão', '5535.32', '8677.90', '36.21', false, true, false, NULL, 33, 198, 51, 'Ativo', '2023-05-12', NULL, 'eletrônicos,smartphones,samsung', '4.01', 4416, '2023-04-20 00:00:00', '2024-02-27 00:00:00', NULL);
    PERFORM setval(pg_get_serial_sequence('core.products', 'product_id'), (SELECT coalesce(max(product_id), 0) + 1 FROM core.products), false);
    RAISE NOTICE 'Seeded 10 rows into core.products.';
  ELSE
    RAISE NOTICE 'core.products already has rows; seed skipped.';
  END IF;
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM core.teams) THEN
    INSERT INTO core.teams (team_id, team_code, team_name, team_type, team_category, region_id, is_active, created_at, updated_at, deleted_at) VALUES
    (1, 'EQ-0001', 'Equipe Niterói Interna 1', 'Interna', 'Corporativo', 8, true, '2023-07-20 00:00:00', '2023-07-20 00:00:00', NULL),
    (2, 'EQ-0002', 'Equipe Florianópolis Externa 2', 'Externa', 'Corporativo', 15, true, '2023-02-05 00:00:00', '2023-02-05 00:00:00', NULL);
    PERFORM setval(pg_get_serial_sequence('core.teams', 'team_id'), (SELECT coalesce(max(team_id), 0) + 1 FROM core.teams), false);
    RAISE NOTICE 'Seeded 2 rows into core.teams.';
  ELSE
    RAISE NOTICE 'core.teams already has rows; seed skipped.';
  END IF;
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM core.sellers) THEN
    INSERT INTO core.sellers (seller_id, seller_code, seller_name, email, team_id, manager_seller_id, home_state, home_city, monthly_goal_amount, hire_date, seller_status, created_at, updated_at, deleted_at) VALUES
    (1, 'VEN-00001', 'Gabriel Soares', 'gabriel.soares1@empresa.com.br', 1, NULL, 'RJ', 'Niterói', '30000.00', '2022-03-31', 'Ativo', '2022-03-31 00:00:00', '2022-03-31 00:00:00', NULL),
    (2, 'VEN-00002', 'Vanessa Pereira Martins', 'vanessa.pereira.martins2@empresa.com.br', 2, NULL, 'SC', 'Florianópolis', '49000.00', '2020-11-24', 'Ativo', '2020-11-24 00:00:00', '2020-11-24 00:00:00', NULL),
    (3, 'VEN-00003', 'Felipe Lima', 'felipe.lima3@empresa.com.br', 1, 1, 'RJ', 'Niterói', '107000.00', '2022-06-16', 'Ativo', '2022-06-16 00:00:00', '2022-06-16 00:00:00', NULL),
    (4, 'VEN-00004', 'Bruna Barbosa Lopes', 'bruna.barbosa.lopes4@empresa.com.br', 2, 2, 'SC', 'Florianópolis', '153000.00', '2021-08-16', 'Ativo', '2021-08-16 00:00:00', '2021-08-16 00:00:00', NULL);
    PERFORM setval(pg_get_serial_sequence('core.sellers', 'seller_id'), (SELECT coalesce(max(seller_id), 0) + 1 FROM core.sellers), false);
    RAISE NOTICE 'Seeded 4 rows into core.sellers.';
  ELSE
    RAISE NOTICE 'core.sellers already has rows; seed skipped.';
  END IF;
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM core.discount_campaigns) THEN
    INSERT INTO core.discount_campaigns (discount_id, discount_code, campaign_name, description, discount_type, discount_method, discount_value, min_order_value, max_discount_value, max_uses_per_customer, max_uses_total, apply_scope, product_restriction, start_at, end_at, current_usage_count, total_revenue_generated, total_discount_given, is_active, approval_required, is_stackable, created_at, updated_at, deleted_at) VALUES
    (1, 'NATAL8-1', 'Natal 2025', '8% de desconto na campanha Natal.', 'Promocao', 'Percentual', '8.00', NULL, NULL, 3, NULL, 'Item', NULL, '2025-02-08 00:00:00', '2025-03-21 00:00:00', 0, '0.00', '0.00', false, false, false, '2025-02-01 00:00:00', '2025-02-01 00:00:00', NULL),
    (2, 'DIADASMAES15-2', 'Dia das Mães 2024', '15% de desconto na campanha Dia das Mães.', 'Cupom', 'Percentual', '15.00', '60.00', NULL, 5, 24764, 'Item', NULL, '2024-06-23 00:00:00', '2024-07-06 00:00:00', 0, '0.00', '0.00', false, false, false, '2024-05-28 00:00:00', '2024-05-28 00:00:00', NULL),
    (3, 'VOLTAASAULAS7-3', 'Volta às Aulas 2025', '7% de desconto na campanha Volta às Aulas.', 'Sazonal', 'Percentual', '7.00', NULL, NULL, 4, 63856, 'Item', NULL, '2025-05-31 00:00:00', '2025-06-21 00:00:00', 0, '0.00', '0.00', false, false, false, '2025-05-09 00:00:00', '2025-05-09 00:00:00', NULL);
    PERFORM setval(pg_get_serial_sequence('core.discount_campaigns', 'discount_id'), (SELECT coalesce(max(discount_id), 0) + 1 FROM core.discount_campaigns), false);
    RAISE NOTICE 'Seeded 3 rows into core.discount_campaigns.';
  ELSE
    RAISE NOTICE 'core.discount_campaigns already has rows; seed skipped.';
  END IF;
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM core.orders) THEN
    INSERT INTO core.orders (order_id, order_number, customer_id, seller_id, region_id, order_status, payment_status, payment_method, order_date, approved_at, shipped_at, delivered_at, cancelled_at, sales_channel, currency_code, notes, created_at, updated_at, deleted_at) VALUES
    (1, 'PED-2025-000000001', 6, 1, 18, 'Enviado', 'Aprovado', 'Cartao de Credito', '2025-11-22 21:07:42', '2025-11-22 22:07:42', '2025-11-23 10:07:42', NULL, NULL, 'Site', 'BRL', NULL, '2025-11-22 21:07:42', '2025-11-23 10:07:42', NULL),
    (2, 'PED-2025-000000002', 3, 1, 9, 'Entregue', 'Aprovado', 'Cartao de Credito', '2025-11-08 05:08:21', '2025-11-08 09:08:21', '2025-11-09 04:08:21', '2025-11-10 04:08:21', NULL, 'Marketplace', 'BRL', NULL, '2025-11-08 05:08:21', '2025-11-10 04:08:21', NULL),
    (3, 'PED-2024-000000003', 9, 3, 30, 'Entregue', 'Aprovado', 'Pix', '2024-01-23 21:01:32', '2024-01-24 06:01:32', '2024-01-26 21:01:32', '2024-02-01 21:01:32', NULL, 'App', 'BRL', NULL, '2024-01-23 21:01:32', '2024-02-01 21:01:32', NULL),
    (4, 'PED-2024-000000004', 5, 4, 19, 'Entregue', 'Aprovado', 'Cartao de Debito', '2024-12-18 22:49:36', '2024-12-19 17:49:36', '2024-12-21 19:49:36', '2024-12-27 19:49:36', NULL, 'Televendas', 'BRL', NULL, '2024-12-18 22:49:36', '2024-12-27 19:49:36', NULL),
    (5, 'PED-2025-000000005', 4, 3, 7, 'Entregue', 'Aprovado', 'Cartao de Credito', '2025-04-30 05:13:10', '2025-04-30 13:13:10', '2025-05-01 12:13:10', '2025-05-07 12:13:10', NULL, 'Marketplace', 'BRL', NULL, '2025-04-30 05:13:10', '2025-05-07 12:13:10', NULL),
    (6, 'PED-2024-000000006', 9, 3, 30, 'Devolvido', 'Estornado', 'Pix', '2024-12-27 05:26:01', '2024-12-29 00:26:01', '2024-12-29 06:26:01', '2025-01-03 06:26:01', NULL, 'App', 'BRL', 'Entregar em horário comercial.', '2024-12-27 05:26:01', '2025-01-03 06:26:01', NULL),
    (7, 'PED-2024-000000007', 8, 1, 4, 'Devolvido', 'Estornado', 'Cartao de Credito', '2024-01-06 07:13:38', '2024-01-07 16:13:38', '2024-01-10 05:13:38', '2024-01-18 05:13:38', NULL, 'Marketplace', 'BRL', NULL, '2024-01-06 07:13:38', '2024-01-18 05:13:38', NULL),
    (8, 'PED-2025-000000008', 3, 4, 9, 'Cancelado', 'Recusado', 'Pix', '2025-04-04 07:56:45', '2025-04-05 20:56:45', NULL, NULL, '2025-04-08 06:56:45', 'App', 'BRL', NULL, '2025-04-04 07:56:45', '2025-04-08 06:56:45', NULL),
    (9, 'PED-2025-000000009', 2, NULL, 3, 'Devolvido', 'Estornado', 'Cartao de Credito', '2025-08-20 18:32:16', '2025-08-21 03:32:16', '2025-08-22 13:32:16', '2025-08-24 13:32:16', NULL, 'App', 'BRL', NULL, '2025-08-20 18:32:16', '2025-08-24 13:32:16', NULL),
    (10, 'PED-2024-000000010', 6, NULL, 18, 'Entregue', 'Aprovado', 'Cartao de Credito', '2024-01-07 14:34:46', '2024-01-07 15:34:46', '2024-01-09 09:34:46', '2024-01-15 09:34:46', NULL, 'App', 'BRL', NULL, '2024-01-07 14:34:46', '2024-01-15 09:34:46', NULL),
    (11, 'PED-2024-000000011', 7, 4, 31, 'Confirmado', 'Aprovado', 'Cartao de Debito', '2024-06-15 08:01:47', '2024-06-16 01:01:47', NULL, NULL, NULL, 'App', 'BRL', NULL, '2024-06-15 08:01:47', '2024-06-16 01:01:47', NULL),
    (12, 'PED-2024-000000012', 9, NULL, 30, 'Cancelado', 'Estornado', 'Pix', '2024-07-25 10:43:35', '2024-07-27 09:43:35', NULL, NULL, '2024-07-27 04:43:35', 'Site', 'BRL', NULL, '2024-07-25 10:43:35', '2024-07-27 09:43:35', NULL),
    (13, 'PED-2024-000000013', 10, 1, 36, 'Entregue', 'Aprovado', 'Cartao de Credito', '2024-03-10 12:15:19', '2024-03-10 20:15:19', '2024-03-12 19:15:19', '2024-03-15 19:15:19', NULL, 'Site', 'BRL', NULL, '2024-03-10 12:15:19', '2024-03-15 19:15:19', NULL),
    (14, 'PED-2025-000000014', 6, NULL, 18, 'Pendente', 'Pendente', 'Pix', '2025-08-25 19:53:11', NULL, NULL, NULL, NULL, 'App', 'BRL', NULL, '2025-08-25 19:53:11', '2025-08-25 19:53:11', NULL),
    (15, 'PED-2025-000000015', 8, 3, 4, 'Entregue', 'Aprovado', 'Pix', '2025-03-20 11:49:52', '2025-03-20 22:49:52', '2025-03-23 10:49:52', '2025-03-29 10:49:52', NULL, 'App', 'BRL', NULL, '2025-03-20 11:49:52', '2025-03-29 10:49:52', NULL),
    (16, 'PED-2025-000000016', 2, NULL, 3, 'Entregue', 'Aprovado', 'Cartao de Credito', '2025-04-09 16:55:03', '2025-04-11 00:55:03', '2025-04-12 12:55:03', '2025-04-14 12:55:03', NULL, 'App', 'BRL', NULL, '2025-04-09 16:55:03', '2025-04-14 12:55:03', NULL),
    (17, 'PED-2025-000000017', 1, 4, 25, 'Entregue', 'Aprovado', 'Pix', '2025-05-15 11:23:17', '2025-05-15 16:23:17', '2025-05-17 10:23:17', '2025-05-22 10:23:17', NULL, 'App', 'BRL', NULL, '2025-05-15 11:23:17', '2025-05-22 10:23:17', NULL),
    (18, 'PED-2024-000000018', 1, 4, 25, 'Entregue', 'Aprovado', 'Cartao de Credito', '2024-10-16 06:19:51', '2024-10-16 15:19:51', '2024-10-18 22:19:51', '2024-10-22 22:19:51', NULL, 'Site', 'BRL', NULL, '2024-10-16 06:19:51', '2024-10-22 22:19:51', NULL),
    (19, 'PED-2024-000000019', 4, 4, 7, 'Entregue', 'Aprovado', 'Cartao de Credito', '2024-07-08 18:34:44', '2024-07-10 01:34:44', '2024-07-11 07:34:44', '2024-07-18 07:34:44', NULL, 'Site', 'BRL', NULL, '2024-07-08 18:34:44', '2024-07-18 07:34:44', NULL),
    (20, 'PED-2024-000000020', 4, 1, 7, 'Entregue', 'Aprovado', 'Cartao de Credito', '2024-04-07 17:50:10', '2024-04-08 10:50:10', '2024-04-08 21:50:10', '2024-04-09 21:50:10', NULL, 'Site', 'BRL', NULL, '2024-04-07 17:50:10', '2024-04-09 21:50:10', NULL),
    (21, 'PED-2024-000000021', 1, 2, 25, 'Pendente', 'Pendente', 'Boleto', '2024-03-16 22:03:12', NULL, NULL, NULL, NULL, 'App', 'BRL', NULL, '2024-03-16 22:03:12', '2024-03-16 22:03:12', NULL),
    (22, 'PED-2024-000000022', 5, 3, 19, 'Pendente', 'Pendente', 'Pix', '2024-12-22 13:49:22', NULL, NULL, NULL, NULL, 'Site', 'BRL', NULL, '2024-12-22 13:49:22', '2024-12-22 13:49:22', NULL),
    (23, 'PED-2025-000000023', 10, 1, 36, 'Enviado', 'Aprovado', 'Pix', '2025-12-07 01:08:04', '2025-12-08 16:08:04', '2025-12-11 00:08:04', NULL, NULL, 'App', 'BRL', 'Entregar em horário comercial.', '2025-12-07 01:08:04', '2025-12-11 00:08:04', NULL),
    (24, 'PED-2024-000000024', 2, 1, 3, 'Faturado', 'Aprovado', 'Pix', '2024-05-23 14:34:23', '2024-05-23 15:34:23', NULL, NULL, NULL, 'Marketplace', 'BRL', NULL, '2024-05-23 14:34:23', '2024-05-23 15:34:23', NULL),
    (25, 'PED-2025-000000025', 6, 3, 18, 'Entregue', 'Aprovado', 'Boleto', '2025-07-04 08:31:03', '2025-07-04 19:31:03', '2025-07-05 10:31:03', '2025-07-06 10:31:03', NULL, 'Site', 'BRL', NULL, '2025-07-04 08:31:03', '2025-07-06 10:31:03', NULL),
    (26, 'PED-2025-000000026', 9, NULL, 30, 'Entregue', 'Aprovado', 'Boleto', '2025-02-03 22:14:16', '2025-02-05 06:14:16', '2025-02-06 05:14:16', '2025-02-10 05:14:16', NULL, 'Site', 'BRL', NULL, '2025-02-03 22:14:16', '2025-02-10 05:14:16', NULL),
    (27, 'PED-2024-000000027', 3, 3, 9, 'Entregue', 'Aprovado', 'Cartao de Credito', '2024-05-18 15:34:03', '2024-05-18 21:34:03', '2024-05-21 08:34:03', '2024-05-28 08:34:03', NULL, 'App', 'BRL', NULL, '2024-05-18 15:34:03', '2024-05-28 08:34:03', NULL),
    (28, 'PED-2025-000000028', 3, NULL, 9, 'Enviado', 'Aprovado', 'Cartao de Credito', '2025-07-23 18:16:40', '2025-07-25 03:16:40', '2025-07-25 08:16:40', NULL, NULL, 'App', 'BRL', NULL, '2025-07-23 18:16:40', '2025-07-25 08:16:40', NULL),
    (29, 'PED-2024-000000029', 2, 2, 3, 'Entregue', 'Aprovado', 'Pix', '2024-01-04 00:04:14', '2024-01-04 18:04:14', '2024-01-04 19:04:14', '2024-01-10 19:04:14', NULL, 'Televendas', 'BRL', NULL, '2024-01-04 00:04:14', '2024-01-10 19:04:14', NULL),
    (30, 'PED-2024-000000030', 5, 1, 19, 'Entregue', 'Aprovado', 'Boleto', '2024-06-04 16:53:53', '2024-06-05 20:53:53', '2024-06-07 07:53:53', '2024-06-08 07:53:53', NULL, 'Marketplace', 'BRL', NULL, '2024-06-04 16:53:53', '2024-06-08 07:53:53', NULL),
    (31, 'PED-2025-000000031', 4, NULL, 7, 'Devolvido', 'Estornado', 'Pix', '2025-05-11 12:26:45', '2025-05-12 05:26:45', '2025-05-13 01:26:45', '2025-05-14 01:26:45', NULL, 'Site', 'BRL', NULL, '2025-05-11 12:26:45', '2025-05-14 01:26:45', NULL),
    (32, 'PED-2024-000000032', 9, 3, 30, 'Entregue', 'Aprovado', 'Cartao de Credito', '2024-06-13 17:06:31', '2024-06-14 13:06:31', '2024-06-14 14:06:31', '2024-06-17 14:06:31', NULL, 'Site', 'BRL', NULL, '2024-06-13 17:06:31', '2024-06-17 14:06:31', NULL),
    (33, 'PED-2024-000000033', 5, NULL, 19, 'Entregue', 'Aprovado', 'Cartao de Debito', '2024-09-09 21:34:39', '2024-09-10 10:34:39', '2024-09-13 01:34:39', '2024-09-19 01:34:39', NULL, 'App', 'BRL', NULL, '2024-09-09 21:34:39', '2024-09-19 01:34:39', NULL),
    (34, 'PED-2025-000000034', 8, 2, 4, 'Entregue', 'Aprovado', 'Pix', '2025-05-12 08:35:02', '2025-05-13 15:35:02', '2025-05-16 06:35:02', '2025-05-17 06:35:02', NULL, 'Televendas', 'BRL', 'Entregar em horário comercial.', '2025-05-12 08:35:02', '2025-05-17 06:35:02', NULL),
    (35, 'PED-2024-000000035', 10, NULL, 36, 'Entregue', 'Aprovado', 'Cartao de Debito', '2024-04-20 15:55:47', '2024-04-22 11:55:47', '2024-04-24 19:55:47', '2024-04-28 19:55:47', NULL, 'App', 'BRL', NULL, '2024-04-20 15:55:47', '2024-04-28 19:55:47', NULL),
    (36, 'PED-2025-000000036', 2, 2, 3, 'Pendente', 'Pendente', 'Cartao de Credito', '2025-09-17 21:57:19', NULL, NULL, NULL, NULL, 'App', 'BRL', NULL, '2025-09-17 21:57:19', '2025-09-17 21:57:19', NULL),
    (37, 'PED-2024-000000037', 3, 3, 9, 'Entregue', 'Aprovado', 'Pix', '2024-09-23 23:07:45', '2024-09-25 13:07:45', '2024-09-28 00:07:45', '2024-10-07 00:07:45', NULL, 'App', 'BRL', NULL, '2024-09-23 23:07:45', '2024-10-07 00:07:45', NULL),
    (38, 'PED-2025-000000038', 6, NULL, 18, 'Entregue', 'Aprovado', 'Boleto', '2025-04-02 18:54:09', '2025-04-03 06:54:09', '2025-04-04 14:54:09', '2025-04-14 14:54:09', NULL, 'Marketplace', 'BRL', NULL, '2025-04-02 18:54:09', '2025-04-14 14:54:09', NULL),
    (39, 'PED-2024-000000039', 10, NULL, 36, 'Cancelado', 'Recusado', 'Pix', '2024-11-11 07:34:38', '2024-11-12 23:34:38', NULL, NULL, '2024-11-14 15:34:38', 'App', 'BRL', NULL, '2024-11-11 07:34:38', '2024-11-14 15:34:38', NULL),
    (40, 'PED-2025-000000040', 1, 1, 25, 'Entregue', 'Aprovado', 'Boleto', '2025-04-23 01:52:39', '2025-04-23 16:52:39', '2025-04-26 14:52:39', '2025-04-29 14:52:39', NULL, 'Loja Fisica', 'BRL', NULL, '2025-04-23 01:52:39', '2025-04-29 14:52:39', NULL),
    (41, 'PED-2024-000000041', 8, 4, 4, 'Entregue', 'Aprovado', 'Cartao de Credito', '2024-09-09 16:04:20', '2024-09-10 18:04:20', '2024-09-11 06:04:20', '2024-09-18 06:04:20', NULL, 'Televendas', 'BRL', NULL, '2024-09-09 16:04:20', '2024-09-18 06:04:20', NULL),
    (42, 'PED-2024-000000042', 2, 2, 3, 'Entregue', 'Aprovado', 'Cartao de Debito', '2024-11-05 16:34:31', '2024-11-06 11:34:31', '2024-11-09 08:34:31', '2024-11-13 08:34:31', NULL, 'App', 'BRL', NULL, '2024-11-05 16:34:31', '2024-11-13 08:34:31', NULL),
    (43, 'PED-2025-000000043', 6, NULL, 18, 'Cancelado', 'Estornado', 'Cartao de Credito', '2025-07-04 22:33:09', '2025-07-06 04:33:09', NULL, NULL, '2025-07-07 18:33:09', 'Site', 'BRL', NULL, '2025-07-04 22:33:09', '2025-07-07 18:33:09', NULL),
    (44, 'PED-2025-000000044', 7, NULL, 31, 'Entregue', 'Aprovado', 'Pix', '2025-01-06 23:35:57', '2025-01-08 03:35:57', '2025-01-09 23:35:57', '2025-01-11 23:35:57', NULL, 'Site', 'BRL', NULL, '2025-01-06 23:35:57', '2025-01-11 23:35:57', NULL),
    (45, 'PED-2025-000000045', 4, 2, 7, 'Enviado', 'Aprovado', 'Cartao de Credito', '2025-11-27 23:50:33', '2025-11-28 12:50:33', '2025-11-29 05:50:33', NULL, NULL, 'App', 'BRL', NULL, '2025-11-27 23:50:33', '2025-11-29 05:50:33', NULL),
    (46, 'PED-2025-000000046', 7, 1, 31, 'Entregue', 'Aprovado', 'Pix', '2025-02-04 01:43:15', '2025-02-05 10:43:15', '2025-02-07 03:43:15', '2025-02-10 03:43:15', NULL, 'Site', 'BRL', NULL, '2025-02-04 01:43:15', '2025-02-10 03:43:15', NULL),
    (47, 'PED-2025-000000047', 3, 3, 9, 'Enviado', 'Aprovado', 'Boleto', '2025-08-19 06:10:51', '2025-08-20 08:10:51', '2025-08-21 06:10:51', NULL, NULL, 'App', 'BRL', NULL, '2025-08-19 06:10:51', '2025-08-21 06:10:51', NULL),
    (48, 'PED-2025-000000048', 5, 3, 19, 'Cancelado', 'Estornado', 'Boleto', '2025-07-14 12:19:50', '2025-07-15 04:19:50', NULL, NULL, '2025-07-17 11:19:50', 'Marketplace', 'BRL', NULL, '2025-07-14 12:19:50', '2025-07-17 11:19:50', NULL),
    (49, 'PED-2024-000000049', 6, 2, 18, 'Cancelado', 'Estornado', 'Cartao de Credito', '2024-05-16 11:29:53', '2024-05-17 18:29:53', NULL, NULL, '2024-05-18 00:29:53', 'Site', 'BRL', NULL, '2024-05-16 11:29:53', '2024-05-18 00:29:53', NULL),
    (50, 'PED-2024-000000050', 10, 1, 36, 'Entregue', 'Aprovado', 'Cartao de Credito', '2024-07-10 14:04:10', '2024-07-12 05:04:10', '2024-07-12 13:04:10', '2024-07-13 13:04:10', NULL, 'Loja Fisica', 'BRL', NULL, '2024-07-10 14:04:10', '2024-07-13 13:04:10', NULL);
    PERFORM setval(pg_get_serial_sequence('core.orders', 'order_id'), (SELECT coalesce(max(order_id), 0) + 1 FROM core.orders), false);
    RAISE NOTICE 'Seeded 50 rows into core.orders.';
  ELSE
    RAISE NOTICE 'core.orders already has rows; seed skipped.';
  END IF;
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM core.order_items) THEN
    INSERT INTO core.order_items (order_item_id, order_id, product_id, quantity, unit_price, gross_amount, discount_amount, net_amount, cost_amount, return_quantity, returned_amount, commission_percent, commission_amount, had_discount, created_at, updated_at, deleted_at) VALUES
    (1, 1, 2, 3, '117.90', '353.70', '0.00', '353.70', '170.46', 0, '0.00', '5.00', '17.69', false, '2025-11-22 21:07:42', '2025-11-23 10:07:42', NULL),
    (2, 2, 9, 1, '187.90', '187.90', '0.00', '187.90', '98.75', 0, '0.00', '2.00', '3.76', false, '2025-11-08 05:08:21', '2025-11-10 04:08:21', NULL),
    (3, 2, 6, 1, '2313.90', '2313.90', '0.00', '2313.90', '1636.86', 0, '0.00', '3.00', '69.42', false, '2025-11-08 05:08:21', '2025-11-10 04:08:21', NULL),
    (4, 3, 9, 1, '187.90', '187.90', '28.19', '159.71', '98.75', 0, '0.00', '1.00', '1.60', true, '2024-01-23 21:01:32', '2024-02-01 21:01:32', NULL),
    (5, 4, 10, 1, '8677.90', '8677.90', '0.00', '8677.90', '5535.32', 0, '0.00', '1.00', '86.78', false, '2024-12-18 22:49:36', '2024-12-27 19:49:36', NULL),
    (6, 4, 2, 1, '117.90', '117.90', '0.00', '117.90', '56.82', 0, '0.00', '4.00', '4.72', false, '2024-12-18 22:49:36', '2024-12-27 19:49:36', NULL),
    (7, 4, 9, 1, '187.90', '187.90', '0.00', '187.90', '98.75', 0, '0.00', '5.00', '9.40', false, '2024-12-18 22:49:36', '2024-12-27 19:49:36', NULL),
    (8, 5, 6, 1, '2313.90', '2313.90', '0.00', '2313.90', '1636.86', 0, '0.00', '5.00', '115.70', false, '2025-04-30 05:13:10', '2025-05-07 12:13:10', NULL),
    (9, 6, 9, 2, '187.90', '375.80', '0.00', '375.80', '197.50', 2, '375.80', '4.00', '15.03', false, '2024-12-27 05:26:01', '2025-01-03 06:26:01', NULL),
    (10, 6, 5, 1, '9078.90', '9078.90', '0.00', '9078.90', '5964.31', 1, '9078.90', '4.00', '363.16', false, '2024-12-27 05:26:01', '2025-01-03 06:26:01', NULL),
    (11, 7, 10, 1, '8677.90', '8677.90', '0.00', '8677.90', '5535.32', 1, '8677.90', '2.00', '173.56', false, '2024-01-06 07:13:38', '2024-01-18 05:13:38', NULL),
    (12, 7, 6, 1, '2313.90', '2313.90', '0.00', '2313.90', '1636.86', 1, '2313.90', '3.00', '69.42', false, '2024-01-06 07:13:38', '2024-01-18 05:13:38', NULL),
    (13, 8, 6, 1, '2313.90', '2313.90', '347.09', '1966.81', '1636.86', 0, '0.00', '2.00', '39.34', true, '2025-04-04 07:56:45', '2025-04-08 06:56:45', NULL),
    (14, 8, 3, 1, '6378.90', '6378.90', '0.00', '6378.90', '3538.61', 0, '0.00', '1.00', '63.79', false, '2025-04-04 07:56:45', '2025-04-08 06:56:45', NULL),
    (15, 9, 6, 1, '2313.90', '2313.90', '0.00', '2313.90', '1636.86', 1, '2313.90', NULL, NULL, false, '2025-08-20 18:32:16', '2025-08-24 13:32:16', NULL),
    (16, 9, 3, 1, '6378.90', '6378.90', '0.00', '6378.90', '3538.61', 1, '6378.90', NULL, NULL, false, '2025-08-20 18:32:16', '2025-08-24 13:32:16', NULL),
    (17, 9, 5, 1, '9078.90', '9078.90', '635.52', '8443.38', '5964.31', 1, '8443.38', NULL, NULL, true, '2025-08-20 18:32:16', '2025-08-24 13:32:16', NULL),
    (18, 10, 7, 1, '209.90', '209.90', '16.79', '193.11', '122.04', 0, '0.00', NULL, NULL, true, '2024-01-07 14:34:46', '2024-01-15 09:34:46', NULL),
    (19, 10, 7, 2, '209.90', '419.80', '0.00', '419.80', '244.08', 0, '0.00', NULL, NULL, false, '2024-01-07 14:34:46', '2024-01-15 09:34:46', NULL),
    (20, 10, 2, 1, '117.90', '117.90', '0.00', '117.90', '56.82', 0, '0.00', NULL, NULL, false, '2024-01-07 14:34:46', '2024-01-15 09:34:46', NULL),
    (21, 11, 7, 3, '209.90', '629.70', '44.08', '585.62', '366.12', 0, '0.00', '1.00', '5.86', true, '2024-06-15 08:01:47', '2024-06-16 01:01:47', NULL),
    (22, 12, 7, 1, '209.90', '209.90', '0.00', '209.90', '122.04', 0, '0.00', NULL, NULL, false, '2024-07-25 10:43:35', '2024-07-27 09:43:35', NULL),
    (23, 12, 6, 1, '2313.90', '2313.90', '0.00', '2313.90', '1636.86', 0, '0.00', NULL, NULL, false, '2024-07-25 10:43:35', '2024-07-27 09:43:35', NULL),
    (24, 12, 10, 1, '8677.90', '8677.90', '0.00', '8677.90', '5535.32', 0, '0.00', NULL, NULL, false, '2024-07-25 10:43:35', '2024-07-27 09:43:35', NULL),
    (25, 13, 4, 1, '48.90', '48.90', '0.00', '48.90', '32.36', 0, '0.00', '4.00', '1.96', false, '2024-03-10 12:15:19', '2024-03-15 19:15:19', NULL),
    (26, 14, 7, 2, '209.90', '419.80', '0.00', '419.80', '244.08', 0, '0.00', NULL, NULL, false, '2025-08-25 19:53:11', '2025-08-25 19:53:11', NULL),
    (27, 14, 4, 1, '48.90', '48.90', '0.00', '48.90', '32.36', 0, '0.00', NULL, NULL, false, '2025-08-25 19:53:11', '2025-08-25 19:53:11', NULL),
    (28, 15, 8, 2, '34.90', '69.80', '0.00', '69.80', '41.10', 0, '0.00', '1.00', '0.70', false, '2025-03-20 11:49:52', '2025-03-29 10:49:52', NULL),
    (29, 16, 6, 1, '2313.90', '2313.90', '0.00', '2313.90', '1636.86', 0, '0.00', NULL, NULL, false, '2025-04-09 16:55:03', '2025-04-14 12:55:03', NULL),
    (30, 17, 2, 1, '117.90', '117.90', '0.00', '117.90', '56.82', 0, '0.00', '3.00', '3.54', false, '2025-05-15 11:23:17', '2025-05-22 10:23:17', NULL),
    (31, 18, 9, 1, '187.90', '187.90', '13.15', '174.75', '98.75', 0, '0.00', '4.00', '6.99', true, '2024-10-16 06:19:51', '2024-10-22 22:19:51', NULL),
    (32, 18, 8, 1, '34.90', '34.90', '0.00', '34.90', '20.55', 0, '0.00', '3.00', '1.05', false, '2024-10-16 06:19:51', '2024-10-22 22:19:51', NULL),
    (33, 19, 1, 2, '49.90', '99.80', '14.97', '84.83', '64.52', 0, '0.00', '3.00', '2.54', true, '2024-07-08 18:34:44', '2024-07-18 07:34:44', NULL),
    (34, 19, 8, 1, '34.90', '34.90', '5.24', '29.66', '20.55', 0, '0.00', '4.00', '1.19', true, '2024-07-08 18:34:44', '2024-07-18 07:34:44', NULL),
    (35, 20, 9, 1, '187.90', '187.90', '28.19', '159.71', '98.75', 0, '0.00', '5.00', '7.99', true, '2024-04-07 17:50:10', '2024-04-09 21:50:10', NULL),
    (36, 21, 7, 1, '209.90', '209.90', '0.00', '209.90', '122.04', 0, '0.00', '4.00', '8.40', false, '2024-03-16 22:03:12', '2024-03-16 22:03:12', NULL),
    (37, 21, 8, 1, '34.90', '34.90', '5.24', '29.66', '20.55', 0, '0.00', '5.00', '1.48', true, '2024-03-16 22:03:12', '2024-03-16 22:03:12', NULL),
    (38, 21, 8, 1, '34.90', '34.90', '2.44', '32.46', '20.55', 0, '0.00', '1.00', '0.32', true, '2024-03-16 22:03:12', '2024-03-16 22:03:12', NULL),
    (39, 21, 4, 2, '48.90', '97.80', '0.00', '97.80', '64.72', 0, '0.00', '5.00', '4.89', false, '2024-03-16 22:03:12', '2024-03-16 22:03:12', NULL),
    (40, 22, 5, 1, '9078.90', '9078.90', '1361.84', '7717.06', '5964.31', 0, '0.00', '1.00', '77.17', true, '2024-12-22 13:49:22', '2024-12-22 13:49:22', NULL),
    (41, 22, 5, 1, '9078.90', '9078.90', '0.00', '9078.90', '5964.31', 0, '0.00', '3.00', '272.37', false, '2024-12-22 13:49:22', '2024-12-22 13:49:22', NULL),
    (42, 22, 4, 5, '48.90', '244.50', '19.56', '224.94', '161.80', 0, '0.00', '5.00', '11.25', true, '2024-12-22 13:49:22', '2024-12-22 13:49:22', NULL),
    (43, 22, 4, 1, '48.90', '48.90', '3.42', '45.48', '32.36', 0, '0.00', '3.00', '1.36', true, '2024-12-22 13:49:22', '2024-12-22 13:49:22', NULL),
    (44, 23, 5, 1, '9078.90', '9078.90', '1361.84', '7717.06', '5964.31', 0, '0.00', '3.00', '231.51', true, '2025-12-07 01:08:04', '2025-12-11 00:08:04', NULL),
    (45, 23, 10, 3, '8677.90', '26033.70', '0.00', '26033.70', '16605.96', 0, '0.00', '4.00', '1041.35', false, '2025-12-07 01:08:04', '2025-12-11 00:08:04', NULL),
    (46, 24, 2, 2, '117.90', '235.80', '0.00', '235.80', '113.64', 0, '0.00', '5.00', '11.79', false, '2024-05-23 14:34:23', '2024-05-23 15:34:23', NULL),
    (47, 24, 10, 1, '8677.90', '8677.90', '0.00', '8677.90', '5535.32', 0, '0.00', '3.00', '260.34', false, '2024-05-23 14:34:23', '2024-05-23 15:34:23', NULL),
    (48, 24, 2, 1, '117.90', '117.90', '0.00', '117.90', '56.82', 1, '117.90', '5.00', '5.90', false, '2024-05-23 14:34:23', '2024-05-23 15:34:23', NULL),
    (49, 25, 6, 1, '2313.90', '2313.90', '0.00', '2313.90', '1636.86', 0, '0.00', '5.00', '115.70', false, '2025-07-04 08:31:03', '2025-07-06 10:31:03', NULL),
    (50, 26, 8, 1, '34.90', '34.90', '5.24', '29.66', '20.55', 0, '0.00', NULL, NULL, true, '2025-02-03 22:14:16', '2025-02-10 05:14:16', NULL),
    (51, 27, 2, 1, '117.90', '117.90', '0.00', '117.90', '56.82', 0, '0.00', '3.00', '3.54', false, '2024-05-18 15:34:03', '2024-05-28 08:34:03', NULL),
    (52, 28, 1, 1, '49.90', '49.90', '0.00', '49.90', '32.26', 0, '0.00', NULL, NULL, false, '2025-07-23 18:16:40', '2025-07-25 08:16:40', NULL),
    (53, 29, 8, 3, '34.90', '104.70', '0.00', '104.70', '61.65', 0, '0.00', '2.00', '2.09', false, '2024-01-04 00:04:14', '2024-01-10 19:04:14', NULL),
    (54, 29, 7, 1, '209.90', '209.90', '14.69', '195.21', '122.04', 0, '0.00', '2.00', '3.90', true, '2024-01-04 00:04:14', '2024-01-10 19:04:14', NULL),
    (55, 29, 5, 1, '9078.90', '9078.90', '0.00', '9078.90', '5964.31', 0, '0.00', '5.00', '453.95', false, '2024-01-04 00:04:14', '2024-01-10 19:04:14', NULL),
    (56, 29, 2, 3, '117.90', '353.70', '0.00', '353.70', '170.46', 0, '0.00', '4.00', '14.15', false, '2024-01-04 00:04:14', '2024-01-10 19:04:14', NULL),
    (57, 30, 5, 1, '9078.90', '9078.90', '0.00', '9078.90', '5964.31', 0, '0.00', '4.00', '363.16', false, '2024-06-04 16:53:53', '2024-06-08 07:53:53', NULL),
    (58, 30, 6, 1, '2313.90', '2313.90', '0.00', '2313.90', '1636.86', 0, '0.00', '2.00', '46.28', false, '2024-06-04 16:53:53', '2024-06-08 07:53:53', NULL),
    (59, 30, 9, 1, '187.90', '187.90', '0.00', '187.90', '98.75', 0, '0.00', '3.00', '5.64', false, '2024-06-04 16:53:53', '2024-06-08 07:53:53', NULL),
    (60, 30, 9, 1, '187.90', '187.90', '0.00', '187.90', '98.75', 0, '0.00', '3.00', '5.64', false, '2024-06-04 16:53:53', '2024-06-08 07:53:53', NULL),
    (61, 31, 7, 1, '209.90', '209.90', '14.69', '195.21', '122.04', 1, '195.21', NULL, NULL, true, '2025-05-11 12:26:45', '2025-05-14 01:26:45', NULL),
    (62, 31, 6, 1, '2313.90', '2313.90', '347.09', '1966.81', '1636.86', 1, '1966.81', NULL, NULL, true, '2025-05-11 12:26:45', '2025-05-14 01:26:45', NULL),
    (63, 32, 2, 1, '117.90', '117.90', '17.69', '100.21', '56.82', 0, '0.00', '5.00', '5.01', true, '2024-06-13 17:06:31', '2024-06-17 14:06:31', NULL),
    (64, 32, 5, 1, '9078.90', '9078.90', '1361.84', '7717.06', '5964.31', 0, '0.00', '1.00', '77.17', true, '2024-06-13 17:06:31', '2024-06-17 14:06:31', NULL),
    (65, 33, 2, 1, '117.90', '117.90', '17.69', '100.21', '56.82', 0, '0.00', NULL, NULL, true, '2024-09-09 21:34:39', '2024-09-19 01:34:39', NULL),
    (66, 33, 7, 1, '209.90', '209.90', '0.00', '209.90', '122.04', 0, '0.00', NULL, NULL, false, '2024-09-09 21:34:39', '2024-09-19 01:34:39', NULL),
    (67, 34, 10, 1, '8677.90', '8677.90', '694.23', '7983.67', '5535.32', 0, '0.00', '1.00', '79.84', true, '2025-05-12 08:35:02', '2025-05-17 06:35:02', NULL),
    (68, 35, 9, 1, '187.90', '187.90', '15.03', '172.87', '98.75', 0, '0.00', NULL, NULL, true, '2024-04-20 15:55:47', '2024-04-28 19:55:47', NULL),
    (69, 36, 6, 1, '2313.90', '2313.90', '0.00', '2313.90', '1636.86', 0, '0.00', '2.00', '46.28', false, '2025-09-17 21:57:19', '2025-09-17 21:57:19', NULL),
    (70, 36, 2, 2, '117.90', '235.80', '0.00', '235.80', '113.64', 0, '0.00', '3.00', '7.07', false, '2025-09-17 21:57:19', '2025-09-17 21:57:19', NULL),
    (71, 36, 6, 2, '2313.90', '4627.80', '0.00', '4627.80', '3273.72', 0, '0.00', '2.00', '92.56', false, '2025-09-17 21:57:19', '2025-09-17 21:57:19', NULL),
    (72, 36, 10, 3, '8677.90', '26033.70', '0.00', '26033.70', '16605.96', 0, '0.00', '3.00', '781.01', false, '2025-09-17 21:57:19', '2025-09-17 21:57:19', NULL),
    (73, 37, 6, 2, '2313.90', '4627.80', '694.17', '3933.63', '3273.72', 0, '0.00', '5.00', '196.68', true, '2024-09-23 23:07:45', '2024-10-07 00:07:45', NULL),
    (74, 37, 7, 1, '209.90', '209.90', '0.00', '209.90', '122.04', 0, '0.00', '5.00', '10.50', false, '2024-09-23 23:07:45', '2024-10-07 00:07:45', NULL),
    (75, 37, 6, 1, '2313.90', '2313.90', '0.00', '2313.90', '1636.86', 0, '0.00', '1.00', '23.14', false, '2024-09-23 23:07:45', '2024-10-07 00:07:45', NULL),
    (76, 37, 3, 1, '6378.90', '6378.90', '0.00', '6378.90', '3538.61', 0, '0.00', '2.00', '127.58', false, '2024-09-23 23:07:45', '2024-10-07 00:07:45', NULL),
    (77, 38, 9, 1, '187.90', '187.90', '0.00', '187.90', '98.75', 0, '0.00', NULL, NULL, false, '2025-04-02 18:54:09', '2025-04-14 14:54:09', NULL),
    (78, 39, 5, 2, '9078.90', '18157.80', '1271.05', '16886.75', '11928.62', 0, '0.00', NULL, NULL, true, '2024-11-11 07:34:38', '2024-11-14 15:34:38', NULL),
    (79, 39, 5, 1, '9078.90', '9078.90', '0.00', '9078.90', '5964.31', 0, '0.00', NULL, NULL, false, '2024-11-11 07:34:38', '2024-11-14 15:34:38', NULL),
    (80, 39, 8, 1, '34.90', '34.90', '0.00', '34.90', '20.55', 0, '0.00', NULL, NULL, false, '2024-11-11 07:34:38', '2024-11-14 15:34:38', NULL),
    (81, 40, 1, 2, '49.90', '99.80', '0.00', '99.80', '64.52', 0, '0.00', '3.00', '2.99', false, '2025-04-23 01:52:39', '2025-04-29 14:52:39', NULL),
    (82, 41, 9, 1, '187.90', '187.90', '0.00', '187.90', '98.75', 0, '0.00', '5.00', '9.40', false, '2024-09-09 16:04:20', '2024-09-18 06:04:20', NULL),
    (83, 42, 6, 2, '2313.90', '4627.80', '0.00', '4627.80', '3273.72', 0, '0.00', '5.00', '231.39', false, '2024-11-05 16:34:31', '2024-11-13 08:34:31', NULL),
    (84, 42, 6, 1, '2313.90', '2313.90', '0.00', '2313.90', '1636.86', 0, '0.00', '5.00', '115.70', false, '2024-11-05 16:34:31', '2024-11-13 08:34:31', NULL),
    (85, 43, 2, 1, '117.90', '117.90', '0.00', '117.90', '56.82', 0, '0.00', NULL, NULL, false, '2025-07-04 22:33:09', '2025-07-07 18:33:09', NULL),
    (86, 43, 2, 1, '117.90', '117.90', '8.25', '109.65', '56.82', 0, '0.00', NULL, NULL, true, '2025-07-04 22:33:09', '2025-07-07 18:33:09', NULL),
    (87, 43, 1, 1, '49.90', '49.90', '0.00', '49.90', '32.26', 0, '0.00', NULL, NULL, false, '2025-07-04 22:33:09', '2025-07-07 18:33:09', NULL),
    (88, 44, 6, 5, '2313.90', '11569.50', '1735.43', '9834.07', '8184.30', 0, '0.00', NULL, NULL, true, '2025-01-06 23:35:57', '2025-01-11 23:35:57', NULL),
    (89, 45, 2, 2, '117.90', '235.80', '0.00', '235.80', '113.64', 0, '0.00', '2.00', '4.72', false, '2025-11-27 23:50:33', '2025-11-29 05:50:33', NULL),
    (90, 45, 5, 2, '9078.90', '18157.80', '0.00', '18157.80', '11928.62', 0, '0.00', '1.00', '181.58', false, '2025-11-27 23:50:33', '2025-11-29 05:50:33', NULL),
    (91, 46, 3, 1, '6378.90', '6378.90', '0.00', '6378.90', '3538.61', 0, '0.00', '2.00', '127.58', false, '2025-02-04 01:43:15', '2025-02-10 03:43:15', NULL),
    (92, 47, 7, 1, '209.90', '209.90', '0.00', '209.90', '122.04', 0, '0.00', '2.00', '4.20', false, '2025-08-19 06:10:51', '2025-08-21 06:10:51', NULL),
    (93, 47, 8, 1, '34.90', '34.90', '0.00', '34.90', '20.55', 0, '0.00', '2.00', '0.70', false, '2025-08-19 06:10:51', '2025-08-21 06:10:51', NULL),
    (94, 47, 5, 1, '9078.90', '9078.90', '1361.84', '7717.06', '5964.31', 0, '0.00', '4.00', '308.68', true, '2025-08-19 06:10:51', '2025-08-21 06:10:51', NULL),
    (95, 47, 5, 2, '9078.90', '18157.80', '0.00', '18157.80', '11928.62', 0, '0.00', '3.00', '544.73', false, '2025-08-19 06:10:51', '2025-08-21 06:10:51', NULL),
    (96, 48, 2, 1, '117.90', '117.90', '0.00', '117.90', '56.82', 0, '0.00', '5.00', '5.90', false, '2025-07-14 12:19:50', '2025-07-17 11:19:50', NULL),
    (97, 48, 10, 3, '8677.90', '26033.70', '0.00', '26033.70', '16605.96', 0, '0.00', '1.00', '260.34', false, '2025-07-14 12:19:50', '2025-07-17 11:19:50', NULL),
    (98, 48, 1, 1, '49.90', '49.90', '0.00', '49.90', '32.26', 0, '0.00', '4.00', '2.00', false, '2025-07-14 12:19:50', '2025-07-17 11:19:50', NULL),
    (99, 49, 5, 1, '9078.90', '9078.90', '0.00', '9078.90', '5964.31', 0, '0.00', '2.00', '181.58', false, '2024-05-16 11:29:53', '2024-05-18 00:29:53', NULL),
    (100, 49, 6, 1, '2313.90', '2313.90', '161.97', '2151.93', '1636.86', 0, '0.00', '4.00', '86.08', true, '2024-05-16 11:29:53', '2024-05-18 00:29:53', NULL),
    (101, 50, 4, 1, '48.90', '48.90', '3.42', '45.48', '32.36', 0, '0.00', '1.00', '0.45', true, '2024-07-10 14:04:10', '2024-07-13 13:04:10', NULL),
    (102, 50, 9, 1, '187.90', '187.90', '0.00', '187.90', '98.75', 0, '0.00', '4.00', '7.52', false, '2024-07-10 14:04:10', '2024-07-13 13:04:10', NULL),
    (103, 50, 4, 1, '48.90', '48.90', '0.00', '48.90', '32.36', 0, '0.00', '2.00', '0.98', false, '2024-07-10 14:04:10', '2024-07-13 13:04:10', NULL),
    (104, 50, 6, 3, '2313.90', '6941.70', '555.34', '6386.36', '4910.58', 0, '0.00', '5.00', '319.32', true, '2024-07-10 14:04:10', '2024-07-13 13:04:10', NULL);
    PERFORM setval(pg_get_serial_sequence('core.order_items', 'order_item_id'), (SELECT coalesce(max(order_item_id), 0) + 1 FROM core.order_items), false);
    RAISE NOTICE 'Seeded 104 rows into core.order_items.';
  ELSE
    RAISE NOTICE 'core.order_items already has rows; seed skipped.';
  END IF;
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM core.order_item_discounts) THEN
    INSERT INTO core.order_item_discounts (order_item_discount_id, order_item_id, discount_id, application_level, discount_amount, base_amount, final_amount, applied_at, approved, rejection_reason, created_at, updated_at, deleted_at) VALUES
    (1, 4, 2, 'Item', '28.19', '187.90', '159.71', '2024-01-23 21:01:32', true, NULL, '2024-01-23 21:01:32', '2024-01-23 21:01:32', NULL),
    (2, 13, 2, 'Item', '347.09', '2313.90', '1966.81', '2025-04-04 07:56:45', true, NULL, '2025-04-04 07:56:45', '2025-04-04 07:56:45', NULL),
    (3, 17, 3, 'Item', '635.52', '9078.90', '8443.38', '2025-08-20 18:32:16', true, NULL, '2025-08-20 18:32:16', '2025-08-20 18:32:16', NULL),
    (4, 18, 1, 'Item', '16.79', '209.90', '193.11', '2024-01-07 14:34:46', true, NULL, '2024-01-07 14:34:46', '2024-01-07 14:34:46', NULL),
    (5, 21, 3, 'Item', '44.08', '629.70', '585.62', '2024-06-15 08:01:47', true, NULL, '2024-06-15 08:01:47', '2024-06-15 08:01:47', NULL),
    (6, 31, 3, 'Item', '13.15', '187.90', '174.75', '2024-10-16 06:19:51', true, NULL, '2024-10-16 06:19:51', '2024-10-16 06:19:51', NULL),
    (7, 33, 2, 'Item', '14.97', '99.80', '84.83', '2024-07-08 18:34:44', true, NULL, '2024-07-08 18:34:44', '2024-07-08 18:34:44', NULL),
    (8, 34, 2, 'Item', '5.24', '34.90', '29.66', '2024-07-08 18:34:44', true, NULL, '2024-07-08 18:34:44', '2024-07-08 18:34:44', NULL),
    (9, 35, 2, 'Item', '28.19', '187.90', '159.71', '2024-04-07 17:50:10', true, NULL, '2024-04-07 17:50:10', '2024-04-07 17:50:10', NULL),
    (10, 37, 2, 'Item', '5.24', '34.90', '29.66', '2024-03-16 22:03:12', true, NULL, '2024-03-16 22:03:12', '2024-03-16 22:03:12', NULL),
    (11, 38, 3, 'Item', '2.44', '34.90', '32.46', '2024-03-16 22:03:12', true, NULL, '2024-03-16 22:03:12', '2024-03-16 22:03:12', NULL),
    (12, 40, 2, 'Item', '1361.84', '9078.90', '7717.06', '2024-12-22 13:49:22', true, NULL, '2024-12-22 13:49:22', '2024-12-22 13:49:22', NULL),
    (13, 42, 1, 'Item', '19.56', '244.50', '224.94', '2024-12-22 13:49:22', true, NULL, '2024-12-22 13:49:22', '2024-12-22 13:49:22', NULL),
    (14, 43, 3, 'Item', '3.42', '48.90', '45.48', '2024-12-22 13:49:22', true, NULL, '2024-12-22 13:49:22', '2024-12-22 13:49:22', NULL),
    (15, 44, 2, 'Item', '1361.84', '9078.90', '7717.06', '2025-12-07 01:08:04', true, NULL, '2025-12-07 01:08:04', '2025-12-07 01:08:04', NULL),
    (16, 50, 2, 'Item', '5.24', '34.90', '29.66', '2025-02-03 22:14:16', true, NULL, '2025-02-03 22:14:16', '2025-02-03 22:14:16', NULL),
    (17, 54, 3, 'Item', '14.69', '209.90', '195.21', '2024-01-04 00:04:14', true, NULL, '2024-01-04 00:04:14', '2024-01-04 00:04:14', NULL),
    (18, 61, 3, 'Item', '14.69', '209.90', '195.21', '2025-05-11 12:26:45', true, NULL, '2025-05-11 12:26:45', '2025-05-11 12:26:45', NULL),
    (19, 62, 2, 'Item', '347.09', '2313.90', '1966.81', '2025-05-11 12:26:45', true, NULL, '2025-05-11 12:26:45', '2025-05-11 12:26:45', NULL),
    (20, 63, 2, 'Item', '17.69', '117.90', '100.21', '2024-06-13 17:06:31', true, NULL, '2024-06-13 17:06:31', '2024-06-13 17:06:31', NULL),
    (21, 64, 2, 'Item', '1361.84', '9078.90', '7717.06', '2024-06-13 17:06:31', true, NULL, '2024-06-13 17:06:31', '2024-06-13 17:06:31', NULL),
    (22, 65, 2, 'Item', '17.69', '117.90', '100.21', '2024-09-09 21:34:39', true, NULL, '2024-09-09 21:34:39', '2024-09-09 21:34:39', NULL),
    (23, 67, 1, 'Item', '694.23', '8677.90', '7983.67', '2025-05-12 08:35:02', true, NULL, '2025-05-12 08:35:02', '2025-05-12 08:35:02', NULL),
    (24, 68, 1, 'Item', '15.03', '187.90', '172.87', '2024-04-20 15:55:47', true, NULL, '2024-04-20 15:55:47', '2024-04-20 15:55:47', NULL),
    (25, 73, 2, 'Item', '694.17', '4627.80', '3933.63', '2024-09-23 23:07:45', true, NULL, '2024-09-23 23:07:45', '2024-09-23 23:07:45', NULL),
    (26, 78, 3, 'Item', '1271.05', '18157.80', '16886.75', '2024-11-11 07:34:38', true, NULL, '2024-11-11 07:34:38', '2024-11-11 07:34:38', NULL),
    (27, 86, 3, 'Item', '8.25', '117.90', '109.65', '2025-07-04 22:33:09', true, NULL, '2025-07-04 22:33:09', '2025-07-04 22:33:09', NULL),
    (28, 88, 2, 'Item', '1735.43', '11569.50', '9834.07', '2025-01-06 23:35:57', true, NULL, '2025-01-06 23:35:57', '2025-01-06 23:35:57', NULL),
    (29, 94, 2, 'Item', '1361.84', '9078.90', '7717.06', '2025-08-19 06:10:51', true, NULL, '2025-08-19 06:10:51', '2025-08-19 06:10:51', NULL),
    (30, 100, 3, 'Item', '161.97', '2313.90', '2151.93', '2024-05-16 11:29:53', true, NULL, '2024-05-16 11:29:53', '2024-05-16 11:29:53', NULL),
    (31, 101, 3, 'Item', '3.42', '48.90', '45.48', '2024-07-10 14:04:10', true, NULL, '2024-07-10 14:04:10', '2024-07-10 14:04:10', NULL),
    (32, 104, 1, 'Item', '555.34', '6941.70', '6386.36', '2024-07-10 14:04:10', true, NULL, '2024-07-10 14:04:10', '2024-07-10 14:04:10', NULL);
    PERFORM setval(pg_get_serial_sequence('core.order_item_discounts', 'order_item_discount_id'), (SELECT coalesce(max(order_item_discount_id), 0) + 1 FROM core.order_item_discounts), false);
    RAISE NOTICE 'Seeded 32 rows into core.order_item_discounts.';
  ELSE
    RAISE NOTICE 'core.order_item_discounts already has rows; seed skipped.';
  END IF;
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM core.seller_targets_monthly) THEN
    INSERT INTO core.seller_targets_monthly (seller_target_id, seller_id, target_month, period_type, target_amount, target_quantity, realized_amount, realized_quantity, period_closed, created_at, updated_at, deleted_at) VALUES
    (1, 1, '2024-01-01', 'Mensal', '25000.00', 296, '28394.87', 336, true, '2024-01-01 00:00:00', '2024-02-02 00:00:00', NULL),
    (2, 1, '2024-02-01', 'Mensal', '121000.00', 92, '70226.32', 53, true, '2024-02-01 00:00:00', '2024-03-02 00:00:00', NULL),
    (3, 1, '2024-03-01', 'Mensal', '58000.00', 156, '47205.91', 127, true, '2024-03-01 00:00:00', '2024-04-02 00:00:00', NULL),
    (4, 1, '2024-04-01', 'Mensal', '71000.00', 170, '46849.24', 112, true, '2024-04-01 00:00:00', '2024-05-02 00:00:00', NULL),
    (5, 1, '2024-05-01', 'Mensal', '199000.00', 77, '108807.48', 42, true, '2024-05-01 00:00:00', '2024-06-02 00:00:00', NULL),
    (6, 1, '2024-06-01', 'Mensal', '200000.00', 26, '213725.70', 28, true, '2024-06-01 00:00:00', '2024-07-02 00:00:00', NULL),
    (7, 1, '2024-07-01', 'Mensal', '198000.00', 38, '125636.76', 24, true, '2024-07-01 00:00:00', '2024-08-02 00:00:00', NULL),
    (8, 1, '2024-08-01', 'Mensal', '196000.00', 69, '211865.58', 75, true, '2024-08-01 00:00:00', '2024-09-02 00:00:00', NULL),
    (9, 1, '2024-09-01', 'Mensal', '110000.00', 270, '106812.10', 262, true, '2024-09-01 00:00:00', '2024-10-02 00:00:00', NULL),
    (10, 1, '2024-10-01', 'Mensal', '134000.00', 53, '71492.58', 28, true, '2024-10-01 00:00:00', '2024-11-02 00:00:00', NULL),
    (11, 1, '2024-11-01', 'Mensal', '73000.00', 134, '55915.79', 103, true, '2024-11-01 00:00:00', '2024-12-02 00:00:00', NULL),
    (12, 1, '2024-12-01', 'Mensal', '57000.00', 237, '56031.17', 233, true, '2024-12-01 00:00:00', '2025-01-02 00:00:00', NULL),
    (13, 1, '2025-01-01', 'Mensal', '77000.00', 269, '39910.89', 139, true, '2025-01-01 00:00:00', '2025-02-02 00:00:00', NULL),
    (14, 1, '2025-02-01', 'Mensal', '66000.00', 160, '34834.71', 84, true, '2025-02-01 00:00:00', '2025-03-02 00:00:00', NULL),
    (15, 1, '2025-03-01', 'Mensal', '141000.00', 209, '166611.86', 247, true, '2025-03-01 00:00:00', '2025-04-02 00:00:00', NULL),
    (16, 1, '2025-04-01', 'Mensal', '148000.00', 231, '115317.32', 180, true, '2025-04-01 00:00:00', '2025-05-02 00:00:00', NULL),
    (17, 1, '2025-05-01', 'Mensal', '102000.00', 226, '74965.58', 166, true, '2025-05-01 00:00:00', '2025-06-02 00:00:00', NULL),
    (18, 1, '2025-06-01', 'Mensal', '182000.00', 25, '233156.71', 32, true, '2025-06-01 00:00:00', '2025-07-02 00:00:00', NULL),
    (19, 1, '2025-07-01', 'Mensal', '159000.00', 189, '129841.16', 154, true, '2025-07-01 00:00:00', '2025-08-02 00:00:00', NULL),
    (20, 1, '2025-08-01', 'Mensal', '87000.00', 93, '68387.40', 73, true, '2025-08-01 00:00:00', '2025-09-02 00:00:00', NULL),
    (21, 1, '2025-09-01', 'Mensal', '143000.00', 227, '105589.53', 168, true, '2025-09-01 00:00:00', '2025-10-02 00:00:00', NULL),
    (22, 1, '2025-10-01', 'Mensal', '114000.00', 225, '126496.98', 250, true, '2025-10-01 00:00:00', '2025-11-02 00:00:00', NULL),
    (23, 1, '2025-11-01', 'Mensal', '80000.00', 59, '56258.07', 41, true, '2025-11-01 00:00:00', '2025-12-02 00:00:00', NULL),
    (24, 1, '2025-12-01', 'Mensal', '51000.00', 204, '60518.09', 242, false, '2025-12-01 00:00:00', '2025-12-01 00:00:00', NULL),
    (25, 2, '2024-01-01', 'Mensal', '192000.00', 162, '125565.88', 106, true, '2024-01-01 00:00:00', '2024-02-02 00:00:00', NULL),
    (26, 2, '2024-02-01', 'Mensal', '51000.00', 176, '57017.64', 197, true, '2024-02-01 00:00:00', '2024-03-02 00:00:00', NULL),
    (27, 2, '2024-03-01', 'Mensal', '198000.00', 46, '130687.79', 30, true, '2024-03-01 00:00:00', '2024-04-02 00:00:00', NULL),
    (28, 2, '2024-04-01', 'Mensal', '166000.00', 30, '133113.31', 24, true, '2024-04-01 00:00:00', '2024-05-02 00:00:00', NULL),
    (29, 2, '2024-05-01', 'Mensal', '151000.00', 221, '98393.56', 144, true, '2024-05-01 00:00:00', '2024-06-02 00:00:00', NULL),
    (30, 2, '2024-06-01', 'Mensal', '179000.00', 293, '106640.24', 175, true, '2024-06-01 00:00:00', '2024-07-02 00:00:00', NULL),
    (31, 2, '2024-07-01', 'Mensal', '98000.00', 130, '107579.35', 143, true, '2024-07-01 00:00:00', '2024-08-02 00:00:00', NULL),
    (32, 2, '2024-08-01', 'Mensal', '192000.00', 103, '132631.33', 71, true, '2024-08-01 00:00:00', '2024-09-02 00:00:00', NULL),
    (33, 2, '2024-09-01', 'Mensal', '191000.00', 226, '199341.48', 236, true, '2024-09-01 00:00:00', '2024-10-02 00:00:00', NULL),
    (34, 2, '2024-10-01', 'Mensal', '89000.00', 242, '57439.61', 156, true, '2024-10-01 00:00:00', '2024-11-02 00:00:00', NULL),
    (35, 2, '2024-11-01', 'Mensal', '35000.00', 97, '28666.05', 79, true, '2024-11-01 00:00:00', '2024-12-02 00:00:00', NULL),
    (36, 2, '2024-12-01', 'Mensal', '118000.00', 89, '75538.36', 57, true, '2024-12-01 00:00:00', '2025-01-02 00:00:00', NULL),
    (37, 2, '2025-01-01', 'Mensal', '115000.00', 298, '143614.93', 372, true, '2025-01-01 00:00:00', '2025-02-02 00:00:00', NULL),
    (38, 2, '2025-02-01', 'Mensal', '151000.00', 284, '111036.37', 209, true, '2025-02-01 00:00:00', '2025-03-02 00:00:00', NULL),
    (39, 2, '2025-03-01', 'Mensal', '57000.00', 297, '44238.91', 231, true, '2025-03-01 00:00:00', '2025-04-02 00:00:00', NULL),
    (40, 2, '2025-04-01', 'Mensal', '100000.00', 224, '56026.66', 125, true, '2025-04-01 00:00:00', '2025-05-02 00:00:00', NULL),
    (41, 2, '2025-05-01', 'Mensal', '186000.00', 288, '130036.54', 201, true, '2025-05-01 00:00:00', '2025-06-02 00:00:00', NULL),
    (42, 2, '2025-06-01', 'Mensal', '186000.00', 32, '186195.73', 32, true, '2025-06-01 00:00:00', '2025-07-02 00:00:00', NULL),
    (43, 2, '2025-07-01', 'Mensal', '23000.00', 178, '26548.17', 205, true, '2025-07-01 00:00:00', '2025-08-02 00:00:00', NULL),
    (44, 2, '2025-08-01', 'Mensal', '40000.00', 217, '47595.84', 258, true, '2025-08-01 00:00:00', '2025-09-02 00:00:00', NULL),
    (45, 2, '2025-09-01', 'Mensal', '82000.00', 37, '98131.97', 44, true, '2025-09-01 00:00:00', '2025-10-02 00:00:00', NULL),
    (46, 2, '2025-10-01', 'Mensal', '90000.00', 184, '47264.08', 97, true, '2025-10-01 00:00:00', '2025-11-02 00:00:00', NULL),
    (47, 2, '2025-11-01', 'Mensal', '165000.00', 170, '175300.26', 181, true, '2025-11-01 00:00:00', '2025-12-02 00:00:00', NULL),
    (48, 2, '2025-12-01', 'Mensal', '132000.00', 212, '97920.05', 157, false, '2025-12-01 00:00:00', '2025-12-01 00:00:00', NULL),
    (49, 3, '2024-01-01', 'Mensal', '131000.00', 55, '84434.76', 35, true, '2024-01-01 00:00:00', '2024-02-02 00:00:00', NULL),
    (50, 3, '2024-02-01', 'Mensal', '167000.00', 74, '210494.80', 93, true, '2024-02-01 00:00:00', '2024-03-02 00:00:00', NULL),
    (51, 3, '2024-03-01', 'Mensal', '158000.00', 240, '162290.51', 247, true, '2024-03-01 00:00:00', '2024-04-02 00:00:00', NULL),
    (52, 3, '2024-04-01', 'Mensal', '74000.00', 56, '63284.59', 48, true, '2024-04-01 00:00:00', '2024-05-02 00:00:00', NULL),
    (53, 3, '2024-05-01', 'Mensal', '120000.00', 136, '100981.59', 114, true, '2024-05-01 00:00:00', '2024-06-02 00:00:00', NULL),
    (54, 3, '2024-06-01', 'Mensal', '58000.00', 137, '64639.80', 153, true, '2024-06-01 00:00:00', '2024-07-02 00:00:00', NULL),
    (55, 3, '2024-07-01', 'Mensal', '37000.00', 158, '27808.31', 119, true, '2024-07-01 00:00:00', '2024-08-02 00:00:00', NULL),
    (56, 3, '2024-08-01', 'Mensal', '158000.00', 141, '84241.07', 75, true, '2024-08-01 00:00:00', '2024-09-02 00:00:00', NULL),
    (57, 3, '2024-09-01', 'Mensal', '177000.00', 166, '123429.92', 116, true, '2024-09-01 00:00:00', '2024-10-02 00:00:00', NULL),
    (58, 3, '2024-10-01', 'Mensal', '52000.00', 275, '43882.25', 232, true, '2024-10-01 00:00:00', '2024-11-02 00:00:00', NULL),
    (59, 3, '2024-11-01', 'Mensal', '46000.00', 200, '30528.76', 133, true, '2024-11-01 00:00:00', '2024-12-02 00:00:00', NULL),
    (60, 3, '2024-12-01', 'Mensal', '99000.00', 118, '65029.02', 78, true, '2024-12-01 00:00:00', '2025-01-02 00:00:00', NULL),
    (61, 3, '2025-01-01', 'Mensal', '149000.00', 239, '125498.89', 201, true, '2025-01-01 00:00:00', '2025-02-02 00:00:00', NULL),
    (62, 3, '2025-02-01', 'Mensal', '89000.00', 127, '70761.55', 101, true, '2025-02-01 00:00:00', '2025-03-02 00:00:00', NULL),
    (63, 3, '2025-03-01', 'Mensal', '29000.00', 88, '22722.03', 69, true, '2025-03-01 00:00:00', '2025-04-02 00:00:00', NULL),
    (64, 3, '2025-04-01', 'Mensal', '117000.00', 74, '76941.59', 49, true, '2025-04-01 00:00:00', '2025-05-02 00:00:00', NULL),
    (65, 3, '2025-05-01', 'Mensal', '125000.00', 138, '113205.41', 125, true, '2025-05-01 00:00:00', '2025-06-02 00:00:00', NULL),
    (66, 3, '2025-06-01', 'Mensal', '78000.00', 131, '51107.90', 86, true, '2025-06-01 00:00:00', '2025-07-02 00:00:00', NULL),
    (67, 3, '2025-07-01', 'Mensal', '39000.00', 85, '47558.14', 104, true, '2025-07-01 00:00:00', '2025-08-02 00:00:00', NULL),
    (68, 3, '2025-08-01', 'Mensal', '70000.00', 218, '75089.37', 234, true, '2025-08-01 00:00:00', '2025-09-02 00:00:00', NULL),
    (69, 3, '2025-09-01', 'Mensal', '182000.00', 270, '153770.63', 228, true, '2025-09-01 00:00:00', '2025-10-02 00:00:00', NULL),
    (70, 3, '2025-10-01', 'Mensal', '113000.00', 180, '87550.36', 139, true, '2025-10-01 00:00:00', '2025-11-02 00:00:00', NULL),
    (71, 3, '2025-11-01', 'Mensal', '77000.00', 193, '60994.74', 153, true, '2025-11-01 00:00:00', '2025-12-02 00:00:00', NULL),
    (72, 3, '2025-12-01', 'Mensal', '35000.00', 187, '40246.83', 215, false, '2025-12-01 00:00:00', '2025-12-01 00:00:00', NULL),
    (73, 4, '2024-01-01', 'Mensal', '161000.00', 188, '90021.69', 105, true, '2024-01-01 00:00:00', '2024-02-02 00:00:00', NULL),
    (74, 4, '2024-02-01', 'Mensal', '71000.00', 86, '84154.93', 102, true, '2024-02-01 00:00:00', '2024-03-02 00:00:00', NULL),
    (75, 4, '2024-03-01', 'Mensal', '124000.00', 84, '72231.20', 49, true, '2024-03-01 00:00:00', '2024-04-02 00:00:00', NULL),
    (76, 4, '2024-04-01', 'Mensal', '162000.00', 275, '121433.91', 206, true, '2024-04-01 00:00:00', '2024-05-02 00:00:00', NULL),
    (77, 4, '2024-05-01', 'Mensal', '100000.00', 132, '107616.56', 142, true, '2024-05-01 00:00:00', '2024-06-02 00:00:00', NULL),
    (78, 4, '2024-06-01', 'Mensal', '175000.00', 78, '170238.64', 76, true, '2024-06-01 00:00:00', '2024-07-02 00:00:00', NULL),
    (79, 4, '2024-07-01', 'Mensal', '177000.00', 216, '132288.80', 161, true, '2024-07-01 00:00:00', '2024-08-02 00:00:00', NULL),
    (80, 4, '2024-08-01', 'Mensal', '70000.00', 213, '67456.50', 205, true, '2024-08-01 00:00:00', '2024-09-02 00:00:00', NULL),
    (81, 4, '2024-09-01', 'Mensal', '89000.00', 224, '58955.51', 148, true, '2024-09-01 00:00:00', '2024-10-02 00:00:00', NULL),
    (82, 4, '2024-10-01', 'Mensal', '74000.00', 169, '79398.22', 181, true, '2024-10-01 00:00:00', '2024-11-02 00:00:00', NULL),
    (83, 4, '2024-11-01', 'Mensal', '118000.00', 184, '73105.58', 114, true, '2024-11-01 00:00:00', '2024-12-02 00:00:00', NULL),
    (84, 4, '2024-12-01', 'Mensal', '92000.00', 293, '49935.63', 159, true, '2024-12-01 00:00:00', '2025-01-02 00:00:00', NULL),
    (85, 4, '2025-01-01', 'Mensal', '43000.00', 81, '23566.93', 44, true, '2025-01-01 00:00:00', '2025-02-02 00:00:00', NULL),
    (86, 4, '2025-02-01', 'Mensal', '103000.00', 122, '124794.38', 148, true, '2025-02-01 00:00:00', '2025-03-02 00:00:00', NULL),
    (87, 4, '2025-03-01', 'Mensal', '148000.00', 174, '186309.64', 219, true, '2025-03-01 00:00:00', '2025-04-02 00:00:00', NULL),
    (88, 4, '2025-04-01', 'Mensal', '87000.00', 239, '91509.27', 251, true, '2025-04-01 00:00:00', '2025-05-02 00:00:00', NULL),
    (89, 4, '2025-05-01', 'Mensal', '58000.00', 108, '51270.78', 95, true, '2025-05-01 00:00:00', '2025-06-02 00:00:00', NULL),
    (90, 4, '2025-06-01', 'Mensal', '50000.00', 255, '46818.86', 239, true, '2025-06-01 00:00:00', '2025-07-02 00:00:00', NULL),
    (91, 4, '2025-07-01', 'Mensal', '131000.00', 298, '135763.06', 309, true, '2025-07-01 00:00:00', '2025-08-02 00:00:00', NULL),
    (92, 4, '2025-08-01', 'Mensal', '106000.00', 298, '93078.82', 262, true, '2025-08-01 00:00:00', '2025-09-02 00:00:00', NULL),
    (93, 4, '2025-09-01', 'Mensal', '93000.00', 216, '105521.95', 245, true, '2025-09-01 00:00:00', '2025-10-02 00:00:00', NULL),
    (94, 4, '2025-10-01', 'Mensal', '72000.00', 158, '88795.74', 195, true, '2025-10-01 00:00:00', '2025-11-02 00:00:00', NULL),
    (95, 4, '2025-11-01', 'Mensal', '144000.00', 43, '162332.58', 48, true, '2025-11-01 00:00:00', '2025-12-02 00:00:00', NULL),
    (96, 4, '2025-12-01', 'Mensal', '71000.00', 88, '58963.71', 73, false, '2025-12-01 00:00:00', '2025-12-01 00:00:00', NULL);
    PERFORM setval(pg_get_serial_sequence('core.seller_targets_monthly', 'seller_target_id'), (SELECT coalesce(max(seller_target_id), 0) + 1 FROM core.seller_targets_monthly), false);
    RAISE NOTICE 'Seeded 96 rows into core.seller_targets_monthly.';
  ELSE
    RAISE NOTICE 'core.seller_targets_monthly already has rows; seed skipped.';
  END IF;
END $$;
