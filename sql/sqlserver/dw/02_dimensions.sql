-- Dimensions (schema dim). Creates each table only when missing; reports the ones that exist.

SET NOCOUNT ON;
GO
USE DW_ECOMMERCE;
GO

IF OBJECT_ID(N'dim.DIM_DATA', N'U') IS NULL
BEGIN
  CREATE TABLE dim.DIM_DATA (
    data_id INT NOT NULL,
    data DATE NOT NULL,
    ano SMALLINT NOT NULL,
    semestre SMALLINT NOT NULL,
    trimestre SMALLINT NOT NULL,
    mes SMALLINT NOT NULL,
    dia SMALLINT NOT NULL,
    semana SMALLINT NOT NULL,
    dia_da_semana SMALLINT NOT NULL,
    dia_do_ano SMALLINT NOT NULL,
    nome_mes NVARCHAR(20) NOT NULL,
    nome_mes_abreviado NVARCHAR(3) NOT NULL,
    nome_dia_semana NVARCHAR(20) NOT NULL,
    nome_dia_semana_abreviado NVARCHAR(3) NOT NULL,
    ano_mes NVARCHAR(7) NOT NULL,
    eh_fim_de_semana BIT NOT NULL,
    eh_feriado BIT NOT NULL,
    nome_feriado NVARCHAR(60) NULL,
    eh_dia_util BIT NOT NULL,
    CONSTRAINT pk_dim_data PRIMARY KEY (data_id),
    CONSTRAINT uq_dim_data_data UNIQUE (data),
    CONSTRAINT ck_dim_data_semestre CHECK (semestre BETWEEN 1 AND 2),
    CONSTRAINT ck_dim_data_trimestre CHECK (trimestre BETWEEN 1 AND 4),
    CONSTRAINT ck_dim_data_mes CHECK (mes BETWEEN 1 AND 12),
    CONSTRAINT ck_dim_data_dia CHECK (dia BETWEEN 1 AND 31),
    CONSTRAINT ck_dim_data_semana CHECK (semana BETWEEN 1 AND 53),
    CONSTRAINT ck_dim_data_dia_da_semana CHECK (dia_da_semana BETWEEN 1 AND 7),
    CONSTRAINT ck_dim_data_dia_do_ano CHECK (dia_do_ano BETWEEN 1 AND 366)
  );
  PRINT N'Created table dim.DIM_DATA.';
END
ELSE
  PRINT N'Table dim.DIM_DATA already exists.';
GO

IF OBJECT_ID(N'dim.DIM_CLIENTE', N'U') IS NULL
BEGIN
  CREATE TABLE dim.DIM_CLIENTE (
    cliente_id INT IDENTITY(1,1) NOT NULL,
    cliente_original_id BIGINT NOT NULL,
    nome_cliente NVARCHAR(150) NOT NULL,
    email NVARCHAR(150) NULL,
    telefone NVARCHAR(20) NULL,
    cpf_cnpj NVARCHAR(14) NULL,
    data_nascimento DATE NULL,
    genero NVARCHAR(20) NULL,
    tipo_cliente NVARCHAR(20) NOT NULL,
    segmento NVARCHAR(30) NULL,
    score_credito INT NULL,
    categoria_valor NVARCHAR(20) NULL,
    endereco_completo NVARCHAR(200) NULL,
    bairro NVARCHAR(100) NULL,
    cidade NVARCHAR(100) NULL,
    estado NVARCHAR(2) NULL,
    pais NVARCHAR(60) NULL,
    cep NVARCHAR(8) NULL,
    data_primeiro_cadastro DATE NULL,
    data_ultima_compra DATE NULL,
    data_ultima_atualizacao DATETIME2(0) NOT NULL,
    total_compras_historico INT NULL,
    valor_total_gasto_historico DECIMAL(15,2) NULL,
    ticket_medio_historico DECIMAL(15,2) NULL,
    eh_ativo BIT NOT NULL,
    aceita_email_marketing BIT NULL,
    eh_cliente_vip BIT NULL,
    CONSTRAINT pk_dim_cliente PRIMARY KEY (cliente_id),
    CONSTRAINT uq_dim_cliente_cliente_original_id UNIQUE (cliente_original_id),
    CONSTRAINT ck_dim_cliente_score_credito CHECK (score_credito BETWEEN 0 AND 1000)
  );
  PRINT N'Created table dim.DIM_CLIENTE.';
END
ELSE
  PRINT N'Table dim.DIM_CLIENTE already exists.';
GO

IF OBJECT_ID(N'dim.DIM_PRODUTO', N'U') IS NULL
BEGIN
  CREATE TABLE dim.DIM_PRODUTO (
    produto_id INT IDENTITY(1,1) NOT NULL,
    produto_original_id BIGINT NOT NULL,
    codigo_sku NVARCHAR(30) NOT NULL,
    codigo_barras NVARCHAR(14) NULL,
    nome_produto NVARCHAR(150) NOT NULL,
    descricao_curta NVARCHAR(255) NULL,
    descricao_completa NVARCHAR(MAX) NULL,
    categoria NVARCHAR(60) NOT NULL,
    subcategoria NVARCHAR(60) NULL,
    linha_produto NVARCHAR(60) NULL,
    marca NVARCHAR(60) NULL,
    fabricante NVARCHAR(100) NULL,
    fornecedor_id BIGINT NOT NULL,
    nome_fornecedor NVARCHAR(150) NOT NULL,
    pais_origem NVARCHAR(60) NULL,
    peso_kg DECIMAL(10,3) NULL,
    altura_cm DECIMAL(10,2) NULL,
    largura_cm DECIMAL(10,2) NULL,
    profundidade_cm DECIMAL(10,2) NULL,
    cor_principal NVARCHAR(30) NULL,
    material NVARCHAR(60) NULL,
    preco_custo DECIMAL(15,2) NOT NULL,
    preco_sugerido DECIMAL(15,2) NOT NULL,
    margem_sugerida_percent DECIMAL(5,2) NULL,
    eh_perecivel BIT NULL,
    eh_fragil BIT NULL,
    requer_refrigeracao BIT NULL,
    idade_minima_venda SMALLINT NULL,
    estoque_minimo INT NULL,
    estoque_maximo INT NULL,
    prazo_reposicao_dias SMALLINT NULL,
    situacao NVARCHAR(20) NOT NULL,
    data_lancamento DATE NULL,
    data_descontinuacao DATE NULL,
    data_cadastro DATETIME2(0) NOT NULL,
    data_ultima_atualizacao DATETIME2(0) NOT NULL,
    palavras_chave NVARCHAR(500) NULL,
    avaliacao_media DECIMAL(3,2) NULL,
    total_avaliacoes INT NULL,
    CONSTRAINT pk_dim_produto PRIMARY KEY (produto_id),
    CONSTRAINT uq_dim_produto_produto_original_id UNIQUE (produto_original_id)
  );
  PRINT N'Created table dim.DIM_PRODUTO.';
END
ELSE
  PRINT N'Table dim.DIM_PRODUTO already exists.';
GO

IF OBJECT_ID(N'dim.DIM_REGIAO', N'U') IS NULL
BEGIN
  CREATE TABLE dim.DIM_REGIAO (
    regiao_id INT IDENTITY(1,1) NOT NULL,
    regiao_original_id BIGINT NOT NULL,
    pais NVARCHAR(60) NOT NULL,
    regiao_pais NVARCHAR(30) NOT NULL,
    estado NVARCHAR(2) NOT NULL,
    nome_estado NVARCHAR(60) NOT NULL,
    cidade NVARCHAR(100) NOT NULL,
    codigo_ibge NVARCHAR(7) NULL,
    data_cadastro DATETIME2(0) NOT NULL,
    data_ultima_atualizacao DATETIME2(0) NOT NULL,
    eh_ativo BIT NOT NULL,
    CONSTRAINT pk_dim_regiao PRIMARY KEY (regiao_id),
    CONSTRAINT uq_dim_regiao_regiao_original_id UNIQUE (regiao_original_id)
  );
  PRINT N'Created table dim.DIM_REGIAO.';
END
ELSE
  PRINT N'Table dim.DIM_REGIAO already exists.';
GO

IF OBJECT_ID(N'dim.DIM_EQUIPE', N'U') IS NULL
BEGIN
  CREATE TABLE dim.DIM_EQUIPE (
    equipe_id INT IDENTITY(1,1) NOT NULL,
    equipe_original_id BIGINT NOT NULL,
    nome_equipe NVARCHAR(100) NOT NULL,
    codigo_equipe NVARCHAR(20) NOT NULL,
    tipo_equipe NVARCHAR(20) NULL,
    categoria_equipe NVARCHAR(40) NULL,
    regional NVARCHAR(30) NULL,
    estado_sede NVARCHAR(2) NULL,
    cidade_sede NVARCHAR(100) NULL,
    lider_equipe_id BIGINT NULL,
    nome_lider NVARCHAR(150) NULL,
    meta_mensal_equipe DECIMAL(15,2) NULL,
    meta_trimestral_equipe DECIMAL(15,2) NULL,
    meta_anual_equipe DECIMAL(15,2) NULL,
    qtd_meta_vendas_mes INT NULL,
    qtd_membros_atual INT NULL,
    data_criacao DATETIME2(0) NOT NULL,
    data_ultima_atualizacao DATETIME2(0) NOT NULL,
    data_inativacao DATETIME2(0) NULL,
    situacao NVARCHAR(20) NOT NULL,
    eh_ativa BIT NOT NULL,
    CONSTRAINT pk_dim_equipe PRIMARY KEY (equipe_id),
    CONSTRAINT uq_dim_equipe_equipe_original_id UNIQUE (equipe_original_id)
  );
  PRINT N'Created table dim.DIM_EQUIPE.';
END
ELSE
  PRINT N'Table dim.DIM_EQUIPE already exists.';
GO

IF OBJECT_ID(N'dim.DIM_VENDEDOR', N'U') IS NULL
BEGIN
  CREATE TABLE dim.DIM_VENDEDOR (
    vendedor_id INT IDENTITY(1,1) NOT NULL,
    vendedor_original_id BIGINT NOT NULL,
    nome_vendedor NVARCHAR(150) NOT NULL,
    nome_exibicao NVARCHAR(150) NOT NULL,
    matricula NVARCHAR(20) NOT NULL,
    equipe_id INT NULL,
    nome_equipe NVARCHAR(100) NULL,
    gerente_id INT NULL,
    nome_gerente NVARCHAR(150) NULL,
    estado_atuacao NVARCHAR(2) NULL,
    cidade_atuacao NVARCHAR(100) NULL,
    meta_mensal_base DECIMAL(15,2) NULL,
    meta_trimestral_base DECIMAL(15,2) NULL,
    data_contratacao DATE NULL,
    data_ultima_atualizacao DATETIME2(0) NOT NULL,
    situacao NVARCHAR(20) NOT NULL,
    eh_ativo BIT NOT NULL,
    eh_lider BIT NULL,
    aceita_novos_clientes BIT NULL,
    data_desligamento DATETIME2(0) NULL,
    CONSTRAINT pk_dim_vendedor PRIMARY KEY (vendedor_id),
    CONSTRAINT uq_dim_vendedor_vendedor_original_id UNIQUE (vendedor_original_id)
  );
  PRINT N'Created table dim.DIM_VENDEDOR.';
END
ELSE
  PRINT N'Table dim.DIM_VENDEDOR already exists.';
GO

IF OBJECT_ID(N'dim.DIM_DESCONTO', N'U') IS NULL
BEGIN
  CREATE TABLE dim.DIM_DESCONTO (
    desconto_id INT IDENTITY(1,1) NOT NULL,
    desconto_original_id BIGINT NOT NULL,
    codigo_desconto NVARCHAR(30) NOT NULL,
    nome_campanha NVARCHAR(150) NOT NULL,
    descricao NVARCHAR(500) NULL,
    tipo_desconto NVARCHAR(20) NOT NULL,
    metodo_desconto NVARCHAR(20) NOT NULL,
    valor_desconto DECIMAL(15,2) NOT NULL,
    min_valor_compra_regra DECIMAL(15,2) NULL,
    max_valor_desconto_regra DECIMAL(15,2) NULL,
    max_usos_por_cliente INT NULL,
    max_usos_total INT NULL,
    aplica_em NVARCHAR(20) NOT NULL,
    restricao_produtos NVARCHAR(200) NULL,
    data_inicio_validade DATETIME2(0) NOT NULL,
    data_fim_validade DATETIME2(0) NOT NULL,
    total_usos_realizados INT NULL,
    total_receita_gerada DECIMAL(15,2) NULL,
    total_desconto_concedido DECIMAL(15,2) NULL,
    situacao NVARCHAR(20) NOT NULL,
    eh_ativo BIT NOT NULL,
    requer_aprovacao BIT NULL,
    eh_cumulativo BIT NULL,
    data_criacao DATETIME2(0) NOT NULL,
    data_ultima_atualizacao DATETIME2(0) NOT NULL,
    CONSTRAINT pk_dim_desconto PRIMARY KEY (desconto_id),
    CONSTRAINT uq_dim_desconto_desconto_original_id UNIQUE (desconto_original_id)
  );
  PRINT N'Created table dim.DIM_DESCONTO.';
END
ELSE
  PRINT N'Table dim.DIM_DESCONTO already exists.';
GO
