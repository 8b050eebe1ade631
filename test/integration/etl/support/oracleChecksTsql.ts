import type { Engine } from '../../../../src/core/engine/types';
import { count } from './run';

/**
 * The oracle's checks (`support/oracle.ts`) in T-SQL, run in the warehouse database and reading
 * the OLTP through three-part names: each counts the rows that differ, zero when the load is
 * right. T-SQL has no IS DISTINCT FROM (Babelfish refuses it): a null-safe "differs" is
 * `NOT EXISTS (SELECT a INTERSECT SELECT b)`, since set operators treat NULLs as equal. Text is
 * compared case-sensitively (the default collation is not: a changed e-mail case would pass).
 */
const OLTP = '[ECOMMERCE_OLTP].core';
const CS = 'COLLATE Latin1_General_CS_AS';
const differs = (left: readonly string[], right: readonly string[]): string =>
  `NOT EXISTS (SELECT ${left.join(', ')} INTERSECT SELECT ${right.join(', ')})`;

const LIVE_ITEMS = `SELECT i.order_item_id FROM ${OLTP}.order_items i JOIN ${OLTP}.orders o ON o.order_id = i.order_id
    WHERE i.deleted_at IS NULL AND o.deleted_at IS NULL`;
const LIVE_DISCOUNTS = `SELECT d.order_item_discount_id, d.order_item_id FROM ${OLTP}.order_item_discounts d
    JOIN ${OLTP}.order_items i ON i.order_item_id = d.order_item_id JOIN ${OLTP}.orders o ON o.order_id = i.order_id
    WHERE d.deleted_at IS NULL AND i.deleted_at IS NULL AND o.deleted_at IS NULL`;

function membersDiff(target: string, nk: string, source: string, key: string, active: string): string {
  return `SELECT
    (SELECT COUNT(*) FROM (SELECT ${key} FROM ${OLTP}.${source} EXCEPT SELECT ${nk} FROM ${target}) a) +
    (SELECT COUNT(*) FROM (SELECT ${nk} FROM ${target} WHERE ${nk} > 0 EXCEPT SELECT ${key} FROM ${OLTP}.${source}) b) +
    (SELECT COUNT(*) FROM ${target} t JOIN ${OLTP}.${source} s ON s.${key} = t.${nk} WHERE s.deleted_at IS NOT NULL AND t.${active} = 1) AS n`;
}

export const TSQL_ENTITY_CHECKS: readonly (readonly [string, string])[] = [
  ['fact_vendas: one sale per live item of a live order', `SELECT
    (SELECT COUNT(*) FROM (${LIVE_ITEMS} EXCEPT SELECT item_pedido_original_id FROM fact.fact_vendas) x) +
    (SELECT COUNT(*) FROM (SELECT item_pedido_original_id FROM fact.fact_vendas EXCEPT ${LIVE_ITEMS}) y) AS n`],
  ['fact_vendas: customer, seller and number of its order', `SELECT COUNT(*) AS n FROM fact.fact_vendas v
    JOIN ${OLTP}.order_items i ON i.order_item_id = v.item_pedido_original_id
    JOIN ${OLTP}.orders o ON o.order_id = i.order_id
    LEFT JOIN dim.dim_cliente c ON c.cliente_original_id = o.customer_id
    LEFT JOIN dim.dim_vendedor s ON s.vendedor_original_id = o.seller_id
    WHERE ${differs(['v.cliente_id', 'v.vendedor_id', `v.numero_pedido ${CS}`], ['ISNULL(c.cliente_id, -1)', 'ISNULL(s.vendedor_id, -1)', `o.order_number ${CS}`])}`],
  ['fact_vendas: amounts to the cent', `SELECT COUNT(*) AS n FROM fact.fact_vendas v JOIN ${OLTP}.order_items i ON i.order_item_id = v.item_pedido_original_id
    WHERE ${differs(['v.valor_total_liquido', 'v.quantidade_vendida'], ['i.net_amount', 'i.quantity'])}`],
  ['fact_descontos: one row per live discount of a live sale', `SELECT
    (SELECT COUNT(*) FROM (${LIVE_DISCOUNTS}
       EXCEPT SELECT x.desconto_aplicado_original_id, v.item_pedido_original_id FROM fact.fact_descontos x JOIN fact.fact_vendas v ON v.venda_id = x.venda_id) a) +
    (SELECT COUNT(*) FROM (SELECT x.desconto_aplicado_original_id, v.item_pedido_original_id FROM fact.fact_descontos x
       LEFT JOIN fact.fact_vendas v ON v.venda_id = x.venda_id EXCEPT ${LIVE_DISCOUNTS}) b) AS n`],
  ['dim_regiao members and soft deletes', membersDiff('dim.dim_regiao', 'regiao_original_id', 'regions', 'region_id', 'eh_ativo')],
  ['dim_desconto members and soft deletes', membersDiff('dim.dim_desconto', 'desconto_original_id', 'discount_campaigns', 'discount_id', 'eh_ativo')],
  ['dim_equipe members and soft deletes', membersDiff('dim.dim_equipe', 'equipe_original_id', 'teams', 'team_id', 'eh_ativa')],
  ['dim_vendedor members and soft deletes', membersDiff('dim.dim_vendedor', 'vendedor_original_id', 'sellers', 'seller_id', 'eh_ativo')],
  ['dim_equipe member count and monthly goal', `SELECT COUNT(*) AS n FROM ${OLTP}.teams t JOIN dim.dim_equipe e ON e.equipe_original_id = t.team_id
    CROSS APPLY (SELECT COUNT(*) AS membros, SUM(s.monthly_goal_amount) AS meta FROM ${OLTP}.sellers s
      WHERE s.team_id = t.team_id AND s.deleted_at IS NULL) a
    WHERE ${differs(['e.qtd_membros_atual'], ['a.membros'])} OR ISNULL(e.meta_mensal_equipe, 0) <> ISNULL(a.meta, 0)`],
  ['dim_vendedor team, manager and leader flag', `SELECT COUNT(*) AS n FROM ${OLTP}.sellers s JOIN dim.dim_vendedor v ON v.vendedor_original_id = s.seller_id
    LEFT JOIN ${OLTP}.teams t ON t.team_id = s.team_id LEFT JOIN ${OLTP}.sellers g ON g.seller_id = s.manager_seller_id
    CROSS APPLY (SELECT CASE WHEN EXISTS (SELECT 1 FROM ${OLTP}.sellers r WHERE r.manager_seller_id = s.seller_id)
      THEN CAST(1 AS bit) ELSE CAST(0 AS bit) END AS lider) l
    WHERE ${differs(['v.eh_lider', `v.nome_equipe ${CS}`, `v.nome_gerente ${CS}`], ['l.lider', `t.team_name ${CS}`, `g.seller_name ${CS}`])}`],
  ['dim_produto members and supplier names', `SELECT
    (SELECT COUNT(*) FROM (SELECT product_id FROM ${OLTP}.products EXCEPT SELECT produto_original_id FROM dim.dim_produto) a) +
    (SELECT COUNT(*) FROM (SELECT produto_original_id FROM dim.dim_produto WHERE produto_original_id > 0 EXCEPT SELECT product_id FROM ${OLTP}.products) b) +
    (SELECT COUNT(*) FROM dim.dim_produto d JOIN ${OLTP}.products p ON p.product_id = d.produto_original_id
      JOIN ${OLTP}.suppliers s ON s.supplier_id = p.supplier_id
      WHERE ${differs([`d.nome_fornecedor ${CS}`], [`LTRIM(RTRIM(s.supplier_name)) ${CS}`])}) AS n`],
  ['fact_metas: one row per target, amounts', `SELECT
    (SELECT COUNT(*) FROM (SELECT seller_target_id, target_amount, realized_amount FROM ${OLTP}.seller_targets_monthly
      EXCEPT SELECT meta_original_id, valor_meta, valor_realizado FROM fact.fact_metas) a) +
    (SELECT COUNT(*) FROM (SELECT meta_original_id FROM fact.fact_metas EXCEPT SELECT seller_target_id FROM ${OLTP}.seller_targets_monthly) b) AS n`],
  ['fact_metas: month, rank and quartile within the month', `WITH live AS (
      SELECT seller_target_id, target_month,
        CAST(RANK() OVER (PARTITION BY target_month ORDER BY realized_amount DESC) AS int) AS r,
        CAST(COUNT(*) OVER (PARTITION BY target_month) AS int) AS n
      FROM ${OLTP}.seller_targets_monthly WHERE deleted_at IS NULL)
    SELECT COUNT(*) AS n FROM fact.fact_metas f JOIN live l ON l.seller_target_id = f.meta_original_id JOIN dim.dim_data d ON d.data_id = f.data_id
    WHERE ${differs(['f.ranking_periodo', 'f.quartil_performance', 'd.data'], ['l.r', '(l.r - 1) * 4 / l.n + 1', 'DATEFROMPARTS(YEAR(l.target_month), MONTH(l.target_month), 1)'])}`],
];

/**
 * Five text columns of each customer cleaned one character at a time (a recursive CTE, no
 * regular expressions in T-SQL): k 1-3 keep their digits (phone, document, CEP: the contract's
 * `regexp_replace(x, '\D', '', 'g')`), k 4-5 collapse whitespace runs to one space and title-case
 * each word as PostgreSQL's initcap does (segment, city: upper after a character that is neither
 * a letter nor a digit, lower otherwise).
 */
const CLEANED = `f AS (
    SELECT c.customer_id AS id, v.k, CAST(v.s AS nvarchar(200)) AS s FROM ${OLTP}.customers c
    CROSS APPLY (VALUES (1, c.phone), (2, c.document_number), (3, c.zip_code), (4, LTRIM(RTRIM(c.segment))), (5, LTRIM(RTRIM(c.city)))) v(k, s)
    WHERE v.s IS NOT NULL),
  ch AS (
    SELECT id, k, s, 0 AS n, CAST(N'' AS nvarchar(200)) AS o, CAST(N' ' AS nvarchar(1)) AS p FROM f
    UNION ALL
    SELECT id, k, s, n + 1, CAST(o + CASE
        WHEN k <= 3 THEN CASE WHEN SUBSTRING(s, n + 1, 1) LIKE N'[0-9]' THEN SUBSTRING(s, n + 1, 1) ELSE N'' END
        WHEN SUBSTRING(s, n + 1, 1) IN (N' ', CHAR(9), CHAR(10), CHAR(13)) THEN CASE WHEN p IN (N' ', CHAR(9), CHAR(10), CHAR(13)) THEN N'' ELSE N' ' END
        WHEN p LIKE N'[0-9]' OR UPPER(p) ${CS} <> LOWER(p) ${CS} THEN LOWER(SUBSTRING(s, n + 1, 1))
        ELSE UPPER(SUBSTRING(s, n + 1, 1)) END AS nvarchar(200)),
      CAST(SUBSTRING(s, n + 1, 1) AS nvarchar(1))
    FROM ch WHERE n < LEN(s + N'x') - 1),
  cleaned AS (SELECT id, k, o FROM ch WHERE n = LEN(s + N'x') - 1)`;

const TEXT = new Set(['nome_cliente', 'email', 'telefone', 'cpf_cnpj', 'genero', 'tipo_cliente', 'segmento', 'categoria_valor',
  'endereco_completo', 'bairro', 'cidade', 'estado', 'pais', 'cep']);

/** dim_cliente as the mapping contract defines it (`EXPECTED_DIM_CLIENTE`), in T-SQL over the OLTP. */
const EXPECTED = `SELECT c.customer_id AS cliente_original_id, c.full_name AS nome_cliente,
    NULLIF(LOWER(LTRIM(RTRIM(c.email))), N'') AS email,
    NULLIF(ph.o, N'') AS telefone, NULLIF(dc.o, N'') AS cpf_cnpj, c.birth_date AS data_nascimento,
    CASE WHEN c.gender ${CS} IN (N'M', N'F', N'O') THEN c.gender ELSE N'Nao Classificado' END AS genero,
    CASE WHEN c.customer_type ${CS} IN (N'Novo', N'Recorrente', N'VIP', N'Inativo') THEN c.customer_type ELSE N'Nao Classificado' END AS tipo_cliente,
    sg.o AS segmento,
    CASE WHEN c.credit_score > 1000 THEN 1000 WHEN c.credit_score < 0 THEN 0 ELSE c.credit_score END AS score_credito,
    CASE WHEN c.value_category ${CS} IN (N'Bronze', N'Prata', N'Ouro', N'Platina') THEN c.value_category ELSE N'Nao Classificado' END AS categoria_valor,
    c.address_line AS endereco_completo, c.district AS bairro, ci.o AS cidade,
    NULLIF(UPPER(LTRIM(RTRIM(c.state))), N'') AS estado,
    CASE WHEN LOWER(LTRIM(RTRIM(c.country))) IN (N'br', N'bra', N'brasil', N'brazil') THEN N'Brasil' ELSE LTRIM(RTRIM(c.country)) END AS pais,
    NULLIF(zp.o, N'') AS cep,
    c.first_signup_date AS data_primeiro_cadastro, c.last_purchase_date AS data_ultima_compra, c.updated_at AS data_ultima_atualizacao,
    CAST(ISNULL(a.pedidos, 0) AS int) AS total_compras_historico,
    CAST(ISNULL(a.liquido, 0) AS decimal(15,2)) AS valor_total_gasto_historico,
    CAST(CASE WHEN ISNULL(a.pedidos, 0) = 0 THEN 0 ELSE a.liquido / a.pedidos END AS decimal(15,2)) AS ticket_medio_historico,
    CAST(CASE WHEN c.is_active = 1 AND c.deleted_at IS NULL THEN 1 ELSE 0 END AS bit) AS eh_ativo,
    c.accepts_email_marketing AS aceita_email_marketing, c.is_vip AS eh_cliente_vip
  FROM ${OLTP}.customers c
  LEFT JOIN cleaned ph ON ph.id = c.customer_id AND ph.k = 1
  LEFT JOIN cleaned dc ON dc.id = c.customer_id AND dc.k = 2
  LEFT JOIN cleaned zp ON zp.id = c.customer_id AND zp.k = 3
  LEFT JOIN cleaned sg ON sg.id = c.customer_id AND sg.k = 4
  LEFT JOIN cleaned ci ON ci.id = c.customer_id AND ci.k = 5
  LEFT JOIN (
    SELECT o.customer_id, COUNT(DISTINCT o.order_id) AS pedidos, ISNULL(SUM(i.net_amount), 0) AS liquido
    FROM ${OLTP}.orders o LEFT JOIN ${OLTP}.order_items i ON i.order_id = o.order_id AND i.deleted_at IS NULL
    WHERE o.deleted_at IS NULL GROUP BY o.customer_id) a ON a.customer_id = c.customer_id`;

const COLUMNS = ['cliente_original_id', 'nome_cliente', 'email', 'telefone', 'cpf_cnpj', 'data_nascimento', 'genero', 'tipo_cliente',
  'segmento', 'score_credito', 'categoria_valor', 'endereco_completo', 'bairro', 'cidade', 'estado', 'pais', 'cep',
  'data_primeiro_cadastro', 'data_ultima_compra', 'data_ultima_atualizacao', 'total_compras_historico',
  'valor_total_gasto_historico', 'ticket_medio_historico', 'eh_ativo', 'aceita_email_marketing', 'eh_cliente_vip'];
/** The columns as compared: text case-sensitively, under its own name. */
const COMPARED = COLUMNS.map((c) => (TEXT.has(c) ? `${c} ${CS} AS ${c}` : c)).join(', ');
const SIDES = `WITH ${CLEANED},
  e AS (${EXPECTED}),
  expected AS (SELECT ${COMPARED} FROM e),
  actual AS (SELECT ${COMPARED} FROM dim.dim_cliente WHERE cliente_original_id > 0)`;
const RECURSION = 'OPTION (MAXRECURSION 0)';

/** The checks that fail, with their counts, and dim_cliente against the contract with its first differing rows. */
export async function tsqlOracleDifferences(db: Engine): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [name, sql] of TSQL_ENTITY_CHECKS) {
    const n = await count(db, sql);
    if (n !== 0) out[name] = n;
  }
  const customers = await count(db, `${SIDES}
    SELECT (SELECT COUNT(*) FROM (SELECT * FROM expected EXCEPT SELECT * FROM actual) x)
      + (SELECT COUNT(*) FROM (SELECT * FROM actual EXCEPT SELECT * FROM expected) y) AS n ${RECURSION}`);
  if (customers > 0) {
    const rows = (await db.query(`${SIDES}
      SELECT TOP (4) * FROM (SELECT N'missing' AS side, * FROM (SELECT * FROM expected EXCEPT SELECT * FROM actual) x
        UNION ALL SELECT N'extra' AS side, * FROM (SELECT * FROM actual EXCEPT SELECT * FROM expected) y) d
      ORDER BY cliente_original_id ${RECURSION}`)).rows;
    out['dim_cliente (contract SQL)'] = { differing: customers, rows };
  }
  return out;
}
