-- Deterministic warehouse content for the dashboard tests: dimensions, :sales fact rows spread
-- over 2024, and ETL/audit history relative to now (14 days of runs, some failed, plus
-- connection events). psql variables: sales, runs, events, run_days (history the runs span),
-- event_days (history the connection events span).

INSERT INTO dim.dim_produto (produto_original_id, codigo_sku, nome_produto, categoria, fornecedor_id, nome_fornecedor,
       preco_custo, preco_sugerido, situacao, data_cadastro, data_ultima_atualizacao)
SELECT i, 'SKU-' || i, 'Produto ' || lpad(i::text, 2, '0'),
       (ARRAY['Eletrônicos','Casa','Moda','Esporte','Livros'])[1 + i % 5], 1, 'Fornecedor',
       10 + i, 20 + i, 'Ativo', '2023-01-01', '2023-01-01'
  FROM generate_series(1, 24) AS i;

INSERT INTO dim.dim_regiao (regiao_original_id, pais, regiao_pais, estado, nome_estado, cidade, data_cadastro, data_ultima_atualizacao, eh_ativo)
SELECT i, 'Brasil', (ARRAY['Sudeste','Sul','Nordeste','Norte','Centro-Oeste'])[1 + i % 5],
       (ARRAY['SP','RJ','MG','RS','PR','BA','PE','AM','GO','DF'])[i], 'Estado ' || i, 'Cidade ' || i,
       '2023-01-01', '2023-01-01', true
  FROM generate_series(1, 10) AS i;

INSERT INTO dim.dim_equipe (equipe_original_id, nome_equipe, codigo_equipe, data_criacao, data_ultima_atualizacao, situacao, eh_ativa)
SELECT i, 'Equipe ' || (ARRAY['Alfa','Beta','Gama'])[i], 'EQ' || i, '2023-01-01', '2023-01-01', 'Ativa', true
  FROM generate_series(1, 3) AS i;

INSERT INTO dim.dim_vendedor (vendedor_original_id, nome_vendedor, nome_exibicao, matricula, equipe_id, nome_equipe,
       data_ultima_atualizacao, situacao, eh_ativo)
SELECT i, 'Vendedor ' || lpad(i::text, 2, '0'), 'V' || i, 'M' || i, e.equipe_id, e.nome_equipe, '2023-01-01', 'Ativo', true
  FROM generate_series(1, 9) AS i
  JOIN dim.dim_equipe e ON e.equipe_original_id = 1 + i % 3;

INSERT INTO dim.dim_cliente (cliente_original_id, nome_cliente, tipo_cliente, data_ultima_atualizacao, eh_ativo)
SELECT i, 'Cliente ' || i, 'Novo', '2023-01-01', true FROM generate_series(1, 40) AS i;

-- Items: amounts with cents; net = gross - discount (the fact's CHECK); some returns.
INSERT INTO fact.fact_vendas (item_pedido_original_id, data_id, cliente_id, produto_id, regiao_id, vendedor_id,
       quantidade_vendida, preco_unitario_tabela, valor_total_bruto, valor_total_descontos, valor_total_liquido,
       custo_total, quantidade_devolvida, valor_devolvido, numero_pedido, teve_desconto, data_inclusao, data_atualizacao)
SELECT i, to_char(date '2024-01-01' + (i * 37 % 366), 'YYYYMMDD')::integer,
       (SELECT cliente_id FROM dim.dim_cliente WHERE cliente_original_id = 1 + i % 40),
       (SELECT produto_id FROM dim.dim_produto WHERE produto_original_id = 1 + i % 24),
       (SELECT regiao_id FROM dim.dim_regiao WHERE regiao_original_id = 1 + i % 10),
       (SELECT vendedor_id FROM dim.dim_vendedor WHERE vendedor_original_id = 1 + i % 9),
       q, price, q * price, disc, q * price - disc, round(q * price * 0.61, 2),
       CASE WHEN i % 17 = 0 THEN 1 ELSE 0 END, CASE WHEN i % 17 = 0 THEN price ELSE 0 END,
       'PED-' || (i / 3), disc > 0, now(), now()
  FROM (SELECT i, 1 + i % 4 AS q, (19.90 + (i * 13 % 500) + (i % 100) / 100.0)::numeric(15,2) AS price,
               CASE WHEN i % 5 = 0 THEN ((i % 900) / 100.0)::numeric(15,2) ELSE 0 END AS disc
          FROM generate_series(1, :sales) AS i) AS s;

UPDATE ctl.etl_control SET is_active = true, last_status = 'success',
       last_success_at = (now() AT TIME ZONE 'UTC') - interval '10 minutes', last_run_id = :runs
 WHERE entity_name IN ('dim_cliente', 'fact_vendas');
UPDATE ctl.etl_control SET is_active = true, last_status = 'failed',
       last_success_at = (now() AT TIME ZONE 'UTC') - interval '3 days'
 WHERE entity_name = 'dim_produto';

-- Runs every few minutes back from now; every 7th fails on dim_produto.
INSERT INTO audit.etl_run (run_id, entities_requested, started_by, started_at, finished_at, status, entities_succeeded, entities_failed, error_message)
SELECT i, 'dim_cliente,dim_produto', 'etl_monitor',
       (now() AT TIME ZONE 'UTC') - make_interval(mins => ((:runs - i) * (:run_days * 24 * 60.0 / :runs))::integer + 5),
       (now() AT TIME ZONE 'UTC') - make_interval(mins => ((:runs - i) * (:run_days * 24 * 60.0 / :runs))::integer + 4),
       CASE WHEN i % 7 = 0 THEN 'partial' ELSE 'success' END,
       CASE WHEN i % 7 = 0 THEN 1 ELSE 2 END, CASE WHEN i % 7 = 0 THEN 1 ELSE 0 END,
       CASE WHEN i % 7 = 0 THEN 'dim_produto failed' END
  FROM generate_series(1, :runs) AS i;
INSERT INTO audit.etl_run (run_id, entities_requested, started_by, started_at, status)
VALUES (:runs + 1, 'dim_cliente', 'etl_monitor', (now() AT TIME ZONE 'UTC') - interval '1 minute', 'running');

INSERT INTO audit.etl_run_entity (run_id, entity_name, status, extracted_count, upserted_count, soft_deleted_count,
       watermark_from_updated_at, watermark_from_id, watermark_to_updated_at, watermark_to_id, error_message, started_at, finished_at)
SELECT r.run_id, e.entity_name,
       CASE WHEN e.entity_name = 'dim_produto' AND r.run_id % 7 = 0 THEN 'failed' ELSE 'success' END,
       r.run_id % 50, r.run_id % 50, r.run_id % 3, '2024-01-01', r.run_id, '2024-01-02', r.run_id + 1,
       CASE WHEN e.entity_name = 'dim_produto' AND r.run_id % 7 = 0 THEN
         (ARRAY['deadlock detected', 'canceling statement due to statement timeout',
                'duplicate key value violates unique constraint "uq_dim_produto_produto_original_id"'])[1 + r.run_id % 3] END,
       r.started_at, r.finished_at
  FROM audit.etl_run r
  CROSS JOIN (VALUES ('dim_cliente'), ('dim_produto')) AS e (entity_name)
 WHERE r.status <> 'running';

-- Every third event belongs to a snapshot an ETL run took (its run and stage); the others to
-- snapshots taken by hand or on a schedule.
INSERT INTO audit.connection_login_events (captured_at, session_id, login_name, host_name, program_name, database_name, status, login_time, net_transport, client_net_address,
       run_id, stage)
SELECT (now() AT TIME ZONE 'UTC') - make_interval(secs => (i * 86400.0 * :event_days / :events)),
       100 + i % 40, (ARRAY['etl_monitor','postgres','bi_app','etl_backup'])[1 + i % 4], 'host' || (i % 3),
       (ARRAY['DW Workbench','psql','Streamlit','pg_dump'])[1 + i % 4], 'dw_ecommerce',
       (ARRAY['active','idle'])[1 + i % 2], (now() AT TIME ZONE 'UTC') - interval '4 days', 'TCP', '127.0.0.1',
       CASE WHEN i % 3 = 0 THEN greatest(1, :runs - (i / 3) % 10) END,
       CASE WHEN i % 3 = 0 THEN (ARRAY['start','end','failure'])[1 + (i / 3) % 3] END
  FROM generate_series(1, :events) AS i;

ANALYZE;
