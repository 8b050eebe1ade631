import {
  ascii, CITIES, CITY_WEIGHTS, COMPANY_SUFFIXES, DDD, DISTRICTS, EMAIL_DOMAINS, FIRST_NAMES_F,
  FIRST_NAMES_M, STREET_NAMES, STREET_TYPES, SURNAMES, type City,
} from './brazil';
import { cnpjFromBase, cpfFromBase, formatCnpj, formatCpf } from './documents';
import { DAY_MS, seconds, utcDay, type GenerationPlan } from './plan';
import { rowRandom, type Random } from './random';
import type { GeneratedRow } from './row';

/** Rows of core.regions, core.suppliers, core.customers, core.teams and core.sellers. */

export function cityOf(plan: GenerationPlan, customerId: number): number {
  return rowRandom(plan.seed, 'customer-city', customerId).weighted(CITY_WEIGHTS);
}

const city = (index: number): City => {
  const c = CITIES[index];
  if (c === undefined) throw new RangeError(`no city ${index}`);
  return c;
};

function phone(r: Random, state: string): string {
  return `(${DDD[state] ?? '11'}) 9${r.digits(4)}-${r.digits(4)}`;
}

function cep(r: Random, c: City): string {
  return `${c.cep}${r.digits(2)}-${r.digits(3)}`;
}

function personName(r: Random, gender: 'M' | 'F' | 'O'): string {
  const first = gender === 'F' ? r.pick(FIRST_NAMES_F) : gender === 'M' ? r.pick(FIRST_NAMES_M) : r.pick([...FIRST_NAMES_F, ...FIRST_NAMES_M]);
  const middle = r.chance(0.5) ? ` ${r.pick(SURNAMES)}` : '';
  return `${first}${middle} ${r.pick(SURNAMES)}`;
}

function emailFor(r: Random, name: string, id: number): string {
  const local = ascii(name).toLowerCase().replace(/[^a-z ]/g, '').trim().split(/\s+/).join('.');
  const address = `${local}${id}@${r.pick(EMAIL_DOMAINS)}`;
  // Some addresses arrive untidy, so the ETL's normalisation has real work.
  return r.chance(0.05) ? `  ${address.toUpperCase()} ` : address;
}

/** Creation time within the period, leaving room for later updates. */
function createdWithin(r: Random, plan: GenerationPlan): number {
  const span = plan.periodEnd.getTime() - plan.periodStart.getTime();
  return plan.periodStart.getTime() + Math.floor(r.next() * span * 0.9);
}

function updatedAfter(r: Random, plan: GenerationPlan, created: number): number {
  return r.chance(0.6) ? created : Math.min(plan.periodEnd.getTime(), created + r.int(1, 120) * DAY_MS + r.int(0, 86_399) * 1000);
}

export function* regionRows(plan: GenerationPlan): Generator<GeneratedRow> {
  for (let id = 1; id <= plan.regions; id++) {
    const c = city(id - 1);
    const at = seconds(plan.periodStart.getTime() - 365 * DAY_MS);
    yield {
      region_id: id, country: 'Brasil', region_name: c.region, state: c.state, state_name: c.stateName,
      city: c.city, ibge_code: c.ibge, is_active: true, created_at: at, updated_at: at, deleted_at: null,
    };
  }
}

export function* supplierRows(plan: GenerationPlan): Generator<GeneratedRow> {
  for (let id = 1; id <= plan.suppliers; id++) {
    const r = rowRandom(plan.seed, 'suppliers', id);
    const c = city(r.weighted(CITY_WEIGHTS));
    const name = `${r.pick(SURNAMES)} ${r.pick(SURNAMES)} ${r.pick(COMPANY_SUFFIXES)}`;
    const at = seconds(plan.periodStart.getTime() - r.int(30, 700) * DAY_MS);
    yield {
      supplier_id: id, supplier_code: `FOR-${String(id).padStart(5, '0')}`, supplier_name: name,
      document_number: cnpjFromBase(`${r.digits(8)}0001`), email: `contato${id}@${ascii(name.split(' ')[0] ?? 'fornecedor').toLowerCase()}.com.br`,
      phone: phone(r, c.state), city: c.city, state: c.state, country: 'Brasil', is_active: r.chance(0.95),
      created_at: at, updated_at: at, deleted_at: null,
    };
  }
}

export function customerRow(plan: GenerationPlan, id: number): GeneratedRow {
  const r = rowRandom(plan.seed, 'customers', id);
  const c = city(cityOf(plan, id));
  const company = r.chance(0.1);
  const gender = company ? null : r.weighted([['F', 48], ['M', 48], ['O', 4]] as const);
  const name = company ? `${r.pick(SURNAMES)} ${r.pick(COMPANY_SUFFIXES)}` : personName(r, gender ?? 'O');
  const document = company ? cnpjFromBase(`${r.digits(8)}0001`) : cpfFromBase(r.digits(9));
  const created = createdWithin(r, plan);
  const updated = updatedAfter(r, plan, created);
  const score = r.int(0, 1000);
  const vip = score > 900 && r.chance(0.5);
  const active = r.chance(0.93);
  return {
    customer_id: id,
    customer_code: `CLI-${String(id).padStart(8, '0')}`,
    full_name: name,
    email: r.chance(0.97) ? emailFor(r, name, id) : null,
    phone: r.chance(0.9) ? phone(r, c.state) : null,
    document_number: r.chance(0.8) ? (company ? formatCnpj(document) : formatCpf(document)) : document,
    birth_date: company ? null : utcDay(Date.UTC(1950, 0, 1) + r.int(0, 50 * 365) * DAY_MS),
    gender,
    customer_type: !active ? 'Inativo' : vip ? 'VIP' : r.chance(0.6) ? 'Recorrente' : 'Novo',
    segment: company ? 'Pessoa Juridica' : 'Pessoa Fisica',
    credit_score: score,
    value_category: r.pick(['Bronze', 'Prata', 'Ouro', 'Platina']),
    address_line: `${r.pick(STREET_TYPES)} ${r.pick(STREET_NAMES)}, ${r.int(1, 3000)}`,
    district: r.pick(DISTRICTS),
    city: r.chance(0.05) ? c.city.toUpperCase() : c.city,
    state: c.state,
    country: r.chance(0.1) ? 'BR' : 'Brasil',
    zip_code: cep(r, c),
    first_signup_date: utcDay(created),
    last_purchase_date: null,
    is_active: active,
    accepts_email_marketing: r.chance(0.4),
    is_vip: vip,
    created_at: seconds(created),
    updated_at: seconds(updated),
    deleted_at: null,
  };
}

export function* customerRows(plan: GenerationPlan, first = 1, last = plan.customers): Generator<GeneratedRow> {
  for (let id = first; id <= last; id++) yield customerRow(plan, id);
}

export function teamRegion(plan: GenerationPlan, teamId: number): number {
  return ((teamId * 7) % plan.regions) + 1;
}

export function* teamRows(plan: GenerationPlan): Generator<GeneratedRow> {
  const types = ['Interna', 'Externa', 'Digital', 'Televendas'] as const;
  for (let id = 1; id <= plan.teams; id++) {
    const r = rowRandom(plan.seed, 'teams', id);
    const regionId = teamRegion(plan, id);
    const c = city(regionId - 1);
    const type = types[(id - 1) % types.length] ?? 'Interna';
    const at = seconds(plan.periodStart.getTime() - r.int(30, 365) * DAY_MS);
    yield {
      team_id: id, team_code: `EQ-${String(id).padStart(4, '0')}`, team_name: `Equipe ${c.city} ${type} ${id}`,
      team_type: type, team_category: r.pick(['Varejo', 'Corporativo', 'Marketplace']), region_id: regionId,
      is_active: true, created_at: at, updated_at: at, deleted_at: null,
    };
  }
}

/** The team of a seller; sellers 1..teams lead their team (no manager). */
export function sellerTeam(plan: GenerationPlan, sellerId: number): number {
  return ((sellerId - 1) % plan.teams) + 1;
}

export function* sellerRows(plan: GenerationPlan): Generator<GeneratedRow> {
  for (let id = 1; id <= plan.sellers; id++) {
    const r = rowRandom(plan.seed, 'sellers', id);
    const team = sellerTeam(plan, id);
    const c = city(teamRegion(plan, team) - 1);
    const gender = r.chance(0.5) ? 'F' : 'M';
    const name = personName(r, gender);
    const status = r.weighted([['Ativo', 90], ['Afastado', 4], ['Inativo', 3], ['Desligado', 3]] as const);
    const hired = plan.periodStart.getTime() - r.int(30, 2000) * DAY_MS;
    const at = seconds(hired);
    const left = status === 'Desligado' ? seconds(plan.periodEnd.getTime() - r.int(1, 300) * DAY_MS) : null;
    yield {
      seller_id: id, seller_code: `VEN-${String(id).padStart(5, '0')}`, seller_name: name,
      email: `${ascii(name).toLowerCase().replace(/\s+/g, '.')}${id}@empresa.com.br`, team_id: team,
      manager_seller_id: id <= plan.teams ? null : team, home_state: c.state, home_city: c.city,
      monthly_goal_amount: `${r.int(20, 200) * 1000}.00`, hire_date: utcDay(hired), seller_status: status,
      created_at: at, updated_at: left ?? at, deleted_at: left,
    };
  }
}
