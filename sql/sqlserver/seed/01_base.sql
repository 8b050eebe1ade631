-- Base seed of the OLTP (schema core): a small fixed data set, rendered from the data generator
-- (seed 20240101, scale 0.001). Each table is filled only when it is empty.

SET NOCOUNT ON;
GO
USE ECOMMERCE_OLTP;
GO

IF NOT EXISTS (SELECT 1 FROM core.regions)
BEGIN
  SET IDENTITY_INSERT core.regions ON;
  INSERT INTO core.regions (region_id, country, region_name, state, state_name, city, ibge_code, is_active, created_at, updated_at, deleted_at) VALUES
  (1, N'Brasil', N'Sudeste', N'SP', N'São Paulo', N'São Paulo', N'3550308', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (2, N'Brasil', N'Sudeste', N'SP', N'São Paulo', N'Campinas', N'3509502', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (3, N'Brasil', N'Sudeste', N'SP', N'São Paulo', N'Santos', N'3548500', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (4, N'Brasil', N'Sudeste', N'SP', N'São Paulo', N'Guarulhos', N'3518800', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (5, N'Brasil', N'Sudeste', N'SP', N'São Paulo', N'Ribeirão Preto', N'3543402', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (6, N'Brasil', N'Sudeste', N'SP', N'São Paulo', N'Sorocaba', N'3552205', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (7, N'Brasil', N'Sudeste', N'RJ', N'Rio de Janeiro', N'Rio de Janeiro', N'3304557', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (8, N'Brasil', N'Sudeste', N'RJ', N'Rio de Janeiro', N'Niterói', N'3303302', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (9, N'Brasil', N'Sudeste', N'MG', N'Minas Gerais', N'Belo Horizonte', N'3106200', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (10, N'Brasil', N'Sudeste', N'MG', N'Minas Gerais', N'Uberlândia', N'3170206', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (11, N'Brasil', N'Sudeste', N'MG', N'Minas Gerais', N'Juiz de Fora', N'3136702', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (12, N'Brasil', N'Sudeste', N'ES', N'Espírito Santo', N'Vitória', N'3205309', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (13, N'Brasil', N'Sul', N'PR', N'Paraná', N'Curitiba', N'4106902', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (14, N'Brasil', N'Sul', N'PR', N'Paraná', N'Londrina', N'4113700', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (15, N'Brasil', N'Sul', N'SC', N'Santa Catarina', N'Florianópolis', N'4205407', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (16, N'Brasil', N'Sul', N'SC', N'Santa Catarina', N'Joinville', N'4209102', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (17, N'Brasil', N'Sul', N'RS', N'Rio Grande do Sul', N'Porto Alegre', N'4314902', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (18, N'Brasil', N'Sul', N'RS', N'Rio Grande do Sul', N'Caxias do Sul', N'4305108', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (19, N'Brasil', N'Centro-Oeste', N'DF', N'Distrito Federal', N'Brasília', N'5300108', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (20, N'Brasil', N'Centro-Oeste', N'GO', N'Goiás', N'Goiânia', N'5208707', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (21, N'Brasil', N'Centro-Oeste', N'MT', N'Mato Grosso', N'Cuiabá', N'5103403', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (22, N'Brasil', N'Centro-Oeste', N'MS', N'Mato Grosso do Sul', N'Campo Grande', N'5002704', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (23, N'Brasil', N'Nordeste', N'BA', N'Bahia', N'Salvador', N'2927408', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (24, N'Brasil', N'Nordeste', N'BA', N'Bahia', N'Feira de Santana', N'2910800', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (25, N'Brasil', N'Nordeste', N'PE', N'Pernambuco', N'Recife', N'2611606', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (26, N'Brasil', N'Nordeste', N'CE', N'Ceará', N'Fortaleza', N'2304400', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (27, N'Brasil', N'Nordeste', N'MA', N'Maranhão', N'São Luís', N'2111300', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (28, N'Brasil', N'Nordeste', N'PI', N'Piauí', N'Teresina', N'2211001', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (29, N'Brasil', N'Nordeste', N'RN', N'Rio Grande do Norte', N'Natal', N'2408102', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (30, N'Brasil', N'Nordeste', N'PB', N'Paraíba', N'João Pessoa', N'2507507', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (31, N'Brasil', N'Nordeste', N'AL', N'Alagoas', N'Maceió', N'2704302', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (32, N'Brasil', N'Nordeste', N'SE', N'Sergipe', N'Aracaju', N'2800308', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (33, N'Brasil', N'Norte', N'AM', N'Amazonas', N'Manaus', N'1302603', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (34, N'Brasil', N'Norte', N'PA', N'Pará', N'Belém', N'1501402', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (35, N'Brasil', N'Norte', N'RO', N'Rondônia', N'Porto Velho', N'1100205', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (36, N'Brasil', N'Norte', N'AC', N'Acre', N'Rio Branco', N'1200401', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (37, N'Brasil', N'Norte', N'AP', N'Amapá', N'Macapá', N'1600303', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (38, N'Brasil', N'Norte', N'RR', N'Roraima', N'Boa Vista', N'1400100', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL),
  (39, N'Brasil', N'Norte', N'TO', N'Tocantins', N'Palmas', N'1721000', 1, '2023-01-01 00:00:00', '2023-01-01 00:00:00', NULL);
  SET IDENTITY_INSERT core.regions OFF;
  PRINT N'Seeded 39 rows into core.regions.';
END
ELSE
  PRINT N'core.regions already has rows; seed skipped.';
GO

IF NOT EXISTS (SELECT 1 FROM core.suppliers)
BEGIN
  SET IDENTITY_INSERT core.suppliers ON;
  INSERT INTO core.suppliers (supplier_id, supplier_code, supplier_name, document_number, email, phone, city, state, country, is_active, created_at, updated_at, deleted_at) VALUES
  (1, N'FOR-00001', N'Dias Ferreira Comércio Ltda', N'28011171000135', N'contato1@dias.com.br', N'(11) 90209-1899', N'Santos', N'SP', N'Brasil', 1, '2022-09-05 00:00:00', '2022-09-05 00:00:00', NULL),
  (2, N'FOR-00002', N'Mendes Rocha Distribuidora Ltda', N'13708678000175', N'contato2@mendes.com.br', N'(41) 95203-2159', N'Curitiba', N'PR', N'Brasil', 1, '2022-10-05 00:00:00', '2022-10-05 00:00:00', NULL),
  (3, N'FOR-00003', N'Rodrigues Ribeiro Indústria S.A.', N'98274862000107', N'contato3@rodrigues.com.br', N'(11) 98853-9796', N'Campinas', N'SP', N'Brasil', 1, '2022-05-14 00:00:00', '2022-05-14 00:00:00', NULL);
  SET IDENTITY_INSERT core.suppliers OFF;
  PRINT N'Seeded 3 rows into core.suppliers.';
END
ELSE
  PRINT N'core.suppliers already has rows; seed skipped.';
GO

IF NOT EXISTS (SELECT 1 FROM core.customers)
BEGIN
  SET IDENTITY_INSERT core.customers ON;
  INSERT INTO core.customers (customer_id, customer_code, full_name, email, phone, document_number, birth_date, gender, customer_type, segment, credit_score, value_category, address_line, district, city, state, country, zip_code, first_signup_date, last_purchase_date, is_active, accepts_email_marketing, is_vip, created_at, updated_at, deleted_at) VALUES
  (1, N'CLI-00000001', N'Paulo Ferreira', N'paulo.ferreira1@bol.com.br', N'(81) 96269-5201', N'538.020.472-49', '1972-11-07', N'M', N'Recorrente', N'Pessoa Fisica', 417, N'Prata', N'Rua Rui Barbosa, 1101', N'Liberdade', N'Recife', N'PE', N'Brasil', N'50054-206', '2024-07-28', NULL, 1, 0, 0, '2024-07-28 05:20:18', '2024-08-29 05:33:54', NULL),
  (2, N'CLI-00000002', N'Luciana Costa Andrade', N'luciana.costa.andrade2@uol.com.br', NULL, N'475.459.076-71', '1985-01-10', N'F', N'Recorrente', N'Pessoa Fisica', 529, N'Prata', N'Avenida Paulista, 2604', N'Jardim América', N'Santos', N'SP', N'Brasil', N'11064-378', '2025-02-19', NULL, 1, 1, 0, '2025-02-19 04:07:12', '2025-04-21 15:07:16', NULL),
  (3, N'CLI-00000003', N'Carolina Nascimento', N'carolina.nascimento3@yahoo.com.br', N'(31) 91373-1973', N'819.630.545-12', '1965-06-13', N'F', N'Recorrente', N'Pessoa Fisica', 384, N'Prata', N'Rua Getúlio Vargas, 706', N'São José', N'Belo Horizonte', N'MG', N'BR', N'30143-936', '2024-05-21', NULL, 1, 0, 0, '2024-05-21 18:54:30', '2024-05-21 18:54:30', NULL),
  (4, N'CLI-00000004', N'Carolina Oliveira', N'carolina.oliveira4@hotmail.com', N'(21) 91395-2260', N'636.761.077-48', '1971-05-03', N'F', N'Novo', N'Pessoa Fisica', 156, N'Platina', N'Travessa Getúlio Vargas, 236', N'Boa Vista', N'Rio de Janeiro', N'RJ', N'Brasil', N'20021-005', '2025-02-20', NULL, 1, 1, 0, '2025-02-20 19:41:21', '2025-02-20 19:41:21', NULL),
  (5, N'CLI-00000005', N'João Carvalho', N'joao.carvalho5@outlook.com', N'(61) 92940-3193', N'000.904.671-24', '1979-08-06', N'M', N'Inativo', N'Pessoa Fisica', 104, N'Ouro', N'Avenida Paulista, 724', N'São José', N'Brasília', N'DF', N'Brasil', N'70018-316', '2024-04-19', NULL, 0, 0, 0, '2024-04-19 23:14:46', '2024-04-19 23:14:46', NULL),
  (6, N'CLI-00000006', N'Larissa Lopes Andrade', N'larissa.lopes.andrade6@hotmail.com', N'(51) 98841-3384', N'031.515.643-05', '1978-04-20', N'F', N'Recorrente', N'Pessoa Fisica', 358, N'Platina', N'Avenida das Flores, 1596', N'São José', N'Caxias do Sul', N'RS', N'Brasil', N'95020-927', '2025-02-13', NULL, 1, 1, 0, '2025-02-13 12:23:44', '2025-02-13 12:23:44', NULL),
  (7, N'CLI-00000007', N'Renata Souza Lima', N'renata.souza.lima7@hotmail.com', N'(82) 95862-3047', N'63582809455', '1986-12-30', N'F', N'Recorrente', N'Pessoa Fisica', 384, N'Ouro', N'Rua XV de Novembro, 2510', N'Santa Cruz', N'Maceió', N'AL', N'Brasil', N'57015-470', '2025-08-02', NULL, 1, 1, 0, '2025-08-02 12:13:49', '2025-08-02 12:13:49', NULL),
  (8, N'CLI-00000008', N'Vinícius Carvalho Dias', N'vinicius.carvalho.dias8@bol.com.br', N'(11) 90733-0863', N'908.944.955-85', '1986-10-28', N'M', N'Inativo', N'Pessoa Fisica', 649, N'Bronze', N'Travessa XV de Novembro, 28', N'São José', N'Guarulhos', N'SP', N'Brasil', N'07094-587', '2024-02-04', NULL, 0, 0, 0, '2024-02-04 16:20:09', '2024-02-04 16:20:09', NULL),
  (9, N'CLI-00000009', N'Jéssica Rodrigues', N'jessica.rodrigues9@bol.com.br', N'(83) 97232-5341', N'721.545.905-51', '1976-03-29', N'F', N'Novo', N'Pessoa Fisica', 547, N'Bronze', N'Rua Brasil, 2787', N'Vila Nova', N'João Pessoa', N'PB', N'Brasil', N'58015-581', '2024-09-06', NULL, 1, 0, 0, '2024-09-06 19:43:24', '2024-12-11 18:24:13', NULL),
  (10, N'CLI-00000010', N'Luciana Rocha', N'luciana.rocha10@uol.com.br', N'(68) 90097-1681', N'974.182.031-36', '1950-11-28', N'F', N'Novo', N'Pessoa Fisica', 705, N'Platina', N'Rua Sete de Setembro, 2613', N'Jardim América', N'Rio Branco', N'AC', N'Brasil', N'69922-868', '2024-01-28', NULL, 1, 0, 0, '2024-01-28 18:54:20', '2024-02-20 15:44:02', NULL);
  SET IDENTITY_INSERT core.customers OFF;
  PRINT N'Seeded 10 rows into core.customers.';
END
ELSE
  PRINT N'core.customers already has rows; seed skipped.';
GO

IF NOT EXISTS (SELECT 1 FROM core.products)
BEGIN
  SET IDENTITY_INSERT core.products ON;
  INSERT INTO core.products (product_id, product_code, sku, barcode, product_name, short_description, full_description, category_name, subcategory_name, product_line, brand, manufacturer, supplier_id, country_origin, weight_kg, height_cm, width_cm, depth_cm, color, material, cost_price, list_price, suggested_margin_percent, is_perishable, is_fragile, requires_refrigeration, minimum_age, min_stock, max_stock, reorder_days, product_status, launch_date, discontinued_date, keywords, rating_avg, rating_count, created_at, updated_at, deleted_at) VALUES
  (1, N'PRD-0000001', N'BRI-0000001', N'7891465138955', N'Boneco de Ação Hasbro L749', N'Boneco de Ação Hasbro, modelo L749.', N'Boneco de Ação Hasbro L749. Produto da linha Bonecos da marca Hasbro, com garantia do fabricante.', N'Brinquedos', N'Bonecos', N'Básica', N'Hasbro', N'Hasbro do Brasil', 2, N'Brasil', N'13.933', N'116.40', N'188.10', N'36.20', N'Verde', N'Alumínio', N'32.26', N'49.90', N'35.35', 0, 0, 0, 3, 23, 253, 41, N'Ativo', '2022-11-28', NULL, N'brinquedos,bonecos,hasbro', N'2.84', 755, '2022-11-01 00:00:00', '2025-10-03 00:00:00', NULL),
  (2, N'PRD-0000002', N'LIV-0000002', N'7893332746634', N'Livro Técnico Novatec X115', N'Livro Técnico Novatec, modelo X115.', N'Livro Técnico Novatec X115. Produto da linha Técnicos da marca Novatec, com garantia do fabricante.', N'Livros', N'Técnicos', N'Premium', N'Novatec', N'Novatec do Brasil', 1, N'Brasil', N'16.987', N'162.80', N'91.40', N'20.30', N'Vermelho', N'Madeira', N'56.82', N'117.90', N'51.81', 0, 0, 0, NULL, 18, 72, 31, N'Ativo', '2022-10-07', NULL, N'livros,técnicos,novatec', N'4.95', 3421, '2022-09-16 00:00:00', '2025-08-09 00:00:00', NULL),
  (3, N'PRD-0000003', N'ELE-0000003', N'7896671816848', N'Smartphone Samsung B377', N'Smartphone Samsung, modelo B377.', N'Smartphone Samsung B377. Produto da linha Smartphones da marca Samsung, com garantia do fabricante.', N'Eletrônicos', N'Smartphones', N'Intermediária', N'Samsung', N'Samsung do Brasil', 3, N'Brasil', N'0.392', N'175.70', N'129.60', N'25.40', N'Verde', N'Madeira', N'3538.61', N'6378.90', N'44.53', 0, 1, 0, NULL, 43, 430, 54, N'Descontinuado', '2023-02-16', '2025-07-04', N'eletrônicos,smartphones,samsung', N'4.44', 1567, '2022-12-28 00:00:00', '2025-07-04 00:00:00', NULL),
  (4, N'PRD-0000004', N'LIV-0000004', N'7894925081132', N'Livro de Romance Rocco S797', N'Livro de Romance Rocco, modelo S797.', N'Livro de Romance Rocco S797. Produto da linha Ficção da marca Rocco, com garantia do fabricante.', N'Livros', N'Ficção', N'Básica', N'Rocco', N'Rocco do Brasil', 3, N'China', N'23.681', N'63.10', N'169.70', N'39.40', N'Preto', N'Plástico', N'32.36', N'48.90', N'33.82', 0, 0, 0, NULL, 11, 110, 27, N'Ativo', '2022-11-27', NULL, N'livros,ficção,rocco', N'3.24', 642, '2022-10-18 00:00:00', '2025-05-29 00:00:00', NULL),
  (5, N'PRD-0000005', N'ELE-0000005', N'7894470484361', N'Notebook Acer K628', N'Notebook Acer, modelo K628.', N'Notebook Acer K628. Produto da linha Notebooks da marca Acer, com garantia do fabricante.', N'Eletrônicos', N'Notebooks', N'Intermediária', N'Acer', N'Acer do Brasil', 1, N'Brasil', N'2.592', N'83.50', N'134.20', N'27.80', N'Vermelho', N'Alumínio', N'5964.31', N'9078.90', N'34.31', 0, 1, 0, NULL, 48, 432, 27, N'Ativo', '2022-03-27', NULL, N'eletrônicos,notebooks,acer', N'4.33', 3754, '2022-02-03 00:00:00', '2025-06-04 00:00:00', NULL),
  (6, N'PRD-0000006', N'ELE-0000006', N'7896556650352', N'Smartphone Xiaomi Y18', N'Smartphone Xiaomi, modelo Y18.', N'Smartphone Xiaomi Y18. Produto da linha Smartphones da marca Xiaomi, com garantia do fabricante.', N'Eletrônicos', N'Smartphones', N'Básica', N'Xiaomi', N'Xiaomi do Brasil', 2, N'Estados Unidos', N'5.894', N'84.40', N'123.40', N'80.40', N'Vermelho', N'Plástico', N'1636.86', N'2313.90', N'29.26', 0, 1, 0, NULL, 16, 64, 33, N'Ativo', '2022-01-14', NULL, N'eletrônicos,smartphones,xiaomi', N'3.15', 1731, '2022-01-09 00:00:00', '2022-01-09 00:00:00', NULL),
  (7, N'PRD-0000007', N'BRI-0000007', N'7890883554364', N'Jogo de Tabuleiro Estrela A714', N'Jogo de Tabuleiro Estrela, modelo A714.', N'Jogo de Tabuleiro Estrela A714. Produto da linha Jogos da marca Estrela, com garantia do fabricante.', N'Brinquedos', N'Jogos', N'Básica', N'Estrela', N'Estrela do Brasil', 1, N'Brasil', N'2.991', N'45.40', N'90.40', N'25.30', N'Azul', N'Alumínio', N'122.04', N'209.90', N'41.86', 0, 0, 0, 8, 20, 220, 33, N'Ativo', '2021-12-10', NULL, N'brinquedos,jogos,estrela', N'3.55', 4989, '2021-11-03 00:00:00', '2021-11-03 00:00:00', NULL),
  (8, N'PRD-0000008', N'ALI-0000008', N'7897774863906', N'Queijo Minas Artesanal Tirolez M426', N'Queijo Minas Artesanal Tirolez, modelo M426.', N'Queijo Minas Artesanal Tirolez M426. Produto da linha Laticínios da marca Tirolez, com garantia do fabricante.', N'Alimentos e Bebidas', N'Laticínios', N'Intermediária', N'Tirolez', N'Tirolez do Brasil', 1, N'Brasil', N'12.483', N'104.10', N'105.10', N'42.40', N'Verde', N'Algodão', N'20.55', N'34.90', N'41.12', 1, 0, 1, NULL, 18, 198, 18, N'Ativo', '2022-11-03', NULL, N'alimentos e bebidas,laticínios,tirolez', N'4.11', 2462, '2022-09-14 00:00:00', '2022-09-14 00:00:00', NULL),
  (9, N'PRD-0000009', N'BRI-0000009', N'7893031962768', N'Jogo de Tabuleiro Grow F264', N'Jogo de Tabuleiro Grow, modelo F264.', N'Jogo de Tabuleiro Grow F264. Produto da linha Jogos da marca Grow, com garantia do fabricante.', N'Brinquedos', N'Jogos', N'Premium', N'Grow', N'Grow do Brasil', 1, N'China', N'15.654', N'183.00', N'53.60', N'27.30', N'Branco', N'Alumínio', N'98.75', N'187.90', N'47.45', 0, 0, 0, 8, 47, 752, 18, N'Ativo', '2023-12-04', NULL, N'brinquedos,jogos,grow', N'2.68', 2225, '2023-11-14 00:00:00', '2025-12-01 00:00:00', NULL),
  (10, N'PRD-0000010', N'ELE-0000010', N'7896678286784', N'Smartphone Samsung L838', N'Smartphone Samsung, modelo L838.', N'Smartphone Samsung L838. Produto da linha Smartphones da marca Samsung, com garantia do fabricante.', N'Eletrônicos', N'Smartphones', N'Básica', N'Samsung', N'Samsung do Brasil', 2, N'Brasil', N'12.336', N'11.00', N'78.20', N'66.40', N'Azul', N'Algodão', N'5535.32', N'8677.90', N'36.21', 0, 1, 0, NULL, 33, 198, 51, N'Ativo', '2023-05-12', NULL, N'eletrônicos,smartphones,samsung', N'4.01', 4416, '2023-04-20 00:00:00', '2024-02-27 00:00:00', NULL);
  SET IDENTITY_INSERT core.products OFF;
  PRINT N'Seeded 10 rows into core.products.';
END
ELSE
  PRINT N'core.products already has rows; seed skipped.';
GO

IF NOT EXISTS (SELECT 1 FROM core.teams)
BEGIN
  SET IDENTITY_INSERT core.teams ON;
  INSERT INTO core.teams (team_id, team_code, team_name, team_type, team_category, region_id, is_active, created_at, updated_at, deleted_at) VALUES
  (1, N'EQ-0001', N'Equipe Niterói Interna 1', N'Interna', N'Corporativo', 8, 1, '2023-07-20 00:00:00', '2023-07-20 00:00:00', NULL),
  (2, N'EQ-0002', N'Equipe Florianópolis Externa 2', N'Externa', N'Corporativo', 15, 1, '2023-02-05 00:00:00', '2023-02-05 00:00:00', NULL);
  SET IDENTITY_INSERT core.teams OFF;
  PRINT N'Seeded 2 rows into core.teams.';
END
ELSE
  PRINT N'core.teams already has rows; seed skipped.';
GO

IF NOT EXISTS (SELECT 1 FROM core.sellers)
BEGIN
  SET IDENTITY_INSERT core.sellers ON;
  INSERT INTO core.sellers (seller_id, seller_code, seller_name, email, team_id, manager_seller_id, home_state, home_city, monthly_goal_amount, hire_date, seller_status, created_at, updated_at, deleted_at) VALUES
  (1, N'VEN-00001', N'Gabriel Soares', N'gabriel.soares1@empresa.com.br', 1, NULL, N'RJ', N'Niterói', N'30000.00', '2022-03-31', N'Ativo', '2022-03-31 00:00:00', '2022-03-31 00:00:00', NULL),
  (2, N'VEN-00002', N'Vanessa Pereira Martins', N'vanessa.pereira.martins2@empresa.com.br', 2, NULL, N'SC', N'Florianópolis', N'49000.00', '2020-11-24', N'Ativo', '2020-11-24 00:00:00', '2020-11-24 00:00:00', NULL),
  (3, N'VEN-00003', N'Felipe Lima', N'felipe.lima3@empresa.com.br', 1, 1, N'RJ', N'Niterói', N'107000.00', '2022-06-16', N'Ativo', '2022-06-16 00:00:00', '2022-06-16 00:00:00', NULL),
  (4, N'VEN-00004', N'Bruna Barbosa Lopes', N'bruna.barbosa.lopes4@empresa.com.br', 2, 2, N'SC', N'Florianópolis', N'153000.00', '2021-08-16', N'Ativo', '2021-08-16 00:00:00', '2021-08-16 00:00:00', NULL);
  SET IDENTITY_INSERT core.sellers OFF;
  PRINT N'Seeded 4 rows into core.sellers.';
END
ELSE
  PRINT N'core.sellers already has rows; seed skipped.';
GO

IF NOT EXISTS (SELECT 1 FROM core.discount_campaigns)
BEGIN
  SET IDENTITY_INSERT core.discount_campaigns ON;
  INSERT INTO core.discount_campaigns (discount_id, discount_code, campaign_name, description, discount_type, discount_method, discount_value, min_order_value, max_discount_value, max_uses_per_customer, max_uses_total, apply_scope, product_restriction, start_at, end_at, current_usage_count, total_revenue_generated, total_discount_given, is_active, approval_required, is_stackable, created_at, updated_at, deleted_at) VALUES
  (1, N'NATAL8-1', N'Natal 2025', N'8% de desconto na campanha Natal.', N'Promocao', N'Percentual', N'8.00', NULL, NULL, 3, NULL, N'Item', NULL, '2025-02-08 00:00:00', '2025-03-21 00:00:00', 0, N'0.00', N'0.00', 0, 0, 0, '2025-02-01 00:00:00', '2025-02-01 00:00:00', NULL),
  (2, N'DIADASMAES15-2', N'Dia das Mães 2024', N'15% de desconto na campanha Dia das Mães.', N'Cupom', N'Percentual', N'15.00', N'60.00', NULL, 5, 24764, N'Item', NULL, '2024-06-23 00:00:00', '2024-07-06 00:00:00', 0, N'0.00', N'0.00', 0, 0, 0, '2024-05-28 00:00:00', '2024-05-28 00:00:00', NULL),
  (3, N'VOLTAASAULAS7-3', N'Volta às Aulas 2025', N'7% de desconto na campanha Volta às Aulas.', N'Sazonal', N'Percentual', N'7.00', NULL, NULL, 4, 63856, N'Item', NULL, '2025-05-31 00:00:00', '2025-06-21 00:00:00', 0, N'0.00', N'0.00', 0, 0, 0, '2025-05-09 00:00:00', '2025-05-09 00:00:00', NULL);
  SET IDENTITY_INSERT core.discount_campaigns OFF;
  PRINT N'Seeded 3 rows into core.discount_campaigns.';
END
ELSE
  PRINT N'core.discount_campaigns already has rows; seed skipped.';
GO

IF NOT EXISTS (SELECT 1 FROM core.orders)
BEGIN
  SET IDENTITY_INSERT core.orders ON;
  INSERT INTO core.orders (order_id, order_number, customer_id, seller_id, region_id, order_status, payment_status, payment_method, order_date, approved_at, shipped_at, delivered_at, cancelled_at, sales_channel, currency_code, notes, created_at, updated_at, deleted_at) VALUES
  (1, N'PED-2025-000000001', 6, 1, 18, N'Enviado', N'Aprovado', N'Cartao de Credito', '2025-11-22 21:07:42', '2025-11-22 22:07:42', '2025-11-23 10:07:42', NULL, NULL, N'Site', N'BRL', NULL, '2025-11-22 21:07:42', '2025-11-23 10:07:42', NULL),
  (2, N'PED-2025-000000002', 3, 1, 9, N'Entregue', N'Aprovado', N'Cartao de Credito', '2025-11-08 05:08:21', '2025-11-08 09:08:21', '2025-11-09 04:08:21', '2025-11-10 04:08:21', NULL, N'Marketplace', N'BRL', NULL, '2025-11-08 05:08:21', '2025-11-10 04:08:21', NULL),
  (3, N'PED-2024-000000003', 9, 3, 30, N'Entregue', N'Aprovado', N'Pix', '2024-01-23 21:01:32', '2024-01-24 06:01:32', '2024-01-26 21:01:32', '2024-02-01 21:01:32', NULL, N'App', N'BRL', NULL, '2024-01-23 21:01:32', '2024-02-01 21:01:32', NULL),
  (4, N'PED-2024-000000004', 5, 4, 19, N'Entregue', N'Aprovado', N'Cartao de Debito', '2024-12-18 22:49:36', '2024-12-19 17:49:36', '2024-12-21 19:49:36', '2024-12-27 19:49:36', NULL, N'Televendas', N'BRL', NULL, '2024-12-18 22:49:36', '2024-12-27 19:49:36', NULL),
  (5, N'PED-2025-000000005', 4, 3, 7, N'Entregue', N'Aprovado', N'Cartao de Credito', '2025-04-30 05:13:10', '2025-04-30 13:13:10', '2025-05-01 12:13:10', '2025-05-07 12:13:10', NULL, N'Marketplace', N'BRL', NULL, '2025-04-30 05:13:10', '2025-05-07 12:13:10', NULL),
  (6, N'PED-2024-000000006', 9, 3, 30, N'Devolvido', N'Estornado', N'Pix', '2024-12-27 05:26:01', '2024-12-29 00:26:01', '2024-12-29 06:26:01', '2025-01-03 06:26:01', NULL, N'App', N'BRL', N'Entregar em horário comercial.', '2024-12-27 05:26:01', '2025-01-03 06:26:01', NULL),
  (7, N'PED-2024-000000007', 8, 1, 4, N'Devolvido', N'Estornado', N'Cartao de Credito', '2024-01-06 07:13:38', '2024-01-07 16:13:38', '2024-01-10 05:13:38', '2024-01-18 05:13:38', NULL, N'Marketplace', N'BRL', NULL, '2024-01-06 07:13:38', '2024-01-18 05:13:38', NULL),
  (8, N'PED-2025-000000008', 3, 4, 9, N'Cancelado', N'Recusado', N'Pix', '2025-04-04 07:56:45', '2025-04-05 20:56:45', NULL, NULL, '2025-04-08 06:56:45', N'App', N'BRL', NULL, '2025-04-04 07:56:45', '2025-04-08 06:56:45', NULL),
  (9, N'PED-2025-000000009', 2, NULL, 3, N'Devolvido', N'Estornado', N'Cartao de Credito', '2025-08-20 18:32:16', '2025-08-21 03:32:16', '2025-08-22 13:32:16', '2025-08-24 13:32:16', NULL, N'App', N'BRL', NULL, '2025-08-20 18:32:16', '2025-08-24 13:32:16', NULL),
  (10, N'PED-2024-000000010', 6, NULL, 18, N'Entregue', N'Aprovado', N'Cartao de Credito', '2024-01-07 14:34:46', '2024-01-07 15:34:46', '2024-01-09 09:34:46', '2024-01-15 09:34:46', NULL, N'App', N'BRL', NULL, '2024-01-07 14:34:46', '2024-01-15 09:34:46', NULL),
  (11, N'PED-2024-000000011', 7, 4, 31, N'Confirmado', N'Aprovado', N'Cartao de Debito', '2024-06-15 08:01:47', '2024-06-16 01:01:47', NULL, NULL, NULL, N'App', N'BRL', NULL, '2024-06-15 08:01:47', '2024-06-16 01:01:47', NULL),
  (12, N'PED-2024-000000012', 9, NULL, 30, N'Cancelado', N'Estornado', N'Pix', '2024-07-25 10:43:35', '2024-07-27 09:43:35', NULL, NULL, '2024-07-27 04:43:35', N'Site', N'BRL', NULL, '2024-07-25 10:43:35', '2024-07-27 09:43:35', NULL),
  (13, N'PED-2024-000000013', 10, 1, 36, N'Entregue', N'Aprovado', N'Cartao de Credito', '2024-03-10 12:15:19', '2024-03-10 20:15:19', '2024-03-12 19:15:19', '2024-03-15 19:15:19', NULL, N'Site', N'BRL', NULL, '2024-03-10 12:15:19', '2024-03-15 19:15:19', NULL),
  (14, N'PED-2025-000000014', 6, NULL, 18, N'Pendente', N'Pendente', N'Pix', '2025-08-25 19:53:11', NULL, NULL, NULL, NULL, N'App', N'BRL', NULL, '2025-08-25 19:53:11', '2025-08-25 19:53:11', NULL),
  (15, N'PED-2025-000000015', 8, 3, 4, N'Entregue', N'Aprovado', N'Pix', '2025-03-20 11:49:52', '2025-03-20 22:49:52', '2025-03-23 10:49:52', '2025-03-29 10:49:52', NULL, N'App', N'BRL', NULL, '2025-03-20 11:49:52', '2025-03-29 10:49:52', NULL),
  (16, N'PED-2025-000000016', 2, NULL, 3, N'Entregue', N'Aprovado', N'Cartao de Credito', '2025-04-09 16:55:03', '2025-04-11 00:55:03', '2025-04-12 12:55:03', '2025-04-14 12:55:03', NULL, N'App', N'BRL', NULL, '2025-04-09 16:55:03', '2025-04-14 12:55:03', NULL),
  (17, N'PED-2025-000000017', 1, 4, 25, N'Entregue', N'Aprovado', N'Pix', '2025-05-15 11:23:17', '2025-05-15 16:23:17', '2025-05-17 10:23:17', '2025-05-22 10:23:17', NULL, N'App', N'BRL', NULL, '2025-05-15 11:23:17', '2025-05-22 10:23:17', NULL),
  (18, N'PED-2024-000000018', 1, 4, 25, N'Entregue', N'Aprovado', N'Cartao de Credito', '2024-10-16 06:19:51', '2024-10-16 15:19:51', '2024-10-18 22:19:51', '2024-10-22 22:19:51', NULL, N'Site', N'BRL', NULL, '2024-10-16 06:19:51', '2024-10-22 22:19:51', NULL),
  (19, N'PED-2024-000000019', 4, 4, 7, N'Entregue', N'Aprovado', N'Cartao de Credito', '2024-07-08 18:34:44', '2024-07-10 01:34:44', '2024-07-11 07:34:44', '2024-07-18 07:34:44', NULL, N'Site', N'BRL', NULL, '2024-07-08 18:34:44', '2024-07-18 07:34:44', NULL),
  (20, N'PED-2024-000000020', 4, 1, 7, N'Entregue', N'Aprovado', N'Cartao de Credito', '2024-04-07 17:50:10', '2024-04-08 10:50:10', '2024-04-08 21:50:10', '2024-04-09 21:50:10', NULL, N'Site', N'BRL', NULL, '2024-04-07 17:50:10', '2024-04-09 21:50:10', NULL),
  (21, N'PED-2024-000000021', 1, 2, 25, N'Pendente', N'Pendente', N'Boleto', '2024-03-16 22:03:12', NULL, NULL, NULL, NULL, N'App', N'BRL', NULL, '2024-03-16 22:03:12', '2024-03-16 22:03:12', NULL),
  (22, N'PED-2024-000000022', 5, 3, 19, N'Pendente', N'Pendente', N'Pix', '2024-12-22 13:49:22', NULL, NULL, NULL, NULL, N'Site', N'BRL', NULL, '2024-12-22 13:49:22', '2024-12-22 13:49:22', NULL),
  (23, N'PED-2025-000000023', 10, 1, 36, N'Enviado', N'Aprovado', N'Pix', '2025-12-07 01:08:04', '2025-12-08 16:08:04', '2025-12-11 00:08:04', NULL, NULL, N'App', N'BRL', N'Entregar em horário comercial.', '2025-12-07 01:08:04', '2025-12-11 00:08:04', NULL),
  (24, N'PED-2024-000000024', 2, 1, 3, N'Faturado', N'Aprovado', N'Pix', '2024-05-23 14:34:23', '2024-05-23 15:34:23', NULL, NULL, NULL, N'Marketplace', N'BRL', NULL, '2024-05-23 14:34:23', '2024-05-23 15:34:23', NULL),
  (25, N'PED-2025-000000025', 6, 3, 18, N'Entregue', N'Aprovado', N'Boleto', '2025-07-04 08:31:03', '2025-07-04 19:31:03', '2025-07-05 10:31:03', '2025-07-06 10:31:03', NULL, N'Site', N'BRL', NULL, '2025-07-04 08:31:03', '2025-07-06 10:31:03', NULL),
  (26, N'PED-2025-000000026', 9, NULL, 30, N'Entregue', N'Aprovado', N'Boleto', '2025-02-03 22:14:16', '2025-02-05 06:14:16', '2025-02-06 05:14:16', '2025-02-10 05:14:16', NULL, N'Site', N'BRL', NULL, '2025-02-03 22:14:16', '2025-02-10 05:14:16', NULL),
  (27, N'PED-2024-000000027', 3, 3, 9, N'Entregue', N'Aprovado', N'Cartao de Credito', '2024-05-18 15:34:03', '2024-05-18 21:34:03', '2024-05-21 08:34:03', '2024-05-28 08:34:03', NULL, N'App', N'BRL', NULL, '2024-05-18 15:34:03', '2024-05-28 08:34:03', NULL),
  (28, N'PED-2025-000000028', 3, NULL, 9, N'Enviado', N'Aprovado', N'Cartao de Credito', '2025-07-23 18:16:40', '2025-07-25 03:16:40', '2025-07-25 08:16:40', NULL, NULL, N'App', N'BRL', NULL, '2025-07-23 18:16:40', '2025-07-25 08:16:40', NULL),
  (29, N'PED-2024-000000029', 2, 2, 3, N'Entregue', N'Aprovado', N'Pix', '2024-01-04 00:04:14', '2024-01-04 18:04:14', '2024-01-04 19:04:14', '2024-01-10 19:04:14', NULL, N'Televendas', N'BRL', NULL, '2024-01-04 00:04:14', '2024-01-10 19:04:14', NULL),
  (30, N'PED-2024-000000030', 5, 1, 19, N'Entregue', N'Aprovado', N'Boleto', '2024-06-04 16:53:53', '2024-06-05 20:53:53', '2024-06-07 07:53:53', '2024-06-08 07:53:53', NULL, N'Marketplace', N'BRL', NULL, '2024-06-04 16:53:53', '2024-06-08 07:53:53', NULL),
  (31, N'PED-2025-000000031', 4, NULL, 7, N'Devolvido', N'Estornado', N'Pix', '2025-05-11 12:26:45', '2025-05-12 05:26:45', '2025-05-13 01:26:45', '2025-05-14 01:26:45', NULL, N'Site', N'BRL', NULL, '2025-05-11 12:26:45', '2025-05-14 01:26:45', NULL),
  (32, N'PED-2024-000000032', 9, 3, 30, N'Entregue', N'Aprovado', N'Cartao de Credito', '2024-06-13 17:06:31', '2024-06-14 13:06:31', '2024-06-14 14:06:31', '2024-06-17 14:06:31', NULL, N'Site', N'BRL', NULL, '2024-06-13 17:06:31', '2024-06-17 14:06:31', NULL),
  (33, N'PED-2024-000000033', 5, NULL, 19, N'Entregue', N'Aprovado', N'Cartao de Debito', '2024-09-09 21:34:39', '2024-09-10 10:34:39', '2024-09-13 01:34:39', '2024-09-19 01:34:39', NULL, N'App', N'BRL', NULL, '2024-09-09 21:34:39', '2024-09-19 01:34:39', NULL),
  (34, N'PED-2025-000000034', 8, 2, 4, N'Entregue', N'Aprovado', N'Pix', '2025-05-12 08:35:02', '2025-05-13 15:35:02', '2025-05-16 06:35:02', '2025-05-17 06:35:02', NULL, N'Televendas', N'BRL', N'Entregar em horário comercial.', '2025-05-12 08:35:02', '2025-05-17 06:35:02', NULL),
  (35, N'PED-2024-000000035', 10, NULL, 36, N'Entregue', N'Aprovado', N'Cartao de Debito', '2024-04-20 15:55:47', '2024-04-22 11:55:47', '2024-04-24 19:55:47', '2024-04-28 19:55:47', NULL, N'App', N'BRL', NULL, '2024-04-20 15:55:47', '2024-04-28 19:55:47', NULL),
  (36, N'PED-2025-000000036', 2, 2, 3, N'Pendente', N'Pendente', N'Cartao de Credito', '2025-09-17 21:57:19', NULL, NULL, NULL, NULL, N'App', N'BRL', NULL, '2025-09-17 21:57:19', '2025-09-17 21:57:19', NULL),
  (37, N'PED-2024-000000037', 3, 3, 9, N'Entregue', N'Aprovado', N'Pix', '2024-09-23 23:07:45', '2024-09-25 13:07:45', '2024-09-28 00:07:45', '2024-10-07 00:07:45', NULL, N'App', N'BRL', NULL, '2024-09-23 23:07:45', '2024-10-07 00:07:45', NULL),
  (38, N'PED-2025-000000038', 6, NULL, 18, N'Entregue', N'Aprovado', N'Boleto', '2025-04-02 18:54:09', '2025-04-03 06:54:09', '2025-04-04 14:54:09', '2025-04-14 14:54:09', NULL, N'Marketplace', N'BRL', NULL, '2025-04-02 18:54:09', '2025-04-14 14:54:09', NULL),
  (39, N'PED-2024-000000039', 10, NULL, 36, N'Cancelado', N'Recusado', N'Pix', '2024-11-11 07:34:38', '2024-11-12 23:34:38', NULL, NULL, '2024-11-14 15:34:38', N'App', N'BRL', NULL, '2024-11-11 07:34:38', '2024-11-14 15:34:38', NULL),
  (40, N'PED-2025-000000040', 1, 1, 25, N'Entregue', N'Aprovado', N'Boleto', '2025-04-23 01:52:39', '2025-04-23 16:52:39', '2025-04-26 14:52:39', '2025-04-29 14:52:39', NULL, N'Loja Fisica', N'BRL', NULL, '2025-04-23 01:52:39', '2025-04-29 14:52:39', NULL),
  (41, N'PED-2024-000000041', 8, 4, 4, N'Entregue', N'Aprovado', N'Cartao de Credito', '2024-09-09 16:04:20', '2024-09-10 18:04:20', '2024-09-11 06:04:20', '2024-09-18 06:04:20', NULL, N'Televendas', N'BRL', NULL, '2024-09-09 16:04:20', '2024-09-18 06:04:20', NULL),
  (42, N'PED-2024-000000042', 2, 2, 3, N'Entregue', N'Aprovado', N'Cartao de Debito', '2024-11-05 16:34:31', '2024-11-06 11:34:31', '2024-11-09 08:34:31', '2024-11-13 08:34:31', NULL, N'App', N'BRL', NULL, '2024-11-05 16:34:31', '2024-11-13 08:34:31', NULL),
  (43, N'PED-2025-000000043', 6, NULL, 18, N'Cancelado', N'Estornado', N'Cartao de Credito', '2025-07-04 22:33:09', '2025-07-06 04:33:09', NULL, NULL, '2025-07-07 18:33:09', N'Site', N'BRL', NULL, '2025-07-04 22:33:09', '2025-07-07 18:33:09', NULL),
  (44, N'PED-2025-000000044', 7, NULL, 31, N'Entregue', N'Aprovado', N'Pix', '2025-01-06 23:35:57', '2025-01-08 03:35:57', '2025-01-09 23:35:57', '2025-01-11 23:35:57', NULL, N'Site', N'BRL', NULL, '2025-01-06 23:35:57', '2025-01-11 23:35:57', NULL),
  (45, N'PED-2025-000000045', 4, 2, 7, N'Enviado', N'Aprovado', N'Cartao de Credito', '2025-11-27 23:50:33', '2025-11-28 12:50:33', '2025-11-29 05:50:33', NULL, NULL, N'App', N'BRL', NULL, '2025-11-27 23:50:33', '2025-11-29 05:50:33', NULL),
  (46, N'PED-2025-000000046', 7, 1, 31, N'Entregue', N'Aprovado', N'Pix', '2025-02-04 01:43:15', '2025-02-05 10:43:15', '2025-02-07 03:43:15', '2025-02-10 03:43:15', NULL, N'Site', N'BRL', NULL, '2025-02-04 01:43:15', '2025-02-10 03:43:15', NULL),
  (47, N'PED-2025-000000047', 3, 3, 9, N'Enviado', N'Aprovado', N'Boleto', '2025-08-19 06:10:51', '2025-08-20 08:10:51', '2025-08-21 06:10:51', NULL, NULL, N'App', N'BRL', NULL, '2025-08-19 06:10:51', '2025-08-21 06:10:51', NULL),
  (48, N'PED-2025-000000048', 5, 3, 19, N'Cancelado', N'Estornado', N'Boleto', '2025-07-14 12:19:50', '2025-07-15 04:19:50', NULL, NULL, '2025-07-17 11:19:50', N'Marketplace', N'BRL', NULL, '2025-07-14 12:19:50', '2025-07-17 11:19:50', NULL),
  (49, N'PED-2024-000000049', 6, 2, 18, N'Cancelado', N'Estornado', N'Cartao de Credito', '2024-05-16 11:29:53', '2024-05-17 18:29:53', NULL, NULL, '2024-05-18 00:29:53', N'Site', N'BRL', NULL, '2024-05-16 11:29:53', '2024-05-18 00:29:53', NULL),
  (50, N'PED-2024-000000050', 10, 1, 36, N'Entregue', N'Aprovado', N'Cartao de Credito', '2024-07-10 14:04:10', '2024-07-12 05:04:10', '2024-07-12 13:04:10', '2024-07-13 13:04:10', NULL, N'Loja Fisica', N'BRL', NULL, '2024-07-10 14:04:10', '2024-07-13 13:04:10', NULL);
  SET IDENTITY_INSERT core.orders OFF;
  PRINT N'Seeded 50 rows into core.orders.';
END
ELSE
  PRINT N'core.orders already has rows; seed skipped.';
GO

IF NOT EXISTS (SELECT 1 FROM core.order_items)
BEGIN
  SET IDENTITY_INSERT core.order_items ON;
  INSERT INTO core.order_items (order_item_id, order_id, product_id, quantity, unit_price, gross_amount, discount_amount, net_amount, cost_amount, return_quantity, returned_amount, commission_percent, commission_amount, had_discount, created_at, updated_at, deleted_at) VALUES
  (1, 1, 2, 3, N'117.90', N'353.70', N'0.00', N'353.70', N'170.46', 0, N'0.00', N'5.00', N'17.69', 0, '2025-11-22 21:07:42', '2025-11-23 10:07:42', NULL),
  (2, 2, 9, 1, N'187.90', N'187.90', N'0.00', N'187.90', N'98.75', 0, N'0.00', N'2.00', N'3.76', 0, '2025-11-08 05:08:21', '2025-11-10 04:08:21', NULL),
  (3, 2, 6, 1, N'2313.90', N'2313.90', N'0.00', N'2313.90', N'1636.86', 0, N'0.00', N'3.00', N'69.42', 0, '2025-11-08 05:08:21', '2025-11-10 04:08:21', NULL),
  (4, 3, 9, 1, N'187.90', N'187.90', N'28.19', N'159.71', N'98.75', 0, N'0.00', N'1.00', N'1.60', 1, '2024-01-23 21:01:32', '2024-02-01 21:01:32', NULL),
  (5, 4, 10, 1, N'8677.90', N'8677.90', N'0.00', N'8677.90', N'5535.32', 0, N'0.00', N'1.00', N'86.78', 0, '2024-12-18 22:49:36', '2024-12-27 19:49:36', NULL),
  (6, 4, 2, 1, N'117.90', N'117.90', N'0.00', N'117.90', N'56.82', 0, N'0.00', N'4.00', N'4.72', 0, '2024-12-18 22:49:36', '2024-12-27 19:49:36', NULL),
  (7, 4, 9, 1, N'187.90', N'187.90', N'0.00', N'187.90', N'98.75', 0, N'0.00', N'5.00', N'9.40', 0, '2024-12-18 22:49:36', '2024-12-27 19:49:36', NULL),
  (8, 5, 6, 1, N'2313.90', N'2313.90', N'0.00', N'2313.90', N'1636.86', 0, N'0.00', N'5.00', N'115.70', 0, '2025-04-30 05:13:10', '2025-05-07 12:13:10', NULL),
  (9, 6, 9, 2, N'187.90', N'375.80', N'0.00', N'375.80', N'197.50', 2, N'375.80', N'4.00', N'15.03', 0, '2024-12-27 05:26:01', '2025-01-03 06:26:01', NULL),
  (10, 6, 5, 1, N'9078.90', N'9078.90', N'0.00', N'9078.90', N'5964.31', 1, N'9078.90', N'4.00', N'363.16', 0, '2024-12-27 05:26:01', '2025-01-03 06:26:01', NULL),
  (11, 7, 10, 1, N'8677.90', N'8677.90', N'0.00', N'8677.90', N'5535.32', 1, N'8677.90', N'2.00', N'173.56', 0, '2024-01-06 07:13:38', '2024-01-18 05:13:38', NULL),
  (12, 7, 6, 1, N'2313.90', N'2313.90', N'0.00', N'2313.90', N'1636.86', 1, N'2313.90', N'3.00', N'69.42', 0, '2024-01-06 07:13:38', '2024-01-18 05:13:38', NULL),
  (13, 8, 6, 1, N'2313.90', N'2313.90', N'347.09', N'1966.81', N'1636.86', 0, N'0.00', N'2.00', N'39.34', 1, '2025-04-04 07:56:45', '2025-04-08 06:56:45', NULL),
  (14, 8, 3, 1, N'6378.90', N'6378.90', N'0.00', N'6378.90', N'3538.61', 0, N'0.00', N'1.00', N'63.79', 0, '2025-04-04 07:56:45', '2025-04-08 06:56:45', NULL),
  (15, 9, 6, 1, N'2313.90', N'2313.90', N'0.00', N'2313.90', N'1636.86', 1, N'2313.90', NULL, NULL, 0, '2025-08-20 18:32:16', '2025-08-24 13:32:16', NULL),
  (16, 9, 3, 1, N'6378.90', N'6378.90', N'0.00', N'6378.90', N'3538.61', 1, N'6378.90', NULL, NULL, 0, '2025-08-20 18:32:16', '2025-08-24 13:32:16', NULL),
  (17, 9, 5, 1, N'9078.90', N'9078.90', N'635.52', N'8443.38', N'5964.31', 1, N'8443.38', NULL, NULL, 1, '2025-08-20 18:32:16', '2025-08-24 13:32:16', NULL),
  (18, 10, 7, 1, N'209.90', N'209.90', N'16.79', N'193.11', N'122.04', 0, N'0.00', NULL, NULL, 1, '2024-01-07 14:34:46', '2024-01-15 09:34:46', NULL),
  (19, 10, 7, 2, N'209.90', N'419.80', N'0.00', N'419.80', N'244.08', 0, N'0.00', NULL, NULL, 0, '2024-01-07 14:34:46', '2024-01-15 09:34:46', NULL),
  (20, 10, 2, 1, N'117.90', N'117.90', N'0.00', N'117.90', N'56.82', 0, N'0.00', NULL, NULL, 0, '2024-01-07 14:34:46', '2024-01-15 09:34:46', NULL),
  (21, 11, 7, 3, N'209.90', N'629.70', N'44.08', N'585.62', N'366.12', 0, N'0.00', N'1.00', N'5.86', 1, '2024-06-15 08:01:47', '2024-06-16 01:01:47', NULL),
  (22, 12, 7, 1, N'209.90', N'209.90', N'0.00', N'209.90', N'122.04', 0, N'0.00', NULL, NULL, 0, '2024-07-25 10:43:35', '2024-07-27 09:43:35', NULL),
  (23, 12, 6, 1, N'2313.90', N'2313.90', N'0.00', N'2313.90', N'1636.86', 0, N'0.00', NULL, NULL, 0, '2024-07-25 10:43:35', '2024-07-27 09:43:35', NULL),
  (24, 12, 10, 1, N'8677.90', N'8677.90', N'0.00', N'8677.90', N'5535.32', 0, N'0.00', NULL, NULL, 0, '2024-07-25 10:43:35', '2024-07-27 09:43:35', NULL),
  (25, 13, 4, 1, N'48.90', N'48.90', N'0.00', N'48.90', N'32.36', 0, N'0.00', N'4.00', N'1.96', 0, '2024-03-10 12:15:19', '2024-03-15 19:15:19', NULL),
  (26, 14, 7, 2, N'209.90', N'419.80', N'0.00', N'419.80', N'244.08', 0, N'0.00', NULL, NULL, 0, '2025-08-25 19:53:11', '2025-08-25 19:53:11', NULL),
  (27, 14, 4, 1, N'48.90', N'48.90', N'0.00', N'48.90', N'32.36', 0, N'0.00', NULL, NULL, 0, '2025-08-25 19:53:11', '2025-08-25 19:53:11', NULL),
  (28, 15, 8, 2, N'34.90', N'69.80', N'0.00', N'69.80', N'41.10', 0, N'0.00', N'1.00', N'0.70', 0, '2025-03-20 11:49:52', '2025-03-29 10:49:52', NULL),
  (29, 16, 6, 1, N'2313.90', N'2313.90', N'0.00', N'2313.90', N'1636.86', 0, N'0.00', NULL, NULL, 0, '2025-04-09 16:55:03', '2025-04-14 12:55:03', NULL),
  (30, 17, 2, 1, N'117.90', N'117.90', N'0.00', N'117.90', N'56.82', 0, N'0.00', N'3.00', N'3.54', 0, '2025-05-15 11:23:17', '2025-05-22 10:23:17', NULL),
  (31, 18, 9, 1, N'187.90', N'187.90', N'13.15', N'174.75', N'98.75', 0, N'0.00', N'4.00', N'6.99', 1, '2024-10-16 06:19:51', '2024-10-22 22:19:51', NULL),
  (32, 18, 8, 1, N'34.90', N'34.90', N'0.00', N'34.90', N'20.55', 0, N'0.00', N'3.00', N'1.05', 0, '2024-10-16 06:19:51', '2024-10-22 22:19:51', NULL),
  (33, 19, 1, 2, N'49.90', N'99.80', N'14.97', N'84.83', N'64.52', 0, N'0.00', N'3.00', N'2.54', 1, '2024-07-08 18:34:44', '2024-07-18 07:34:44', NULL),
  (34, 19, 8, 1, N'34.90', N'34.90', N'5.24', N'29.66', N'20.55', 0, N'0.00', N'4.00', N'1.19', 1, '2024-07-08 18:34:44', '2024-07-18 07:34:44', NULL),
  (35, 20, 9, 1, N'187.90', N'187.90', N'28.19', N'159.71', N'98.75', 0, N'0.00', N'5.00', N'7.99', 1, '2024-04-07 17:50:10', '2024-04-09 21:50:10', NULL),
  (36, 21, 7, 1, N'209.90', N'209.90', N'0.00', N'209.90', N'122.04', 0, N'0.00', N'4.00', N'8.40', 0, '2024-03-16 22:03:12', '2024-03-16 22:03:12', NULL),
  (37, 21, 8, 1, N'34.90', N'34.90', N'5.24', N'29.66', N'20.55', 0, N'0.00', N'5.00', N'1.48', 1, '2024-03-16 22:03:12', '2024-03-16 22:03:12', NULL),
  (38, 21, 8, 1, N'34.90', N'34.90', N'2.44', N'32.46', N'20.55', 0, N'0.00', N'1.00', N'0.32', 1, '2024-03-16 22:03:12', '2024-03-16 22:03:12', NULL),
  (39, 21, 4, 2, N'48.90', N'97.80', N'0.00', N'97.80', N'64.72', 0, N'0.00', N'5.00', N'4.89', 0, '2024-03-16 22:03:12', '2024-03-16 22:03:12', NULL),
  (40, 22, 5, 1, N'9078.90', N'9078.90', N'1361.84', N'7717.06', N'5964.31', 0, N'0.00', N'1.00', N'77.17', 1, '2024-12-22 13:49:22', '2024-12-22 13:49:22', NULL),
  (41, 22, 5, 1, N'9078.90', N'9078.90', N'0.00', N'9078.90', N'5964.31', 0, N'0.00', N'3.00', N'272.37', 0, '2024-12-22 13:49:22', '2024-12-22 13:49:22', NULL),
  (42, 22, 4, 5, N'48.90', N'244.50', N'19.56', N'224.94', N'161.80', 0, N'0.00', N'5.00', N'11.25', 1, '2024-12-22 13:49:22', '2024-12-22 13:49:22', NULL),
  (43, 22, 4, 1, N'48.90', N'48.90', N'3.42', N'45.48', N'32.36', 0, N'0.00', N'3.00', N'1.36', 1, '2024-12-22 13:49:22', '2024-12-22 13:49:22', NULL),
  (44, 23, 5, 1, N'9078.90', N'9078.90', N'1361.84', N'7717.06', N'5964.31', 0, N'0.00', N'3.00', N'231.51', 1, '2025-12-07 01:08:04', '2025-12-11 00:08:04', NULL),
  (45, 23, 10, 3, N'8677.90', N'26033.70', N'0.00', N'26033.70', N'16605.96', 0, N'0.00', N'4.00', N'1041.35', 0, '2025-12-07 01:08:04', '2025-12-11 00:08:04', NULL),
  (46, 24, 2, 2, N'117.90', N'235.80', N'0.00', N'235.80', N'113.64', 0, N'0.00', N'5.00', N'11.79', 0, '2024-05-23 14:34:23', '2024-05-23 15:34:23', NULL),
  (47, 24, 10, 1, N'8677.90', N'8677.90', N'0.00', N'8677.90', N'5535.32', 0, N'0.00', N'3.00', N'260.34', 0, '2024-05-23 14:34:23', '2024-05-23 15:34:23', NULL),
  (48, 24, 2, 1, N'117.90', N'117.90', N'0.00', N'117.90', N'56.82', 1, N'117.90', N'5.00', N'5.90', 0, '2024-05-23 14:34:23', '2024-05-23 15:34:23', NULL),
  (49, 25, 6, 1, N'2313.90', N'2313.90', N'0.00', N'2313.90', N'1636.86', 0, N'0.00', N'5.00', N'115.70', 0, '2025-07-04 08:31:03', '2025-07-06 10:31:03', NULL),
  (50, 26, 8, 1, N'34.90', N'34.90', N'5.24', N'29.66', N'20.55', 0, N'0.00', NULL, NULL, 1, '2025-02-03 22:14:16', '2025-02-10 05:14:16', NULL),
  (51, 27, 2, 1, N'117.90', N'117.90', N'0.00', N'117.90', N'56.82', 0, N'0.00', N'3.00', N'3.54', 0, '2024-05-18 15:34:03', '2024-05-28 08:34:03', NULL),
  (52, 28, 1, 1, N'49.90', N'49.90', N'0.00', N'49.90', N'32.26', 0, N'0.00', NULL, NULL, 0, '2025-07-23 18:16:40', '2025-07-25 08:16:40', NULL),
  (53, 29, 8, 3, N'34.90', N'104.70', N'0.00', N'104.70', N'61.65', 0, N'0.00', N'2.00', N'2.09', 0, '2024-01-04 00:04:14', '2024-01-10 19:04:14', NULL),
  (54, 29, 7, 1, N'209.90', N'209.90', N'14.69', N'195.21', N'122.04', 0, N'0.00', N'2.00', N'3.90', 1, '2024-01-04 00:04:14', '2024-01-10 19:04:14', NULL),
  (55, 29, 5, 1, N'9078.90', N'9078.90', N'0.00', N'9078.90', N'5964.31', 0, N'0.00', N'5.00', N'453.95', 0, '2024-01-04 00:04:14', '2024-01-10 19:04:14', NULL),
  (56, 29, 2, 3, N'117.90', N'353.70', N'0.00', N'353.70', N'170.46', 0, N'0.00', N'4.00', N'14.15', 0, '2024-01-04 00:04:14', '2024-01-10 19:04:14', NULL),
  (57, 30, 5, 1, N'9078.90', N'9078.90', N'0.00', N'9078.90', N'5964.31', 0, N'0.00', N'4.00', N'363.16', 0, '2024-06-04 16:53:53', '2024-06-08 07:53:53', NULL),
  (58, 30, 6, 1, N'2313.90', N'2313.90', N'0.00', N'2313.90', N'1636.86', 0, N'0.00', N'2.00', N'46.28', 0, '2024-06-04 16:53:53', '2024-06-08 07:53:53', NULL),
  (59, 30, 9, 1, N'187.90', N'187.90', N'0.00', N'187.90', N'98.75', 0, N'0.00', N'3.00', N'5.64', 0, '2024-06-04 16:53:53', '2024-06-08 07:53:53', NULL),
  (60, 30, 9, 1, N'187.90', N'187.90', N'0.00', N'187.90', N'98.75', 0, N'0.00', N'3.00', N'5.64', 0, '2024-06-04 16:53:53', '2024-06-08 07:53:53', NULL),
  (61, 31, 7, 1, N'209.90', N'209.90', N'14.69', N'195.21', N'122.04', 1, N'195.21', NULL, NULL, 1, '2025-05-11 12:26:45', '2025-05-14 01:26:45', NULL),
  (62, 31, 6, 1, N'2313.90', N'2313.90', N'347.09', N'1966.81', N'1636.86', 1, N'1966.81', NULL, NULL, 1, '2025-05-11 12:26:45', '2025-05-14 01:26:45', NULL),
  (63, 32, 2, 1, N'117.90', N'117.90', N'17.69', N'100.21', N'56.82', 0, N'0.00', N'5.00', N'5.01', 1, '2024-06-13 17:06:31', '2024-06-17 14:06:31', NULL),
  (64, 32, 5, 1, N'9078.90', N'9078.90', N'1361.84', N'7717.06', N'5964.31', 0, N'0.00', N'1.00', N'77.17', 1, '2024-06-13 17:06:31', '2024-06-17 14:06:31', NULL),
  (65, 33, 2, 1, N'117.90', N'117.90', N'17.69', N'100.21', N'56.82', 0, N'0.00', NULL, NULL, 1, '2024-09-09 21:34:39', '2024-09-19 01:34:39', NULL),
  (66, 33, 7, 1, N'209.90', N'209.90', N'0.00', N'209.90', N'122.04', 0, N'0.00', NULL, NULL, 0, '2024-09-09 21:34:39', '2024-09-19 01:34:39', NULL),
  (67, 34, 10, 1, N'8677.90', N'8677.90', N'694.23', N'7983.67', N'5535.32', 0, N'0.00', N'1.00', N'79.84', 1, '2025-05-12 08:35:02', '2025-05-17 06:35:02', NULL),
  (68, 35, 9, 1, N'187.90', N'187.90', N'15.03', N'172.87', N'98.75', 0, N'0.00', NULL, NULL, 1, '2024-04-20 15:55:47', '2024-04-28 19:55:47', NULL),
  (69, 36, 6, 1, N'2313.90', N'2313.90', N'0.00', N'2313.90', N'1636.86', 0, N'0.00', N'2.00', N'46.28', 0, '2025-09-17 21:57:19', '2025-09-17 21:57:19', NULL),
  (70, 36, 2, 2, N'117.90', N'235.80', N'0.00', N'235.80', N'113.64', 0, N'0.00', N'3.00', N'7.07', 0, '2025-09-17 21:57:19', '2025-09-17 21:57:19', NULL),
  (71, 36, 6, 2, N'2313.90', N'4627.80', N'0.00', N'4627.80', N'3273.72', 0, N'0.00', N'2.00', N'92.56', 0, '2025-09-17 21:57:19', '2025-09-17 21:57:19', NULL),
  (72, 36, 10, 3, N'8677.90', N'26033.70', N'0.00', N'26033.70', N'16605.96', 0, N'0.00', N'3.00', N'781.01', 0, '2025-09-17 21:57:19', '2025-09-17 21:57:19', NULL),
  (73, 37, 6, 2, N'2313.90', N'4627.80', N'694.17', N'3933.63', N'3273.72', 0, N'0.00', N'5.00', N'196.68', 1, '2024-09-23 23:07:45', '2024-10-07 00:07:45', NULL),
  (74, 37, 7, 1, N'209.90', N'209.90', N'0.00', N'209.90', N'122.04', 0, N'0.00', N'5.00', N'10.50', 0, '2024-09-23 23:07:45', '2024-10-07 00:07:45', NULL),
  (75, 37, 6, 1, N'2313.90', N'2313.90', N'0.00', N'2313.90', N'1636.86', 0, N'0.00', N'1.00', N'23.14', 0, '2024-09-23 23:07:45', '2024-10-07 00:07:45', NULL),
  (76, 37, 3, 1, N'6378.90', N'6378.90', N'0.00', N'6378.90', N'3538.61', 0, N'0.00', N'2.00', N'127.58', 0, '2024-09-23 23:07:45', '2024-10-07 00:07:45', NULL),
  (77, 38, 9, 1, N'187.90', N'187.90', N'0.00', N'187.90', N'98.75', 0, N'0.00', NULL, NULL, 0, '2025-04-02 18:54:09', '2025-04-14 14:54:09', NULL),
  (78, 39, 5, 2, N'9078.90', N'18157.80', N'1271.05', N'16886.75', N'11928.62', 0, N'0.00', NULL, NULL, 1, '2024-11-11 07:34:38', '2024-11-14 15:34:38', NULL),
  (79, 39, 5, 1, N'9078.90', N'9078.90', N'0.00', N'9078.90', N'5964.31', 0, N'0.00', NULL, NULL, 0, '2024-11-11 07:34:38', '2024-11-14 15:34:38', NULL),
  (80, 39, 8, 1, N'34.90', N'34.90', N'0.00', N'34.90', N'20.55', 0, N'0.00', NULL, NULL, 0, '2024-11-11 07:34:38', '2024-11-14 15:34:38', NULL),
  (81, 40, 1, 2, N'49.90', N'99.80', N'0.00', N'99.80', N'64.52', 0, N'0.00', N'3.00', N'2.99', 0, '2025-04-23 01:52:39', '2025-04-29 14:52:39', NULL),
  (82, 41, 9, 1, N'187.90', N'187.90', N'0.00', N'187.90', N'98.75', 0, N'0.00', N'5.00', N'9.40', 0, '2024-09-09 16:04:20', '2024-09-18 06:04:20', NULL),
  (83, 42, 6, 2, N'2313.90', N'4627.80', N'0.00', N'4627.80', N'3273.72', 0, N'0.00', N'5.00', N'231.39', 0, '2024-11-05 16:34:31', '2024-11-13 08:34:31', NULL),
  (84, 42, 6, 1, N'2313.90', N'2313.90', N'0.00', N'2313.90', N'1636.86', 0, N'0.00', N'5.00', N'115.70', 0, '2024-11-05 16:34:31', '2024-11-13 08:34:31', NULL),
  (85, 43, 2, 1, N'117.90', N'117.90', N'0.00', N'117.90', N'56.82', 0, N'0.00', NULL, NULL, 0, '2025-07-04 22:33:09', '2025-07-07 18:33:09', NULL),
  (86, 43, 2, 1, N'117.90', N'117.90', N'8.25', N'109.65', N'56.82', 0, N'0.00', NULL, NULL, 1, '2025-07-04 22:33:09', '2025-07-07 18:33:09', NULL),
  (87, 43, 1, 1, N'49.90', N'49.90', N'0.00', N'49.90', N'32.26', 0, N'0.00', NULL, NULL, 0, '2025-07-04 22:33:09', '2025-07-07 18:33:09', NULL),
  (88, 44, 6, 5, N'2313.90', N'11569.50', N'1735.43', N'9834.07', N'8184.30', 0, N'0.00', NULL, NULL, 1, '2025-01-06 23:35:57', '2025-01-11 23:35:57', NULL),
  (89, 45, 2, 2, N'117.90', N'235.80', N'0.00', N'235.80', N'113.64', 0, N'0.00', N'2.00', N'4.72', 0, '2025-11-27 23:50:33', '2025-11-29 05:50:33', NULL),
  (90, 45, 5, 2, N'9078.90', N'18157.80', N'0.00', N'18157.80', N'11928.62', 0, N'0.00', N'1.00', N'181.58', 0, '2025-11-27 23:50:33', '2025-11-29 05:50:33', NULL),
  (91, 46, 3, 1, N'6378.90', N'6378.90', N'0.00', N'6378.90', N'3538.61', 0, N'0.00', N'2.00', N'127.58', 0, '2025-02-04 01:43:15', '2025-02-10 03:43:15', NULL),
  (92, 47, 7, 1, N'209.90', N'209.90', N'0.00', N'209.90', N'122.04', 0, N'0.00', N'2.00', N'4.20', 0, '2025-08-19 06:10:51', '2025-08-21 06:10:51', NULL),
  (93, 47, 8, 1, N'34.90', N'34.90', N'0.00', N'34.90', N'20.55', 0, N'0.00', N'2.00', N'0.70', 0, '2025-08-19 06:10:51', '2025-08-21 06:10:51', NULL),
  (94, 47, 5, 1, N'9078.90', N'9078.90', N'1361.84', N'7717.06', N'5964.31', 0, N'0.00', N'4.00', N'308.68', 1, '2025-08-19 06:10:51', '2025-08-21 06:10:51', NULL),
  (95, 47, 5, 2, N'9078.90', N'18157.80', N'0.00', N'18157.80', N'11928.62', 0, N'0.00', N'3.00', N'544.73', 0, '2025-08-19 06:10:51', '2025-08-21 06:10:51', NULL),
  (96, 48, 2, 1, N'117.90', N'117.90', N'0.00', N'117.90', N'56.82', 0, N'0.00', N'5.00', N'5.90', 0, '2025-07-14 12:19:50', '2025-07-17 11:19:50', NULL),
  (97, 48, 10, 3, N'8677.90', N'26033.70', N'0.00', N'26033.70', N'16605.96', 0, N'0.00', N'1.00', N'260.34', 0, '2025-07-14 12:19:50', '2025-07-17 11:19:50', NULL),
  (98, 48, 1, 1, N'49.90', N'49.90', N'0.00', N'49.90', N'32.26', 0, N'0.00', N'4.00', N'2.00', 0, '2025-07-14 12:19:50', '2025-07-17 11:19:50', NULL),
  (99, 49, 5, 1, N'9078.90', N'9078.90', N'0.00', N'9078.90', N'5964.31', 0, N'0.00', N'2.00', N'181.58', 0, '2024-05-16 11:29:53', '2024-05-18 00:29:53', NULL),
  (100, 49, 6, 1, N'2313.90', N'2313.90', N'161.97', N'2151.93', N'1636.86', 0, N'0.00', N'4.00', N'86.08', 1, '2024-05-16 11:29:53', '2024-05-18 00:29:53', NULL),
  (101, 50, 4, 1, N'48.90', N'48.90', N'3.42', N'45.48', N'32.36', 0, N'0.00', N'1.00', N'0.45', 1, '2024-07-10 14:04:10', '2024-07-13 13:04:10', NULL),
  (102, 50, 9, 1, N'187.90', N'187.90', N'0.00', N'187.90', N'98.75', 0, N'0.00', N'4.00', N'7.52', 0, '2024-07-10 14:04:10', '2024-07-13 13:04:10', NULL),
  (103, 50, 4, 1, N'48.90', N'48.90', N'0.00', N'48.90', N'32.36', 0, N'0.00', N'2.00', N'0.98', 0, '2024-07-10 14:04:10', '2024-07-13 13:04:10', NULL),
  (104, 50, 6, 3, N'2313.90', N'6941.70', N'555.34', N'6386.36', N'4910.58', 0, N'0.00', N'5.00', N'319.32', 1, '2024-07-10 14:04:10', '2024-07-13 13:04:10', NULL);
  SET IDENTITY_INSERT core.order_items OFF;
  PRINT N'Seeded 104 rows into core.order_items.';
END
ELSE
  PRINT N'core.order_items already has rows; seed skipped.';
GO

IF NOT EXISTS (SELECT 1 FROM core.order_item_discounts)
BEGIN
  SET IDENTITY_INSERT core.order_item_discounts ON;
  INSERT INTO core.order_item_discounts (order_item_discount_id, order_item_id, discount_id, application_level, discount_amount, base_amount, final_amount, applied_at, approved, rejection_reason, created_at, updated_at, deleted_at) VALUES
  (1, 4, 2, N'Item', N'28.19', N'187.90', N'159.71', '2024-01-23 21:01:32', 1, NULL, '2024-01-23 21:01:32', '2024-01-23 21:01:32', NULL),
  (2, 13, 2, N'Item', N'347.09', N'2313.90', N'1966.81', '2025-04-04 07:56:45', 1, NULL, '2025-04-04 07:56:45', '2025-04-04 07:56:45', NULL),
  (3, 17, 3, N'Item', N'635.52', N'9078.90', N'8443.38', '2025-08-20 18:32:16', 1, NULL, '2025-08-20 18:32:16', '2025-08-20 18:32:16', NULL),
  (4, 18, 1, N'Item', N'16.79', N'209.90', N'193.11', '2024-01-07 14:34:46', 1, NULL, '2024-01-07 14:34:46', '2024-01-07 14:34:46', NULL),
  (5, 21, 3, N'Item', N'44.08', N'629.70', N'585.62', '2024-06-15 08:01:47', 1, NULL, '2024-06-15 08:01:47', '2024-06-15 08:01:47', NULL),
  (6, 31, 3, N'Item', N'13.15', N'187.90', N'174.75', '2024-10-16 06:19:51', 1, NULL, '2024-10-16 06:19:51', '2024-10-16 06:19:51', NULL),
  (7, 33, 2, N'Item', N'14.97', N'99.80', N'84.83', '2024-07-08 18:34:44', 1, NULL, '2024-07-08 18:34:44', '2024-07-08 18:34:44', NULL),
  (8, 34, 2, N'Item', N'5.24', N'34.90', N'29.66', '2024-07-08 18:34:44', 1, NULL, '2024-07-08 18:34:44', '2024-07-08 18:34:44', NULL),
  (9, 35, 2, N'Item', N'28.19', N'187.90', N'159.71', '2024-04-07 17:50:10', 1, NULL, '2024-04-07 17:50:10', '2024-04-07 17:50:10', NULL),
  (10, 37, 2, N'Item', N'5.24', N'34.90', N'29.66', '2024-03-16 22:03:12', 1, NULL, '2024-03-16 22:03:12', '2024-03-16 22:03:12', NULL),
  (11, 38, 3, N'Item', N'2.44', N'34.90', N'32.46', '2024-03-16 22:03:12', 1, NULL, '2024-03-16 22:03:12', '2024-03-16 22:03:12', NULL),
  (12, 40, 2, N'Item', N'1361.84', N'9078.90', N'7717.06', '2024-12-22 13:49:22', 1, NULL, '2024-12-22 13:49:22', '2024-12-22 13:49:22', NULL),
  (13, 42, 1, N'Item', N'19.56', N'244.50', N'224.94', '2024-12-22 13:49:22', 1, NULL, '2024-12-22 13:49:22', '2024-12-22 13:49:22', NULL),
  (14, 43, 3, N'Item', N'3.42', N'48.90', N'45.48', '2024-12-22 13:49:22', 1, NULL, '2024-12-22 13:49:22', '2024-12-22 13:49:22', NULL),
  (15, 44, 2, N'Item', N'1361.84', N'9078.90', N'7717.06', '2025-12-07 01:08:04', 1, NULL, '2025-12-07 01:08:04', '2025-12-07 01:08:04', NULL),
  (16, 50, 2, N'Item', N'5.24', N'34.90', N'29.66', '2025-02-03 22:14:16', 1, NULL, '2025-02-03 22:14:16', '2025-02-03 22:14:16', NULL),
  (17, 54, 3, N'Item', N'14.69', N'209.90', N'195.21', '2024-01-04 00:04:14', 1, NULL, '2024-01-04 00:04:14', '2024-01-04 00:04:14', NULL),
  (18, 61, 3, N'Item', N'14.69', N'209.90', N'195.21', '2025-05-11 12:26:45', 1, NULL, '2025-05-11 12:26:45', '2025-05-11 12:26:45', NULL),
  (19, 62, 2, N'Item', N'347.09', N'2313.90', N'1966.81', '2025-05-11 12:26:45', 1, NULL, '2025-05-11 12:26:45', '2025-05-11 12:26:45', NULL),
  (20, 63, 2, N'Item', N'17.69', N'117.90', N'100.21', '2024-06-13 17:06:31', 1, NULL, '2024-06-13 17:06:31', '2024-06-13 17:06:31', NULL),
  (21, 64, 2, N'Item', N'1361.84', N'9078.90', N'7717.06', '2024-06-13 17:06:31', 1, NULL, '2024-06-13 17:06:31', '2024-06-13 17:06:31', NULL),
  (22, 65, 2, N'Item', N'17.69', N'117.90', N'100.21', '2024-09-09 21:34:39', 1, NULL, '2024-09-09 21:34:39', '2024-09-09 21:34:39', NULL),
  (23, 67, 1, N'Item', N'694.23', N'8677.90', N'7983.67', '2025-05-12 08:35:02', 1, NULL, '2025-05-12 08:35:02', '2025-05-12 08:35:02', NULL),
  (24, 68, 1, N'Item', N'15.03', N'187.90', N'172.87', '2024-04-20 15:55:47', 1, NULL, '2024-04-20 15:55:47', '2024-04-20 15:55:47', NULL),
  (25, 73, 2, N'Item', N'694.17', N'4627.80', N'3933.63', '2024-09-23 23:07:45', 1, NULL, '2024-09-23 23:07:45', '2024-09-23 23:07:45', NULL),
  (26, 78, 3, N'Item', N'1271.05', N'18157.80', N'16886.75', '2024-11-11 07:34:38', 1, NULL, '2024-11-11 07:34:38', '2024-11-11 07:34:38', NULL),
  (27, 86, 3, N'Item', N'8.25', N'117.90', N'109.65', '2025-07-04 22:33:09', 1, NULL, '2025-07-04 22:33:09', '2025-07-04 22:33:09', NULL),
  (28, 88, 2, N'Item', N'1735.43', N'11569.50', N'9834.07', '2025-01-06 23:35:57', 1, NULL, '2025-01-06 23:35:57', '2025-01-06 23:35:57', NULL),
  (29, 94, 2, N'Item', N'1361.84', N'9078.90', N'7717.06', '2025-08-19 06:10:51', 1, NULL, '2025-08-19 06:10:51', '2025-08-19 06:10:51', NULL),
  (30, 100, 3, N'Item', N'161.97', N'2313.90', N'2151.93', '2024-05-16 11:29:53', 1, NULL, '2024-05-16 11:29:53', '2024-05-16 11:29:53', NULL),
  (31, 101, 3, N'Item', N'3.42', N'48.90', N'45.48', '2024-07-10 14:04:10', 1, NULL, '2024-07-10 14:04:10', '2024-07-10 14:04:10', NULL),
  (32, 104, 1, N'Item', N'555.34', N'6941.70', N'6386.36', '2024-07-10 14:04:10', 1, NULL, '2024-07-10 14:04:10', '2024-07-10 14:04:10', NULL);
  SET IDENTITY_INSERT core.order_item_discounts OFF;
  PRINT N'Seeded 32 rows into core.order_item_discounts.';
END
ELSE
  PRINT N'core.order_item_discounts already has rows; seed skipped.';
GO

IF NOT EXISTS (SELECT 1 FROM core.seller_targets_monthly)
BEGIN
  SET IDENTITY_INSERT core.seller_targets_monthly ON;
  INSERT INTO core.seller_targets_monthly (seller_target_id, seller_id, target_month, period_type, target_amount, target_quantity, realized_amount, realized_quantity, period_closed, created_at, updated_at, deleted_at) VALUES
  (1, 1, '2024-01-01', N'Mensal', N'25000.00', 296, N'28394.87', 336, 1, '2024-01-01 00:00:00', '2024-02-02 00:00:00', NULL),
  (2, 1, '2024-02-01', N'Mensal', N'121000.00', 92, N'70226.32', 53, 1, '2024-02-01 00:00:00', '2024-03-02 00:00:00', NULL),
  (3, 1, '2024-03-01', N'Mensal', N'58000.00', 156, N'47205.91', 127, 1, '2024-03-01 00:00:00', '2024-04-02 00:00:00', NULL),
  (4, 1, '2024-04-01', N'Mensal', N'71000.00', 170, N'46849.24', 112, 1, '2024-04-01 00:00:00', '2024-05-02 00:00:00', NULL),
  (5, 1, '2024-05-01', N'Mensal', N'199000.00', 77, N'108807.48', 42, 1, '2024-05-01 00:00:00', '2024-06-02 00:00:00', NULL),
  (6, 1, '2024-06-01', N'Mensal', N'200000.00', 26, N'213725.70', 28, 1, '2024-06-01 00:00:00', '2024-07-02 00:00:00', NULL),
  (7, 1, '2024-07-01', N'Mensal', N'198000.00', 38, N'125636.76', 24, 1, '2024-07-01 00:00:00', '2024-08-02 00:00:00', NULL),
  (8, 1, '2024-08-01', N'Mensal', N'196000.00', 69, N'211865.58', 75, 1, '2024-08-01 00:00:00', '2024-09-02 00:00:00', NULL),
  (9, 1, '2024-09-01', N'Mensal', N'110000.00', 270, N'106812.10', 262, 1, '2024-09-01 00:00:00', '2024-10-02 00:00:00', NULL),
  (10, 1, '2024-10-01', N'Mensal', N'134000.00', 53, N'71492.58', 28, 1, '2024-10-01 00:00:00', '2024-11-02 00:00:00', NULL),
  (11, 1, '2024-11-01', N'Mensal', N'73000.00', 134, N'55915.79', 103, 1, '2024-11-01 00:00:00', '2024-12-02 00:00:00', NULL),
  (12, 1, '2024-12-01', N'Mensal', N'57000.00', 237, N'56031.17', 233, 1, '2024-12-01 00:00:00', '2025-01-02 00:00:00', NULL),
  (13, 1, '2025-01-01', N'Mensal', N'77000.00', 269, N'39910.89', 139, 1, '2025-01-01 00:00:00', '2025-02-02 00:00:00', NULL),
  (14, 1, '2025-02-01', N'Mensal', N'66000.00', 160, N'34834.71', 84, 1, '2025-02-01 00:00:00', '2025-03-02 00:00:00', NULL),
  (15, 1, '2025-03-01', N'Mensal', N'141000.00', 209, N'166611.86', 247, 1, '2025-03-01 00:00:00', '2025-04-02 00:00:00', NULL),
  (16, 1, '2025-04-01', N'Mensal', N'148000.00', 231, N'115317.32', 180, 1, '2025-04-01 00:00:00', '2025-05-02 00:00:00', NULL),
  (17, 1, '2025-05-01', N'Mensal', N'102000.00', 226, N'74965.58', 166, 1, '2025-05-01 00:00:00', '2025-06-02 00:00:00', NULL),
  (18, 1, '2025-06-01', N'Mensal', N'182000.00', 25, N'233156.71', 32, 1, '2025-06-01 00:00:00', '2025-07-02 00:00:00', NULL),
  (19, 1, '2025-07-01', N'Mensal', N'159000.00', 189, N'129841.16', 154, 1, '2025-07-01 00:00:00', '2025-08-02 00:00:00', NULL),
  (20, 1, '2025-08-01', N'Mensal', N'87000.00', 93, N'68387.40', 73, 1, '2025-08-01 00:00:00', '2025-09-02 00:00:00', NULL),
  (21, 1, '2025-09-01', N'Mensal', N'143000.00', 227, N'105589.53', 168, 1, '2025-09-01 00:00:00', '2025-10-02 00:00:00', NULL),
  (22, 1, '2025-10-01', N'Mensal', N'114000.00', 225, N'126496.98', 250, 1, '2025-10-01 00:00:00', '2025-11-02 00:00:00', NULL),
  (23, 1, '2025-11-01', N'Mensal', N'80000.00', 59, N'56258.07', 41, 1, '2025-11-01 00:00:00', '2025-12-02 00:00:00', NULL),
  (24, 1, '2025-12-01', N'Mensal', N'51000.00', 204, N'60518.09', 242, 0, '2025-12-01 00:00:00', '2025-12-01 00:00:00', NULL),
  (25, 2, '2024-01-01', N'Mensal', N'192000.00', 162, N'125565.88', 106, 1, '2024-01-01 00:00:00', '2024-02-02 00:00:00', NULL),
  (26, 2, '2024-02-01', N'Mensal', N'51000.00', 176, N'57017.64', 197, 1, '2024-02-01 00:00:00', '2024-03-02 00:00:00', NULL),
  (27, 2, '2024-03-01', N'Mensal', N'198000.00', 46, N'130687.79', 30, 1, '2024-03-01 00:00:00', '2024-04-02 00:00:00', NULL),
  (28, 2, '2024-04-01', N'Mensal', N'166000.00', 30, N'133113.31', 24, 1, '2024-04-01 00:00:00', '2024-05-02 00:00:00', NULL),
  (29, 2, '2024-05-01', N'Mensal', N'151000.00', 221, N'98393.56', 144, 1, '2024-05-01 00:00:00', '2024-06-02 00:00:00', NULL),
  (30, 2, '2024-06-01', N'Mensal', N'179000.00', 293, N'106640.24', 175, 1, '2024-06-01 00:00:00', '2024-07-02 00:00:00', NULL),
  (31, 2, '2024-07-01', N'Mensal', N'98000.00', 130, N'107579.35', 143, 1, '2024-07-01 00:00:00', '2024-08-02 00:00:00', NULL),
  (32, 2, '2024-08-01', N'Mensal', N'192000.00', 103, N'132631.33', 71, 1, '2024-08-01 00:00:00', '2024-09-02 00:00:00', NULL),
  (33, 2, '2024-09-01', N'Mensal', N'191000.00', 226, N'199341.48', 236, 1, '2024-09-01 00:00:00', '2024-10-02 00:00:00', NULL),
  (34, 2, '2024-10-01', N'Mensal', N'89000.00', 242, N'57439.61', 156, 1, '2024-10-01 00:00:00', '2024-11-02 00:00:00', NULL),
  (35, 2, '2024-11-01', N'Mensal', N'35000.00', 97, N'28666.05', 79, 1, '2024-11-01 00:00:00', '2024-12-02 00:00:00', NULL),
  (36, 2, '2024-12-01', N'Mensal', N'118000.00', 89, N'75538.36', 57, 1, '2024-12-01 00:00:00', '2025-01-02 00:00:00', NULL),
  (37, 2, '2025-01-01', N'Mensal', N'115000.00', 298, N'143614.93', 372, 1, '2025-01-01 00:00:00', '2025-02-02 00:00:00', NULL),
  (38, 2, '2025-02-01', N'Mensal', N'151000.00', 284, N'111036.37', 209, 1, '2025-02-01 00:00:00', '2025-03-02 00:00:00', NULL),
  (39, 2, '2025-03-01', N'Mensal', N'57000.00', 297, N'44238.91', 231, 1, '2025-03-01 00:00:00', '2025-04-02 00:00:00', NULL),
  (40, 2, '2025-04-01', N'Mensal', N'100000.00', 224, N'56026.66', 125, 1, '2025-04-01 00:00:00', '2025-05-02 00:00:00', NULL),
  (41, 2, '2025-05-01', N'Mensal', N'186000.00', 288, N'130036.54', 201, 1, '2025-05-01 00:00:00', '2025-06-02 00:00:00', NULL),
  (42, 2, '2025-06-01', N'Mensal', N'186000.00', 32, N'186195.73', 32, 1, '2025-06-01 00:00:00', '2025-07-02 00:00:00', NULL),
  (43, 2, '2025-07-01', N'Mensal', N'23000.00', 178, N'26548.17', 205, 1, '2025-07-01 00:00:00', '2025-08-02 00:00:00', NULL),
  (44, 2, '2025-08-01', N'Mensal', N'40000.00', 217, N'47595.84', 258, 1, '2025-08-01 00:00:00', '2025-09-02 00:00:00', NULL),
  (45, 2, '2025-09-01', N'Mensal', N'82000.00', 37, N'98131.97', 44, 1, '2025-09-01 00:00:00', '2025-10-02 00:00:00', NULL),
  (46, 2, '2025-10-01', N'Mensal', N'90000.00', 184, N'47264.08', 97, 1, '2025-10-01 00:00:00', '2025-11-02 00:00:00', NULL),
  (47, 2, '2025-11-01', N'Mensal', N'165000.00', 170, N'175300.26', 181, 1, '2025-11-01 00:00:00', '2025-12-02 00:00:00', NULL),
  (48, 2, '2025-12-01', N'Mensal', N'132000.00', 212, N'97920.05', 157, 0, '2025-12-01 00:00:00', '2025-12-01 00:00:00', NULL),
  (49, 3, '2024-01-01', N'Mensal', N'131000.00', 55, N'84434.76', 35, 1, '2024-01-01 00:00:00', '2024-02-02 00:00:00', NULL),
  (50, 3, '2024-02-01', N'Mensal', N'167000.00', 74, N'210494.80', 93, 1, '2024-02-01 00:00:00', '2024-03-02 00:00:00', NULL),
  (51, 3, '2024-03-01', N'Mensal', N'158000.00', 240, N'162290.51', 247, 1, '2024-03-01 00:00:00', '2024-04-02 00:00:00', NULL),
  (52, 3, '2024-04-01', N'Mensal', N'74000.00', 56, N'63284.59', 48, 1, '2024-04-01 00:00:00', '2024-05-02 00:00:00', NULL),
  (53, 3, '2024-05-01', N'Mensal', N'120000.00', 136, N'100981.59', 114, 1, '2024-05-01 00:00:00', '2024-06-02 00:00:00', NULL),
  (54, 3, '2024-06-01', N'Mensal', N'58000.00', 137, N'64639.80', 153, 1, '2024-06-01 00:00:00', '2024-07-02 00:00:00', NULL),
  (55, 3, '2024-07-01', N'Mensal', N'37000.00', 158, N'27808.31', 119, 1, '2024-07-01 00:00:00', '2024-08-02 00:00:00', NULL),
  (56, 3, '2024-08-01', N'Mensal', N'158000.00', 141, N'84241.07', 75, 1, '2024-08-01 00:00:00', '2024-09-02 00:00:00', NULL),
  (57, 3, '2024-09-01', N'Mensal', N'177000.00', 166, N'123429.92', 116, 1, '2024-09-01 00:00:00', '2024-10-02 00:00:00', NULL),
  (58, 3, '2024-10-01', N'Mensal', N'52000.00', 275, N'43882.25', 232, 1, '2024-10-01 00:00:00', '2024-11-02 00:00:00', NULL),
  (59, 3, '2024-11-01', N'Mensal', N'46000.00', 200, N'30528.76', 133, 1, '2024-11-01 00:00:00', '2024-12-02 00:00:00', NULL),
  (60, 3, '2024-12-01', N'Mensal', N'99000.00', 118, N'65029.02', 78, 1, '2024-12-01 00:00:00', '2025-01-02 00:00:00', NULL),
  (61, 3, '2025-01-01', N'Mensal', N'149000.00', 239, N'125498.89', 201, 1, '2025-01-01 00:00:00', '2025-02-02 00:00:00', NULL),
  (62, 3, '2025-02-01', N'Mensal', N'89000.00', 127, N'70761.55', 101, 1, '2025-02-01 00:00:00', '2025-03-02 00:00:00', NULL),
  (63, 3, '2025-03-01', N'Mensal', N'29000.00', 88, N'22722.03', 69, 1, '2025-03-01 00:00:00', '2025-04-02 00:00:00', NULL),
  (64, 3, '2025-04-01', N'Mensal', N'117000.00', 74, N'76941.59', 49, 1, '2025-04-01 00:00:00', '2025-05-02 00:00:00', NULL),
  (65, 3, '2025-05-01', N'Mensal', N'125000.00', 138, N'113205.41', 125, 1, '2025-05-01 00:00:00', '2025-06-02 00:00:00', NULL),
  (66, 3, '2025-06-01', N'Mensal', N'78000.00', 131, N'51107.90', 86, 1, '2025-06-01 00:00:00', '2025-07-02 00:00:00', NULL),
  (67, 3, '2025-07-01', N'Mensal', N'39000.00', 85, N'47558.14', 104, 1, '2025-07-01 00:00:00', '2025-08-02 00:00:00', NULL),
  (68, 3, '2025-08-01', N'Mensal', N'70000.00', 218, N'75089.37', 234, 1, '2025-08-01 00:00:00', '2025-09-02 00:00:00', NULL),
  (69, 3, '2025-09-01', N'Mensal', N'182000.00', 270, N'153770.63', 228, 1, '2025-09-01 00:00:00', '2025-10-02 00:00:00', NULL),
  (70, 3, '2025-10-01', N'Mensal', N'113000.00', 180, N'87550.36', 139, 1, '2025-10-01 00:00:00', '2025-11-02 00:00:00', NULL),
  (71, 3, '2025-11-01', N'Mensal', N'77000.00', 193, N'60994.74', 153, 1, '2025-11-01 00:00:00', '2025-12-02 00:00:00', NULL),
  (72, 3, '2025-12-01', N'Mensal', N'35000.00', 187, N'40246.83', 215, 0, '2025-12-01 00:00:00', '2025-12-01 00:00:00', NULL),
  (73, 4, '2024-01-01', N'Mensal', N'161000.00', 188, N'90021.69', 105, 1, '2024-01-01 00:00:00', '2024-02-02 00:00:00', NULL),
  (74, 4, '2024-02-01', N'Mensal', N'71000.00', 86, N'84154.93', 102, 1, '2024-02-01 00:00:00', '2024-03-02 00:00:00', NULL),
  (75, 4, '2024-03-01', N'Mensal', N'124000.00', 84, N'72231.20', 49, 1, '2024-03-01 00:00:00', '2024-04-02 00:00:00', NULL),
  (76, 4, '2024-04-01', N'Mensal', N'162000.00', 275, N'121433.91', 206, 1, '2024-04-01 00:00:00', '2024-05-02 00:00:00', NULL),
  (77, 4, '2024-05-01', N'Mensal', N'100000.00', 132, N'107616.56', 142, 1, '2024-05-01 00:00:00', '2024-06-02 00:00:00', NULL),
  (78, 4, '2024-06-01', N'Mensal', N'175000.00', 78, N'170238.64', 76, 1, '2024-06-01 00:00:00', '2024-07-02 00:00:00', NULL),
  (79, 4, '2024-07-01', N'Mensal', N'177000.00', 216, N'132288.80', 161, 1, '2024-07-01 00:00:00', '2024-08-02 00:00:00', NULL),
  (80, 4, '2024-08-01', N'Mensal', N'70000.00', 213, N'67456.50', 205, 1, '2024-08-01 00:00:00', '2024-09-02 00:00:00', NULL),
  (81, 4, '2024-09-01', N'Mensal', N'89000.00', 224, N'58955.51', 148, 1, '2024-09-01 00:00:00', '2024-10-02 00:00:00', NULL),
  (82, 4, '2024-10-01', N'Mensal', N'74000.00', 169, N'79398.22', 181, 1, '2024-10-01 00:00:00', '2024-11-02 00:00:00', NULL),
  (83, 4, '2024-11-01', N'Mensal', N'118000.00', 184, N'73105.58', 114, 1, '2024-11-01 00:00:00', '2024-12-02 00:00:00', NULL),
  (84, 4, '2024-12-01', N'Mensal', N'92000.00', 293, N'49935.63', 159, 1, '2024-12-01 00:00:00', '2025-01-02 00:00:00', NULL),
  (85, 4, '2025-01-01', N'Mensal', N'43000.00', 81, N'23566.93', 44, 1, '2025-01-01 00:00:00', '2025-02-02 00:00:00', NULL),
  (86, 4, '2025-02-01', N'Mensal', N'103000.00', 122, N'124794.38', 148, 1, '2025-02-01 00:00:00', '2025-03-02 00:00:00', NULL),
  (87, 4, '2025-03-01', N'Mensal', N'148000.00', 174, N'186309.64', 219, 1, '2025-03-01 00:00:00', '2025-04-02 00:00:00', NULL),
  (88, 4, '2025-04-01', N'Mensal', N'87000.00', 239, N'91509.27', 251, 1, '2025-04-01 00:00:00', '2025-05-02 00:00:00', NULL),
  (89, 4, '2025-05-01', N'Mensal', N'58000.00', 108, N'51270.78', 95, 1, '2025-05-01 00:00:00', '2025-06-02 00:00:00', NULL),
  (90, 4, '2025-06-01', N'Mensal', N'50000.00', 255, N'46818.86', 239, 1, '2025-06-01 00:00:00', '2025-07-02 00:00:00', NULL),
  (91, 4, '2025-07-01', N'Mensal', N'131000.00', 298, N'135763.06', 309, 1, '2025-07-01 00:00:00', '2025-08-02 00:00:00', NULL),
  (92, 4, '2025-08-01', N'Mensal', N'106000.00', 298, N'93078.82', 262, 1, '2025-08-01 00:00:00', '2025-09-02 00:00:00', NULL),
  (93, 4, '2025-09-01', N'Mensal', N'93000.00', 216, N'105521.95', 245, 1, '2025-09-01 00:00:00', '2025-10-02 00:00:00', NULL),
  (94, 4, '2025-10-01', N'Mensal', N'72000.00', 158, N'88795.74', 195, 1, '2025-10-01 00:00:00', '2025-11-02 00:00:00', NULL),
  (95, 4, '2025-11-01', N'Mensal', N'144000.00', 43, N'162332.58', 48, 1, '2025-11-01 00:00:00', '2025-12-02 00:00:00', NULL),
  (96, 4, '2025-12-01', N'Mensal', N'71000.00', 88, N'58963.71', 73, 0, '2025-12-01 00:00:00', '2025-12-01 00:00:00', NULL);
  SET IDENTITY_INSERT core.seller_targets_monthly OFF;
  PRINT N'Seeded 96 rows into core.seller_targets_monthly.';
END
ELSE
  PRINT N'core.seller_targets_monthly already has rows; seed skipped.';
GO
