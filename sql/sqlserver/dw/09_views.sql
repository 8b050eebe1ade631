-- Consumption views (schema bi) read by the sales dashboard and the BI role. They resolve
-- surrogate keys to names, so readers never need access to dim or fact directly.

USE DW_ECOMMERCE;
GO
IF OBJECT_ID(N'bi.vw_vendas', N'V') IS NOT NULL DROP VIEW bi.vw_vendas;
GO
CREATE VIEW bi.vw_vendas AS
SELECT f.venda_id,
       f.item_pedido_original_id,
       f.numero_pedido,
       d.data,
       d.ano,
       d.trimestre,
       d.mes,
       d.nome_mes,
       d.ano_mes,
       d.dia_da_semana,
       d.nome_dia_semana,
       d.eh_feriado,
       p.produto_original_id,
       p.nome_produto,
       p.categoria,
       p.subcategoria,
       p.marca,
       c.cliente_original_id,
       c.nome_cliente,
       c.segmento,
       c.tipo_cliente,
       r.estado,
       r.nome_estado,
       r.regiao_pais,
       r.cidade,
       v.vendedor_original_id,
       v.nome_vendedor,
       COALESCE(e.nome_equipe, v.nome_equipe) AS nome_equipe,
       f.quantidade_vendida,
       f.preco_unitario_tabela,
       f.valor_total_bruto,
       f.valor_total_descontos,
       f.valor_total_liquido,
       f.custo_total,
       f.valor_total_liquido - f.custo_total AS margem_bruta,
       f.quantidade_devolvida,
       f.valor_devolvido,
       f.percentual_comissao,
       f.valor_comissao,
       f.teve_desconto,
       f.data_atualizacao
  FROM fact.FACT_VENDAS f
  JOIN dim.DIM_DATA d ON d.data_id = f.data_id
  JOIN dim.DIM_PRODUTO p ON p.produto_id = f.produto_id
  JOIN dim.DIM_CLIENTE c ON c.cliente_id = f.cliente_id
  JOIN dim.DIM_REGIAO r ON r.regiao_id = f.regiao_id
  JOIN dim.DIM_VENDEDOR v ON v.vendedor_id = f.vendedor_id
  LEFT JOIN dim.DIM_EQUIPE e ON e.equipe_id = v.equipe_id;
GO
IF OBJECT_ID(N'bi.vw_metas', N'V') IS NOT NULL DROP VIEW bi.vw_metas;
GO
CREATE VIEW bi.vw_metas AS
SELECT m.meta_id,
       d.data AS mes_referencia,
       d.ano,
       d.mes,
       d.ano_mes,
       v.vendedor_original_id,
       v.nome_vendedor,
       COALESCE(e.nome_equipe, v.nome_equipe) AS nome_equipe,
       m.valor_meta,
       m.quantidade_meta,
       m.valor_realizado,
       m.quantidade_realizada,
       m.percentual_atingido,
       m.gap_meta,
       m.ticket_medio_realizado,
       m.ranking_periodo,
       m.quartil_performance,
       m.meta_batida,
       m.meta_superada,
       m.eh_periodo_fechado,
       m.tipo_periodo,
       m.data_ultima_atualizacao
  FROM fact.FACT_METAS m
  JOIN dim.DIM_DATA d ON d.data_id = m.data_id
  JOIN dim.DIM_VENDEDOR v ON v.vendedor_id = m.vendedor_id
  LEFT JOIN dim.DIM_EQUIPE e ON e.equipe_id = v.equipe_id;
GO
IF OBJECT_ID(N'bi.vw_descontos', N'V') IS NOT NULL DROP VIEW bi.vw_descontos;
GO
CREATE VIEW bi.vw_descontos AS
SELECT x.desconto_aplicado_id,
       x.numero_pedido,
       d.data AS data_aplicacao,
       d.ano,
       d.mes,
       d.ano_mes,
       k.codigo_desconto,
       k.nome_campanha,
       k.tipo_desconto,
       k.metodo_desconto,
       p.nome_produto,
       p.categoria,
       c.segmento,
       x.nivel_aplicacao,
       x.valor_desconto_aplicado,
       x.valor_sem_desconto,
       x.valor_com_desconto,
       x.margem_antes_desconto,
       x.margem_apos_desconto,
       x.impacto_margem,
       x.percentual_desconto_efetivo,
       x.desconto_aprovado,
       x.data_atualizacao
  FROM fact.FACT_DESCONTOS x
  JOIN dim.DIM_DATA d ON d.data_id = x.data_aplicacao_id
  JOIN dim.DIM_DESCONTO k ON k.desconto_id = x.desconto_id
  JOIN dim.DIM_PRODUTO p ON p.produto_id = x.produto_id
  JOIN dim.DIM_CLIENTE c ON c.cliente_id = x.cliente_id;
GO
IF OBJECT_ID(N'bi.vw_atualizacao_dados', N'V') IS NOT NULL DROP VIEW bi.vw_atualizacao_dados;
GO
CREATE VIEW bi.vw_atualizacao_dados AS
SELECT entity_name,
       target_table,
       is_active,
       last_status,
       last_success_at,
       watermark_updated_at
  FROM ctl.etl_control;
GO
