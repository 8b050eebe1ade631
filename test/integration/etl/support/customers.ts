import type { Engine } from '../../../../src/core/engine/types';

/** A customer row for core.customers; dirty on purpose where the OLTP constraints allow it. */
export interface CustomerSeed {
  readonly id: number;
  readonly name?: string;
  readonly email?: string | null;
  readonly phone?: string | null;
  readonly document?: string | null;
  readonly city?: string | null;
  readonly state?: string | null;
  readonly country?: string;
  readonly zip?: string | null;
  readonly segment?: string | null;
  readonly creditScore?: number | null;
  readonly updatedAt: string;
  readonly deletedAt?: string | null;
}

export async function insertCustomers(engine: Engine, rows: readonly CustomerSeed[]): Promise<void> {
  for (const r of rows) {
    await engine.query(
      `INSERT INTO core.customers (customer_id, customer_code, full_name, email, phone, document_number, birth_date, gender,
          customer_type, segment, credit_score, value_category, address_line, district, city, state, country, zip_code,
          first_signup_date, last_purchase_date, is_active, accepts_email_marketing, is_vip, created_at, updated_at, deleted_at)
        VALUES ($1, $2, $3, $4, $5, $6, DATE '1990-05-01', 'F', 'VIP', $7, $8, 'Ouro', 'Rua A, 10', 'Centro', $9, $10, $11, $12,
          DATE '2024-01-02', NULL, true, true, false, TIMESTAMP '2024-01-01 00:00:00', CAST($13 AS timestamp), CAST($14 AS timestamp))`,
      [
        r.id, `C${r.id}`, r.name ?? `Cliente ${r.id}`, r.email === undefined ? ` Cliente${r.id}@Mail.COM ` : r.email,
        r.phone === undefined ? '(11) 98888-0000' : r.phone, r.document === undefined ? '123.456.789-09' : r.document,
        r.segment === undefined ? 'Pessoa Fisica' : r.segment, r.creditScore === undefined ? 700 : r.creditScore,
        r.city === undefined ? '  SÃO   paulo ' : r.city, r.state === undefined ? 'SP' : r.state, r.country ?? 'BR',
        r.zip === undefined ? '01310-100' : r.zip, r.updatedAt, r.deletedAt ?? null,
      ],
    );
  }
}

/**
 * dim_cliente as the mapping contract defines it, computed with plain SQL over the source,
 * written independently of the rule catalogue's SQL forms.
 */
export const EXPECTED_DIM_CLIENTE = `
  SELECT c.customer_id AS cliente_original_id, c.full_name AS nome_cliente,
    NULLIF(lower(trim(c.email)), '') AS email,
    NULLIF(regexp_replace(c.phone, '\\D', '', 'g'), '') AS telefone,
    NULLIF(regexp_replace(c.document_number, '\\D', '', 'g'), '') AS cpf_cnpj,
    c.birth_date AS data_nascimento,
    CASE WHEN c.gender IN ('M', 'F', 'O') THEN c.gender ELSE 'Nao Classificado' END AS genero,
    CASE WHEN c.customer_type IN ('Novo', 'Recorrente', 'VIP', 'Inativo') THEN c.customer_type ELSE 'Nao Classificado' END AS tipo_cliente,
    initcap(regexp_replace(trim(c.segment), '\\s+', ' ', 'g')) AS segmento,
    CASE WHEN c.credit_score IS NOT NULL THEN LEAST(1000, GREATEST(0, c.credit_score)) END AS score_credito,
    CASE WHEN c.value_category IN ('Bronze', 'Prata', 'Ouro', 'Platina') THEN c.value_category ELSE 'Nao Classificado' END AS categoria_valor,
    c.address_line AS endereco_completo, c.district AS bairro,
    initcap(regexp_replace(trim(c.city), '\\s+', ' ', 'g')) AS cidade,
    NULLIF(upper(trim(c.state)), '') AS estado,
    CASE WHEN lower(trim(c.country)) IN ('br', 'bra', 'brasil', 'brazil') THEN 'Brasil' ELSE trim(c.country) END AS pais,
    NULLIF(regexp_replace(c.zip_code, '\\D', '', 'g'), '') AS cep,
    c.first_signup_date AS data_primeiro_cadastro, c.last_purchase_date AS data_ultima_compra,
    c.updated_at AS data_ultima_atualizacao,
    CAST(COALESCE(a.pedidos, 0) AS int) AS total_compras_historico,
    CAST(COALESCE(a.liquido, 0) AS numeric(15,2)) AS valor_total_gasto_historico,
    CAST(CASE WHEN COALESCE(a.pedidos, 0) = 0 THEN 0 ELSE a.liquido / a.pedidos END AS numeric(15,2)) AS ticket_medio_historico,
    (c.is_active AND c.deleted_at IS NULL) AS eh_ativo,
    c.accepts_email_marketing AS aceita_email_marketing, c.is_vip AS eh_cliente_vip
  FROM core.customers c
  LEFT JOIN (
    SELECT o.customer_id, count(DISTINCT o.order_id) AS pedidos, COALESCE(sum(i.net_amount), 0) AS liquido
    FROM core.orders o LEFT JOIN core.order_items i ON i.order_id = o.order_id AND i.deleted_at IS NULL
    WHERE o.deleted_at IS NULL GROUP BY o.customer_id) a ON a.customer_id = c.customer_id`;

export const DIM_CLIENTE_COLUMNS = `cliente_original_id, nome_cliente, email, telefone, cpf_cnpj, data_nascimento, genero,
  tipo_cliente, segmento, score_credito, categoria_valor, endereco_completo, bairro, cidade, estado, pais, cep,
  data_primeiro_cadastro, data_ultima_compra, data_ultima_atualizacao, total_compras_historico,
  valor_total_gasto_historico, ticket_medio_historico, eh_ativo, aceita_email_marketing, eh_cliente_vip`;

/** Rows of the target that differ from the expected result, both directions (empty when equal). */
export async function dimClienteDifferences(engine: Engine, where = 'true'): Promise<unknown[]> {
  const r = await engine.query(`
    (SELECT 'missing' AS side, * FROM ((SELECT * FROM (${EXPECTED_DIM_CLIENTE}) e WHERE ${where})
       EXCEPT SELECT ${DIM_CLIENTE_COLUMNS} FROM dim.dim_cliente) x)
    UNION ALL
    (SELECT 'extra' AS side, * FROM ((SELECT ${DIM_CLIENTE_COLUMNS} FROM dim.dim_cliente)
       EXCEPT (SELECT * FROM (${EXPECTED_DIM_CLIENTE}) e WHERE ${where})) y)
    LIMIT 20`);
  return r.rows;
}

/** dim_cliente members (the unknown member aside) that differ from the expected SQL, both sides filtered alike. */
export async function dimClienteDiff(db: Engine, where = 'true'): Promise<number> {
  const dim = `SELECT ${DIM_CLIENTE_COLUMNS} FROM dim.dim_cliente WHERE cliente_original_id > 0 AND ${where}`;
  const expected = `SELECT * FROM (${EXPECTED_DIM_CLIENTE}) e WHERE ${where}`;
  const r = await db.query<{ n: unknown }>(`SELECT (SELECT count(*) FROM ((${expected}) EXCEPT (${dim})) x) + (SELECT count(*) FROM ((${dim}) EXCEPT (${expected})) y) AS n`);
  return Number(r.rows[0]?.n);
}
