-- The unknown member (surrogate key -1) of every dimension, inserted once.

SET NOCOUNT ON;
GO
USE DW_ECOMMERCE;
GO

IF NOT EXISTS (SELECT 1 FROM dim.DIM_DATA WHERE data_id = -1)
BEGIN
  INSERT INTO dim.DIM_DATA (data_id, data, ano, semestre, trimestre, mes, dia, semana, dia_da_semana, dia_do_ano, nome_mes, nome_mes_abreviado, nome_dia_semana, nome_dia_semana_abreviado, ano_mes, eh_fim_de_semana, eh_feriado, eh_dia_util)
  VALUES (-1, N'1900-01-01', 1900, 1, 1, 1, 1, 1, 1, 1, N'Desconhecido', N'N/I', N'Desconhecido', N'N/I', N'N/I', 0, 0, 0);
  PRINT N'Inserted unknown member -1 into dim.DIM_DATA.';
END
ELSE
  PRINT N'Unknown member -1 of dim.DIM_DATA already exists.';
GO

IF NOT EXISTS (SELECT 1 FROM dim.DIM_CLIENTE WHERE cliente_id = -1)
BEGIN
  SET IDENTITY_INSERT dim.DIM_CLIENTE ON;
  INSERT INTO dim.DIM_CLIENTE (cliente_id, cliente_original_id, nome_cliente, tipo_cliente, data_ultima_atualizacao, eh_ativo)
  VALUES (-1, -1, N'Desconhecido', N'Desconhecido', N'1900-01-01', 0);
  SET IDENTITY_INSERT dim.DIM_CLIENTE OFF;
  PRINT N'Inserted unknown member -1 into dim.DIM_CLIENTE.';
END
ELSE
  PRINT N'Unknown member -1 of dim.DIM_CLIENTE already exists.';
GO

IF NOT EXISTS (SELECT 1 FROM dim.DIM_PRODUTO WHERE produto_id = -1)
BEGIN
  SET IDENTITY_INSERT dim.DIM_PRODUTO ON;
  INSERT INTO dim.DIM_PRODUTO (produto_id, produto_original_id, codigo_sku, nome_produto, categoria, fornecedor_id, nome_fornecedor, preco_custo, preco_sugerido, situacao, data_cadastro, data_ultima_atualizacao)
  VALUES (-1, -1, N'Desconhecido', N'Desconhecido', N'Desconhecido', 0, N'Desconhecido', 0, 0, N'Desconhecido', N'1900-01-01', N'1900-01-01');
  SET IDENTITY_INSERT dim.DIM_PRODUTO OFF;
  PRINT N'Inserted unknown member -1 into dim.DIM_PRODUTO.';
END
ELSE
  PRINT N'Unknown member -1 of dim.DIM_PRODUTO already exists.';
GO

IF NOT EXISTS (SELECT 1 FROM dim.DIM_REGIAO WHERE regiao_id = -1)
BEGIN
  SET IDENTITY_INSERT dim.DIM_REGIAO ON;
  INSERT INTO dim.DIM_REGIAO (regiao_id, regiao_original_id, pais, regiao_pais, estado, nome_estado, cidade, data_cadastro, data_ultima_atualizacao, eh_ativo)
  VALUES (-1, -1, N'Desconhecido', N'Desconhecido', N'--', N'Desconhecido', N'Desconhecido', N'1900-01-01', N'1900-01-01', 0);
  SET IDENTITY_INSERT dim.DIM_REGIAO OFF;
  PRINT N'Inserted unknown member -1 into dim.DIM_REGIAO.';
END
ELSE
  PRINT N'Unknown member -1 of dim.DIM_REGIAO already exists.';
GO

IF NOT EXISTS (SELECT 1 FROM dim.DIM_EQUIPE WHERE equipe_id = -1)
BEGIN
  SET IDENTITY_INSERT dim.DIM_EQUIPE ON;
  INSERT INTO dim.DIM_EQUIPE (equipe_id, equipe_original_id, nome_equipe, codigo_equipe, data_criacao, data_ultima_atualizacao, situacao, eh_ativa)
  VALUES (-1, -1, N'Desconhecido', N'Desconhecido', N'1900-01-01', N'1900-01-01', N'Desconhecido', 0);
  SET IDENTITY_INSERT dim.DIM_EQUIPE OFF;
  PRINT N'Inserted unknown member -1 into dim.DIM_EQUIPE.';
END
ELSE
  PRINT N'Unknown member -1 of dim.DIM_EQUIPE already exists.';
GO

IF NOT EXISTS (SELECT 1 FROM dim.DIM_VENDEDOR WHERE vendedor_id = -1)
BEGIN
  SET IDENTITY_INSERT dim.DIM_VENDEDOR ON;
  INSERT INTO dim.DIM_VENDEDOR (vendedor_id, vendedor_original_id, nome_vendedor, nome_exibicao, matricula, data_ultima_atualizacao, situacao, eh_ativo)
  VALUES (-1, -1, N'Desconhecido', N'Desconhecido', N'Desconhecido', N'1900-01-01', N'Desconhecido', 0);
  SET IDENTITY_INSERT dim.DIM_VENDEDOR OFF;
  PRINT N'Inserted unknown member -1 into dim.DIM_VENDEDOR.';
END
ELSE
  PRINT N'Unknown member -1 of dim.DIM_VENDEDOR already exists.';
GO

IF NOT EXISTS (SELECT 1 FROM dim.DIM_DESCONTO WHERE desconto_id = -1)
BEGIN
  SET IDENTITY_INSERT dim.DIM_DESCONTO ON;
  INSERT INTO dim.DIM_DESCONTO (desconto_id, desconto_original_id, codigo_desconto, nome_campanha, tipo_desconto, metodo_desconto, valor_desconto, aplica_em, data_inicio_validade, data_fim_validade, situacao, eh_ativo, data_criacao, data_ultima_atualizacao)
  VALUES (-1, -1, N'Desconhecido', N'Desconhecido', N'Desconhecido', N'Desconhecido', 0, N'Desconhecido', N'1900-01-01', N'1900-01-01', N'Desconhecido', 0, N'1900-01-01', N'1900-01-01');
  SET IDENTITY_INSERT dim.DIM_DESCONTO OFF;
  PRINT N'Inserted unknown member -1 into dim.DIM_DESCONTO.';
END
ELSE
  PRINT N'Unknown member -1 of dim.DIM_DESCONTO already exists.';
GO
