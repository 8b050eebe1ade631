-- The unknown member (surrogate key -1) of every dimension, inserted once.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM dim.dim_data WHERE data_id = -1) THEN
    INSERT INTO dim.dim_data (data_id, data, ano, semestre, trimestre, mes, dia, semana, dia_da_semana, dia_do_ano, nome_mes, nome_mes_abreviado, nome_dia_semana, nome_dia_semana_abreviado, ano_mes, eh_fim_de_semana, eh_feriado, eh_dia_util)
    VALUES (-1, '1900-01-01', 1900, 1, 1, 1, 1, 1, 1, 1, 'Desconhecido', 'N/I', 'Desconhecido', 'N/I', 'N/I', false, false, false);
    RAISE NOTICE 'Inserted unknown member -1 into dim.dim_data.';
  ELSE
    RAISE NOTICE 'Unknown member -1 of dim.dim_data already exists.';
  END IF;
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM dim.dim_cliente WHERE cliente_id = -1) THEN
    INSERT INTO dim.dim_cliente (cliente_id, cliente_original_id, nome_cliente, tipo_cliente, data_ultima_atualizacao, eh_ativo)
    VALUES (-1, -1, 'Desconhecido', 'Desconhecido', '1900-01-01', false);
    RAISE NOTICE 'Inserted unknown member -1 into dim.dim_cliente.';
  ELSE
    RAISE NOTICE 'Unknown member -1 of dim.dim_cliente already exists.';
  END IF;
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM dim.dim_produto WHERE produto_id = -1) THEN
    INSERT INTO dim.dim_produto (produto_id, produto_original_id, codigo_sku, nome_produto, categoria, fornecedor_id, nome_fornecedor, preco_custo, preco_sugerido, situacao, data_cadastro, data_ultima_atualizacao)
    VALUES (-1, -1, 'Desconhecido', 'Desconhecido', 'Desconhecido', 0, 'Desconhecido', 0, 0, 'Desconhecido', '1900-01-01', '1900-01-01');
    RAISE NOTICE 'Inserted unknown member -1 into dim.dim_produto.';
  ELSE
    RAISE NOTICE 'Unknown member -1 of dim.dim_produto already exists.';
  END IF;
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM dim.dim_regiao WHERE regiao_id = -1) THEN
    INSERT INTO dim.dim_regiao (regiao_id, regiao_original_id, pais, regiao_pais, estado, nome_estado, cidade, data_cadastro, data_ultima_atualizacao, eh_ativo)
    VALUES (-1, -1, 'Desconhecido', 'Desconhecido', '--', 'Desconhecido', 'Desconhecido', '1900-01-01', '1900-01-01', false);
    RAISE NOTICE 'Inserted unknown member -1 into dim.dim_regiao.';
  ELSE
    RAISE NOTICE 'Unknown member -1 of dim.dim_regiao already exists.';
  END IF;
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM dim.dim_equipe WHERE equipe_id = -1) THEN
    INSERT INTO dim.dim_equipe (equipe_id, equipe_original_id, nome_equipe, codigo_equipe, data_criacao, data_ultima_atualizacao, situacao, eh_ativa)
    VALUES (-1, -1, 'Desconhecido', 'Desconhecido', '1900-01-01', '1900-01-01', 'Desconhecido', false);
    RAISE NOTICE 'Inserted unknown member -1 into dim.dim_equipe.';
  ELSE
    RAISE NOTICE 'Unknown member -1 of dim.dim_equipe already exists.';
  END IF;
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM dim.dim_vendedor WHERE vendedor_id = -1) THEN
    INSERT INTO dim.dim_vendedor (vendedor_id, vendedor_original_id, nome_vendedor, nome_exibicao, matricula, data_ultima_atualizacao, situacao, eh_ativo)
    VALUES (-1, -1, 'Desconhecido', 'Desconhecido', 'Desconhecido', '1900-01-01', 'Desconhecido', false);
    RAISE NOTICE 'Inserted unknown member -1 into dim.dim_vendedor.';
  ELSE
    RAISE NOTICE 'Unknown member -1 of dim.dim_vendedor already exists.';
  END IF;
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM dim.dim_desconto WHERE desconto_id = -1) THEN
    INSERT INTO dim.dim_desconto (desconto_id, desconto_original_id, codigo_desconto, nome_campanha, tipo_desconto, metodo_desconto, valor_desconto, aplica_em, data_inicio_validade, data_fim_validade, situacao, eh_ativo, data_criacao, data_ultima_atualizacao)
    VALUES (-1, -1, 'Desconhecido', 'Desconhecido', 'Desconhecido', 'Desconhecido', 0, 'Desconhecido', '1900-01-01', '1900-01-01', 'Desconhecido', false, '1900-01-01', '1900-01-01');
    RAISE NOTICE 'Inserted unknown member -1 into dim.dim_desconto.';
  ELSE
    RAISE NOTICE 'Unknown member -1 of dim.dim_desconto already exists.';
  END IF;
END $$;
