/** Reference data for Brazilian-realistic rows: cities with IBGE codes, names, streets. */
export interface City {
  readonly city: string;
  readonly state: string;
  readonly stateName: string;
  readonly region: 'Norte' | 'Nordeste' | 'Centro-Oeste' | 'Sudeste' | 'Sul';
  readonly ibge: string;
  /** First three digits of the city's CEPs. */
  readonly cep: string;
  /** Relative share of customers. */
  readonly weight: number;
}

type CityTuple = readonly [string, string, string, City['region'], string, string, number];

const CITY_ROWS: readonly CityTuple[] = [
  ['São Paulo', 'SP', 'São Paulo', 'Sudeste', '3550308', '010', 12],
  ['Campinas', 'SP', 'São Paulo', 'Sudeste', '3509502', '130', 3],
  ['Santos', 'SP', 'São Paulo', 'Sudeste', '3548500', '110', 2],
  ['Guarulhos', 'SP', 'São Paulo', 'Sudeste', '3518800', '070', 2],
  ['Ribeirão Preto', 'SP', 'São Paulo', 'Sudeste', '3543402', '140', 2],
  ['Sorocaba', 'SP', 'São Paulo', 'Sudeste', '3552205', '180', 2],
  ['Rio de Janeiro', 'RJ', 'Rio de Janeiro', 'Sudeste', '3304557', '200', 7],
  ['Niterói', 'RJ', 'Rio de Janeiro', 'Sudeste', '3303302', '240', 2],
  ['Belo Horizonte', 'MG', 'Minas Gerais', 'Sudeste', '3106200', '301', 4],
  ['Uberlândia', 'MG', 'Minas Gerais', 'Sudeste', '3170206', '384', 2],
  ['Juiz de Fora', 'MG', 'Minas Gerais', 'Sudeste', '3136702', '360', 1],
  ['Vitória', 'ES', 'Espírito Santo', 'Sudeste', '3205309', '290', 1],
  ['Curitiba', 'PR', 'Paraná', 'Sul', '4106902', '800', 3],
  ['Londrina', 'PR', 'Paraná', 'Sul', '4113700', '860', 1],
  ['Florianópolis', 'SC', 'Santa Catarina', 'Sul', '4205407', '880', 2],
  ['Joinville', 'SC', 'Santa Catarina', 'Sul', '4209102', '892', 1],
  ['Porto Alegre', 'RS', 'Rio Grande do Sul', 'Sul', '4314902', '900', 3],
  ['Caxias do Sul', 'RS', 'Rio Grande do Sul', 'Sul', '4305108', '950', 1],
  ['Brasília', 'DF', 'Distrito Federal', 'Centro-Oeste', '5300108', '700', 3],
  ['Goiânia', 'GO', 'Goiás', 'Centro-Oeste', '5208707', '740', 2],
  ['Cuiabá', 'MT', 'Mato Grosso', 'Centro-Oeste', '5103403', '780', 1],
  ['Campo Grande', 'MS', 'Mato Grosso do Sul', 'Centro-Oeste', '5002704', '790', 1],
  ['Salvador', 'BA', 'Bahia', 'Nordeste', '2927408', '400', 3],
  ['Feira de Santana', 'BA', 'Bahia', 'Nordeste', '2910800', '440', 1],
  ['Recife', 'PE', 'Pernambuco', 'Nordeste', '2611606', '500', 3],
  ['Fortaleza', 'CE', 'Ceará', 'Nordeste', '2304400', '600', 3],
  ['São Luís', 'MA', 'Maranhão', 'Nordeste', '2111300', '650', 1],
  ['Teresina', 'PI', 'Piauí', 'Nordeste', '2211001', '640', 1],
  ['Natal', 'RN', 'Rio Grande do Norte', 'Nordeste', '2408102', '590', 1],
  ['João Pessoa', 'PB', 'Paraíba', 'Nordeste', '2507507', '580', 1],
  ['Maceió', 'AL', 'Alagoas', 'Nordeste', '2704302', '570', 1],
  ['Aracaju', 'SE', 'Sergipe', 'Nordeste', '2800308', '490', 1],
  ['Manaus', 'AM', 'Amazonas', 'Norte', '1302603', '690', 2],
  ['Belém', 'PA', 'Pará', 'Norte', '1501402', '660', 2],
  ['Porto Velho', 'RO', 'Rondônia', 'Norte', '1100205', '768', 1],
  ['Rio Branco', 'AC', 'Acre', 'Norte', '1200401', '699', 1],
  ['Macapá', 'AP', 'Amapá', 'Norte', '1600303', '689', 1],
  ['Boa Vista', 'RR', 'Roraima', 'Norte', '1400100', '693', 1],
  ['Palmas', 'TO', 'Tocantins', 'Norte', '1721000', '770', 1],
];

export const CITIES: readonly City[] = CITY_ROWS.map(([city, state, stateName, region, ibge, cep, weight]) => ({
  city, state, stateName, region, ibge, cep, weight,
}));

export const CITY_WEIGHTS: readonly (readonly [number, number])[] = CITIES.map((c, i) => [i, c.weight]);

export const FIRST_NAMES_F = [
  'Ana', 'Maria', 'Juliana', 'Fernanda', 'Camila', 'Beatriz', 'Larissa', 'Patrícia', 'Aline', 'Gabriela',
  'Mariana', 'Letícia', 'Vanessa', 'Bruna', 'Carolina', 'Amanda', 'Jéssica', 'Renata', 'Luciana', 'Isabela',
] as const;
export const FIRST_NAMES_M = [
  'João', 'José', 'Carlos', 'Paulo', 'Lucas', 'Pedro', 'Gabriel', 'Rafael', 'Marcos', 'Felipe',
  'Bruno', 'Gustavo', 'Rodrigo', 'Thiago', 'Mateus', 'André', 'Eduardo', 'Leonardo', 'Diego', 'Vinícius',
] as const;
export const SURNAMES = [
  'Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves', 'Pereira', 'Lima', 'Gomes',
  'Costa', 'Ribeiro', 'Martins', 'Carvalho', 'Almeida', 'Lopes', 'Soares', 'Fernandes', 'Vieira', 'Barbosa',
  'Rocha', 'Dias', 'Nascimento', 'Andrade', 'Moreira', 'Nunes', 'Marques', 'Machado', 'Mendes', 'Freitas',
] as const;
export const COMPANY_SUFFIXES = ['Comércio Ltda', 'Distribuidora Ltda', 'Serviços ME', 'Indústria S.A.', 'Varejo EIRELI'] as const;
export const STREET_TYPES = ['Rua', 'Avenida', 'Travessa', 'Alameda'] as const;
export const STREET_NAMES = [
  'das Flores', 'Sete de Setembro', 'XV de Novembro', 'Brasil', 'Getúlio Vargas', 'Tiradentes',
  'Dom Pedro II', 'Santos Dumont', 'Rui Barbosa', 'das Palmeiras', 'São João', 'Paulista',
] as const;
export const DISTRICTS = ['Centro', 'Jardim América', 'Vila Nova', 'Boa Vista', 'Santa Cruz', 'Liberdade', 'Bela Vista', 'São José'] as const;
export const EMAIL_DOMAINS = ['gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.com.br', 'uol.com.br', 'bol.com.br'] as const;

/** Phone area code (DDD) by UF. */
export const DDD: Readonly<Record<string, string>> = {
  SP: '11', RJ: '21', MG: '31', ES: '27', PR: '41', SC: '48', RS: '51', DF: '61', GO: '62', MT: '65',
  MS: '67', BA: '71', PE: '81', CE: '85', MA: '98', PI: '86', RN: '84', PB: '83', AL: '82', SE: '79',
  AM: '92', PA: '91', RO: '69', AC: '68', AP: '96', RR: '95', TO: '63',
};

/** Removes accents, for e-mail addresses. */
export function ascii(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}
