-- Facts (schema fact). Creates each table only when missing; reports the ones that exist.

SET NOCOUNT ON;
GO
USE DW_ECOMMERCE;
GO

IF OBJECT_ID(N'fact.FACT_VENDAS', N'U') IS NULL
BEGIN
  CREATE TABLE fact.FACT_VENDAS (
    venda_id BIGINT IDENTITY(1,1) NOT NULL,
    item_pedido_original_id BIGINT NOT NULL,
    data_id INT NOT NULL,
    cliente_id INT NOT NULL,
    produto_id INT NOT NULL,
    regiao_id INT NOT NULL,
    vendedor_id INT NOT NULL,
    quantidade_vendida INT NOT NULL,
    preco_unitario_tabela DECIMAL(15,2) NOT NULL,
    valor_total_bruto DECIMAL(15,2) NOT NULL,
    valor_total_descontos DECIMAL(15,2) NOT NULL,
    valor_total_liquido DECIMAL(15,2) NOT NULL,
    custo_total DECIMAL(15,2) NOT NULL,
    quantidade_devolvida INT NOT NULL,
    valor_devolvido DECIMAL(15,2) NOT NULL,
    percentual_comissao DECIMAL(5,2) NULL,
    valor_comissao DECIMAL(15,2) NULL,
    numero_pedido NVARCHAR(30) NOT NULL,
    teve_desconto BIT NOT NULL,
    data_inclusao DATETIME2(0) NOT NULL,
    data_atualizacao DATETIME2(0) NOT NULL,
    CONSTRAINT pk_fact_vendas PRIMARY KEY (venda_id),
    CONSTRAINT uq_fact_vendas_item_pedido_original_id UNIQUE (item_pedido_original_id),
    CONSTRAINT fk_fact_vendas_data_id FOREIGN KEY (data_id) REFERENCES dim.DIM_DATA (data_id),
    CONSTRAINT fk_fact_vendas_cliente_id FOREIGN KEY (cliente_id) REFERENCES dim.DIM_CLIENTE (cliente_id),
    CONSTRAINT fk_fact_vendas_produto_id FOREIGN KEY (produto_id) REFERENCES dim.DIM_PRODUTO (produto_id),
    CONSTRAINT fk_fact_vendas_regiao_id FOREIGN KEY (regiao_id) REFERENCES dim.DIM_REGIAO (regiao_id),
    CONSTRAINT fk_fact_vendas_vendedor_id FOREIGN KEY (vendedor_id) REFERENCES dim.DIM_VENDEDOR (vendedor_id),
    CONSTRAINT ck_fact_vendas_liquido CHECK (valor_total_liquido = valor_total_bruto - valor_total_descontos)
  );
  PRINT N'Created table fact.FACT_VENDAS.';
END
ELSE
  PRINT N'Table fact.FACT_VENDAS already exists.';
GO

IF OBJECT_ID(N'fact.FACT_METAS', N'U') IS NULL
BEGIN
  CREATE TABLE fact.FACT_METAS (
    meta_id BIGINT IDENTITY(1,1) NOT NULL,
    meta_original_id BIGINT NOT NULL,
    vendedor_id INT NOT NULL,
    data_id INT NOT NULL,
    valor_meta DECIMAL(15,2) NOT NULL,
    quantidade_meta INT NULL,
    valor_realizado DECIMAL(15,2) NOT NULL,
    quantidade_realizada INT NULL,
    percentual_atingido DECIMAL(9,2) NOT NULL,
    gap_meta DECIMAL(15,2) NOT NULL,
    ticket_medio_realizado DECIMAL(15,2) NULL,
    ranking_periodo INT NULL,
    quartil_performance SMALLINT NULL,
    meta_batida BIT NOT NULL,
    meta_superada BIT NOT NULL,
    eh_periodo_fechado BIT NOT NULL,
    tipo_periodo NVARCHAR(20) NOT NULL,
    data_inclusao DATETIME2(0) NOT NULL,
    data_ultima_atualizacao DATETIME2(0) NOT NULL,
    CONSTRAINT pk_fact_metas PRIMARY KEY (meta_id),
    CONSTRAINT uq_fact_metas_meta_original_id UNIQUE (meta_original_id),
    CONSTRAINT fk_fact_metas_vendedor_id FOREIGN KEY (vendedor_id) REFERENCES dim.DIM_VENDEDOR (vendedor_id),
    CONSTRAINT fk_fact_metas_data_id FOREIGN KEY (data_id) REFERENCES dim.DIM_DATA (data_id),
    CONSTRAINT ck_fact_metas_quartil_performance CHECK (quartil_performance BETWEEN 1 AND 4)
  );
  PRINT N'Created table fact.FACT_METAS.';
END
ELSE
  PRINT N'Table fact.FACT_METAS already exists.';
GO

IF OBJECT_ID(N'fact.FACT_DESCONTOS', N'U') IS NULL
BEGIN
  CREATE TABLE fact.FACT_DESCONTOS (
    desconto_aplicado_id BIGINT IDENTITY(1,1) NOT NULL,
    desconto_aplicado_original_id BIGINT NOT NULL,
    desconto_id INT NOT NULL,
    venda_id BIGINT NOT NULL,
    data_aplicacao_id INT NOT NULL,
    cliente_id INT NOT NULL,
    produto_id INT NOT NULL,
    nivel_aplicacao NVARCHAR(20) NOT NULL,
    valor_desconto_aplicado DECIMAL(15,2) NOT NULL,
    valor_sem_desconto DECIMAL(15,2) NOT NULL,
    valor_com_desconto DECIMAL(15,2) NOT NULL,
    margem_antes_desconto DECIMAL(15,2) NULL,
    margem_apos_desconto DECIMAL(15,2) NULL,
    impacto_margem DECIMAL(15,2) NULL,
    percentual_desconto_efetivo DECIMAL(7,2) NULL,
    desconto_aprovado BIT NOT NULL,
    motivo_rejeicao NVARCHAR(200) NULL,
    numero_pedido NVARCHAR(30) NOT NULL,
    data_inclusao DATETIME2(0) NOT NULL,
    data_atualizacao DATETIME2(0) NOT NULL,
    CONSTRAINT pk_fact_descontos PRIMARY KEY (desconto_aplicado_id),
    CONSTRAINT uq_fact_descontos_desconto_aplicado_original_id UNIQUE (desconto_aplicado_original_id),
    CONSTRAINT fk_fact_descontos_desconto_id FOREIGN KEY (desconto_id) REFERENCES dim.DIM_DESCONTO (desconto_id),
    CONSTRAINT fk_fact_descontos_venda_id FOREIGN KEY (venda_id) REFERENCES fact.FACT_VENDAS (venda_id),
    CONSTRAINT fk_fact_descontos_data_aplicacao_id FOREIGN KEY (data_aplicacao_id) REFERENCES dim.DIM_DATA (data_id),
    CONSTRAINT fk_fact_descontos_cliente_id FOREIGN KEY (cliente_id) REFERENCES dim.DIM_CLIENTE (cliente_id),
    CONSTRAINT fk_fact_descontos_produto_id FOREIGN KEY (produto_id) REFERENCES dim.DIM_PRODUTO (produto_id)
  );
  PRINT N'Created table fact.FACT_DESCONTOS.';
END
ELSE
  PRINT N'Table fact.FACT_DESCONTOS already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'fact.FACT_VENDAS') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 1
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'data_id')
BEGIN
  CREATE INDEX ix_fact_vendas_data_id ON fact.FACT_VENDAS (data_id);
  PRINT N'Created index ix_fact_vendas_data_id.';
END
ELSE
  PRINT N'Index ix_fact_vendas_data_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'fact.FACT_VENDAS') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 1
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'cliente_id')
BEGIN
  CREATE INDEX ix_fact_vendas_cliente_id ON fact.FACT_VENDAS (cliente_id);
  PRINT N'Created index ix_fact_vendas_cliente_id.';
END
ELSE
  PRINT N'Index ix_fact_vendas_cliente_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'fact.FACT_VENDAS') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 1
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'produto_id')
BEGIN
  CREATE INDEX ix_fact_vendas_produto_id ON fact.FACT_VENDAS (produto_id);
  PRINT N'Created index ix_fact_vendas_produto_id.';
END
ELSE
  PRINT N'Index ix_fact_vendas_produto_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'fact.FACT_VENDAS') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 1
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'regiao_id')
BEGIN
  CREATE INDEX ix_fact_vendas_regiao_id ON fact.FACT_VENDAS (regiao_id);
  PRINT N'Created index ix_fact_vendas_regiao_id.';
END
ELSE
  PRINT N'Index ix_fact_vendas_regiao_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'fact.FACT_VENDAS') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 1
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'vendedor_id')
BEGIN
  CREATE INDEX ix_fact_vendas_vendedor_id ON fact.FACT_VENDAS (vendedor_id);
  PRINT N'Created index ix_fact_vendas_vendedor_id.';
END
ELSE
  PRINT N'Index ix_fact_vendas_vendedor_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'fact.FACT_METAS') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 1
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'vendedor_id')
BEGIN
  CREATE INDEX ix_fact_metas_vendedor_id ON fact.FACT_METAS (vendedor_id);
  PRINT N'Created index ix_fact_metas_vendedor_id.';
END
ELSE
  PRINT N'Index ix_fact_metas_vendedor_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'fact.FACT_METAS') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 1
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'data_id')
BEGIN
  CREATE INDEX ix_fact_metas_data_id ON fact.FACT_METAS (data_id);
  PRINT N'Created index ix_fact_metas_data_id.';
END
ELSE
  PRINT N'Index ix_fact_metas_data_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'fact.FACT_DESCONTOS') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 1
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'desconto_id')
BEGIN
  CREATE INDEX ix_fact_descontos_desconto_id ON fact.FACT_DESCONTOS (desconto_id);
  PRINT N'Created index ix_fact_descontos_desconto_id.';
END
ELSE
  PRINT N'Index ix_fact_descontos_desconto_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'fact.FACT_DESCONTOS') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 1
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'venda_id')
BEGIN
  CREATE INDEX ix_fact_descontos_venda_id ON fact.FACT_DESCONTOS (venda_id);
  PRINT N'Created index ix_fact_descontos_venda_id.';
END
ELSE
  PRINT N'Index ix_fact_descontos_venda_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'fact.FACT_DESCONTOS') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 1
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'data_aplicacao_id')
BEGIN
  CREATE INDEX ix_fact_descontos_data_aplicacao_id ON fact.FACT_DESCONTOS (data_aplicacao_id);
  PRINT N'Created index ix_fact_descontos_data_aplicacao_id.';
END
ELSE
  PRINT N'Index ix_fact_descontos_data_aplicacao_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'fact.FACT_DESCONTOS') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 1
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'cliente_id')
BEGIN
  CREATE INDEX ix_fact_descontos_cliente_id ON fact.FACT_DESCONTOS (cliente_id);
  PRINT N'Created index ix_fact_descontos_cliente_id.';
END
ELSE
  PRINT N'Index ix_fact_descontos_cliente_id already exists.';
GO

IF NOT EXISTS (SELECT c.index_id FROM sys.index_columns c JOIN sys.indexes i ON i.object_id = c.object_id AND i.index_id = c.index_id
  WHERE c.object_id = OBJECT_ID(N'fact.FACT_DESCONTOS') AND i.is_primary_key = 0 AND c.key_ordinal > 0
  GROUP BY c.index_id HAVING COUNT(*) = 1
     AND MAX(CASE WHEN c.key_ordinal = 1 THEN COL_NAME(c.object_id, c.column_id) END) = N'produto_id')
BEGIN
  CREATE INDEX ix_fact_descontos_produto_id ON fact.FACT_DESCONTOS (produto_id);
  PRINT N'Created index ix_fact_descontos_produto_id.';
END
ELSE
  PRINT N'Index ix_fact_descontos_produto_id already exists.';
GO
