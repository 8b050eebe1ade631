import { accepted, type ScalarRule } from './types';

/**
 * Rules whose value a derived column of the extract computes set-based in the server (a join to
 * another table, a per-group aggregate, a flag over other rows): the definition's derived SQL
 * does the work, the rule names it and passes the value through unchanged.
 */
function derivedRule(name: string, summary: string): ScalarRule {
  return {
    name,
    kind: 'scalar',
    summary: `${summary} (a derived column of the extract).`,
    accepts: ['text', 'integer', 'decimal', 'boolean', 'date', 'timestamp'],
    produces: 'source',
    apply: (v) => accepted(v ?? null),
    sql: { postgres: (x) => ({ value: x }), sqlserver: (x) => ({ value: x }) },
  };
}

export const derivedRules: readonly ScalarRule[] = [
  derivedRule('buscar_supplier_name_por_id', 'Supplier name of the product, core.suppliers by supplier_id'),
  derivedRule('buscar_regional_por_region_id', 'Region name of the team, core.regions by region_id'),
  derivedRule('buscar_estado_por_region_id', 'State (UF) of the team, core.regions by region_id'),
  derivedRule('buscar_cidade_por_region_id', 'City of the team, core.regions by region_id'),
  derivedRule('derivar_lider_por_equipe', 'Team leader: the team member without a manager, lowest seller_id first'),
  derivedRule('agregar_sum_meta_equipe', 'Sum of the monthly goals of the team members'),
  derivedRule('calcular_meta_trimestral_equipe', 'Sum of the team members’ targets of the latest quarter'),
  derivedRule('calcular_meta_anual_equipe', 'Sum of the team members’ targets of the latest year'),
  derivedRule('agregar_sum_meta_quantidade_equipe', 'Sum of the team members’ target quantities of the latest month'),
  derivedRule('agregar_count_membros_equipe', 'Number of active (not deleted) team members'),
  derivedRule('buscar_nome_equipe_por_team_id', 'Team name of the seller, core.teams by team_id'),
  derivedRule('buscar_nome_gerente_por_manager_id', 'Manager name of the seller, core.sellers by manager_seller_id'),
  derivedRule('calcular_meta_trimestral', 'Monthly goal times three'),
  derivedRule('derivar_flag_lider', 'Whether the seller manages other sellers'),
  derivedRule('regra_status_aceita_clientes', 'Whether the seller takes new customers (status Ativo)'),
  derivedRule('calcular_percentual_atingido', 'Realized amount as a percentage of the target (0 when the target is 0)'),
  derivedRule('calcular_gap_meta', 'Target amount minus realized amount'),
  derivedRule('calcular_ticket_medio_realizado', 'Realized amount per realized unit (NULL without units)'),
  derivedRule('calcular_ranking_periodo', 'Rank of the seller by realized amount within the month (1 is best)'),
  derivedRule('calcular_quartil_performance', 'Quartile of the seller by realized amount within the month (1 is best)'),
  derivedRule('calcular_meta_batida', 'Whether the realized amount reached the target'),
  derivedRule('calcular_meta_superada', 'Whether the realized amount exceeded the target'),
  derivedRule('calcular_margem_antes_desconto', 'Amount before the discount minus the order item’s cost (fact_vendas.custo_total)'),
  derivedRule('calcular_margem_apos_desconto', 'Amount after the discount minus the order item’s cost (fact_vendas.custo_total)'),
  derivedRule('calcular_impacto_margem', 'Margin lost to the discount: margin before minus margin after'),
  derivedRule('calcular_percentual_desconto', 'Discount as a percentage of the amount before it (NULL when that is 0)'),
];
