import type { LookupRule } from './types';

function lookup(name: string, table: string, naturalKey: string, surrogateKey: string): LookupRule {
  return {
    name,
    kind: 'lookup',
    summary: `Surrogate key of ${table} by ${naturalKey}; -1 (unknown member) when absent.`,
    dimension: { table, naturalKey, surrogateKey },
    match: 'natural-key',
  };
}

/** Surrogate-key lookups of the mapping contract, resolved in the target during the merge. */
export const lookupRules: readonly LookupRule[] = [
  lookup('buscar_dim_cliente_por_original', 'dim.dim_cliente', 'cliente_original_id', 'cliente_id'),
  lookup('buscar_dim_produto_por_original', 'dim.dim_produto', 'produto_original_id', 'produto_id'),
  lookup('buscar_dim_regiao_por_original', 'dim.dim_regiao', 'regiao_original_id', 'regiao_id'),
  lookup('buscar_dim_vendedor_por_original', 'dim.dim_vendedor', 'vendedor_original_id', 'vendedor_id'),
  lookup('buscar_dim_equipe_por_original', 'dim.dim_equipe', 'equipe_original_id', 'equipe_id'),
  lookup('buscar_dim_desconto_por_original', 'dim.dim_desconto', 'desconto_original_id', 'desconto_id'),
  {
    name: 'buscar_dim_data_por_data',
    kind: 'lookup',
    summary: 'Key of dim.dim_data for a date (YYYYMMDD); -1 when the calendar lacks it.',
    dimension: { table: 'dim.dim_data', naturalKey: 'data', surrogateKey: 'data_id' },
    match: 'date',
  },
  {
    name: 'buscar_fact_vendas_por_chave_origem',
    kind: 'lookup',
    summary: 'Key of fact.fact_vendas by the order item (item_pedido_original_id); fact_vendas loads first in a run, and -1 (no such sale) breaks the foreign key, so the batch fails rather than load an orphan.',
    dimension: { table: 'fact.fact_vendas', naturalKey: 'item_pedido_original_id', surrogateKey: 'venda_id' },
    match: 'natural-key',
  },
  {
    name: 'buscar_dim_data_primeiro_dia_mes',
    kind: 'lookup',
    summary: 'Key of dim.dim_data for the first day of a month (the definition derives that day); -1 when the calendar lacks it.',
    dimension: { table: 'dim.dim_data', naturalKey: 'data', surrogateKey: 'data_id' },
    match: 'date',
  },
];
