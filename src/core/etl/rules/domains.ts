import type { ScalarRule } from './types';
import { accepted } from './types';
import { trimmed } from './text';

/** The member every value outside an enum's domain (NULL included) becomes. */
export const NAO_CLASSIFICADO = 'Nao Classificado';

/**
 * An enum domain: the source value, trimmed and compared case-insensitively, becomes the
 * domain's canonical spelling; anything else becomes 'Nao Classificado'. Never rejects: an
 * unexpected category is a fact about the source that the dashboards must show.
 */
export function domainRule(name: string, what: string, members: readonly string[]): ScalarRule {
  const pgCases = members.map((m) => `WHEN '${m.toLowerCase()}' THEN '${m}'`).join(' ');
  return {
    name,
    kind: 'scalar',
    summary: `Maps ${what} to one of ${members.join(', ')}; anything else to '${NAO_CLASSIFICADO}'.`,
    accepts: ['text'],
    produces: 'text',
    apply: (v) => {
      const s = trimmed(v)?.toLowerCase();
      return accepted(members.find((m) => m.toLowerCase() === s) ?? NAO_CLASSIFICADO);
    },
    sql: {
      postgres: (x) => ({
        value: `CASE lower(btrim(${x}, E' \\t\\r\\n')) ${pgCases} ELSE '${NAO_CLASSIFICADO}' END`,
      }),
      sqlserver: (x) => ({
        value: `CASE LOWER(TRIM(CHAR(32)+CHAR(9)+CHAR(13)+CHAR(10) FROM ${x})) ${pgCases} ELSE '${NAO_CLASSIFICADO}' END`,
      }),
    },
  };
}

/** Domains of the OLTP CHECK constraints (DOMAIN.md, `core.*`). */
export const DOMAINS = {
  genero: ['M', 'F', 'O'],
  tipo_cliente: ['Novo', 'Recorrente', 'VIP', 'Inativo'],
  categoria_valor: ['Bronze', 'Prata', 'Ouro', 'Platina'],
  status_produto: ['Ativo', 'Inativo', 'Descontinuado'],
  status_vendedor: ['Ativo', 'Inativo', 'Afastado', 'Desligado'],
  tipo_equipe: ['Interna', 'Externa', 'Digital', 'Televendas'],
  tipo_desconto: ['Cupom', 'Promocao', 'Fidelidade', 'Sazonal'],
  metodo_desconto: ['Percentual', 'Valor Fixo'],
  escopo_desconto: ['Pedido', 'Item', 'Categoria'],
  nivel_aplicacao: ['Pedido', 'Item'],
  tipo_periodo: ['Mensal'],
} as const satisfies Record<string, readonly string[]>;

export const domainRules: readonly ScalarRule[] = [
  domainRule('normalizar_genero', 'a gender', DOMAINS.genero),
  domainRule('normalizar_tipo_cliente', 'a customer type', DOMAINS.tipo_cliente),
  domainRule('normalizar_categoria_valor', 'a value category', DOMAINS.categoria_valor),
  domainRule('normalizar_status_produto', 'a product status', DOMAINS.status_produto),
  domainRule('normalizar_status_vendedor', 'a seller status', DOMAINS.status_vendedor),
  domainRule('normalizar_tipo_equipe', 'a team type', DOMAINS.tipo_equipe),
  domainRule('normalizar_tipo_desconto', 'a discount type', DOMAINS.tipo_desconto),
  domainRule('normalizar_metodo_desconto', 'a discount method', DOMAINS.metodo_desconto),
  domainRule('normalizar_escopo_desconto', 'a discount scope', DOMAINS.escopo_desconto),
  domainRule('normalizar_nivel_aplicacao', 'an application level', DOMAINS.nivel_aplicacao),
  domainRule('normalizar_tipo_periodo', 'a period type', DOMAINS.tipo_periodo),
];
