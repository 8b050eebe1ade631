import { strict as assert } from 'node:assert';
import { RULES, findRule } from '../../../src/core/etl/rules/catalogue';
import { NAO_CLASSIFICADO } from '../../../src/core/etl/rules/domains';
import { UFS } from '../../../src/core/etl/rules/geo';
import type { ScalarRule } from '../../../src/core/etl/rules/types';

function scalar(name: string): ScalarRule {
  const r = findRule(name);
  assert.ok(r && r.kind === 'scalar', `${name} is a scalar rule`);
  return r;
}
const value = (name: string, input: unknown): unknown => {
  const out = scalar(name).apply(input);
  assert.ok(out.ok, `${name}(${JSON.stringify(input)}) was rejected: ${out.ok ? '' : out.reason}`);
  return out.value;
};
const rejects = (name: string, input: unknown): string => {
  const out = scalar(name).apply(input);
  assert.ok(!out.ok, `${name}(${JSON.stringify(input)}) should reject`);
  return out.reason;
};

describe('ETL rules catalogue', () => {
  it('holds every rule the dim_cliente mapping contract names', () => {
    for (const name of [
      'direto', 'normalizar_email', 'normalizar_telefone', 'normalizar_documento', 'normalizar_genero',
      'normalizar_tipo_cliente', 'normalizar_texto_titulo', 'clamp_score_credito', 'normalizar_categoria_valor',
      'normalizar_uf', 'normalizar_pais', 'normalizar_cep', 'bit_para_bool', 'agregar_count_pedidos',
      'agregar_sum_net_amount_por_cliente', 'agregar_ticket_medio_por_cliente',
    ]) assert.ok(RULES.has(name), name);
  });

  it('gives every scalar rule a SQL form in both dialects', () => {
    for (const r of RULES.values()) {
      if (r.kind !== 'scalar') continue;
      assert.ok(r.sql.postgres('x').value.length > 0, r.name);
      assert.ok(r.sql.sqlserver('x').value.length > 0, r.name);
    }
  });

  it('direto copies values and turns undefined into NULL', () => {
    assert.equal(value('direto', 'Ana'), 'Ana');
    assert.equal(value('direto', 0), 0);
    assert.equal(value('direto', undefined), null);
  });

  it('normalizar_email trims and lower-cases; blank is NULL', () => {
    assert.equal(value('normalizar_email', '  Ana.Silva@Example.COM \t'), 'ana.silva@example.com');
    assert.equal(value('normalizar_email', '   '), null);
    assert.equal(value('normalizar_email', null), null);
  });

  it('normalizar_telefone keeps digits and strips separators', () => {
    assert.equal(value('normalizar_telefone', '+55 (11) 98765-4321'), '5511987654321');
    assert.equal(value('normalizar_telefone', '11.3333.4444'), '1133334444');
    assert.equal(value('normalizar_telefone', ' - '), null);
    assert.equal(value('normalizar_telefone', null), null);
  });

  it('normalizar_telefone rejects letters instead of dropping them', () => {
    assert.match(rejects('normalizar_telefone', '11 9999 ramal 2'), /phone/);
  });

  it('normalizar_documento reduces CPF and CNPJ to digits', () => {
    assert.equal(value('normalizar_documento', '123.456.789-09'), '12345678909');
    assert.equal(value('normalizar_documento', '12.345.678/0001-95'), '12345678000195');
    assert.match(rejects('normalizar_documento', '123.456.789-0X'), /document/);
  });

  it('normalizar_cep reduces a CEP to digits, numbers included', () => {
    assert.equal(value('normalizar_cep', '01310-100'), '01310100');
    assert.equal(value('normalizar_cep', 1310100), '1310100');
  });

  it('normalizar_uf upper-cases and accepts exactly the 27 UFs', () => {
    assert.equal(UFS.length, 27);
    assert.equal(new Set(UFS).size, 27);
    for (const uf of UFS) assert.equal(value('normalizar_uf', ` ${uf.toLowerCase()} `), uf);
    assert.equal(value('normalizar_uf', ''), null);
    assert.match(rejects('normalizar_uf', 'XX'), /27 Brazilian UFs/);
    assert.match(rejects('normalizar_uf', 'São Paulo'), /UFs/);
  });

  it('normalizar_pais maps the synonyms of Brazil and keeps other countries', () => {
    for (const s of ['BR', 'br', ' Brasil ', 'BRASIL', 'Brazil', 'BRA']) assert.equal(value('normalizar_pais', s), 'Brasil');
    assert.equal(value('normalizar_pais', ' Portugal '), 'Portugal');
    assert.equal(value('normalizar_pais', null), null);
  });

  it('normalizar_texto_titulo title-cases words and collapses whitespace', () => {
    assert.equal(value('normalizar_texto_titulo', '  SÃO   pAULO '), 'São Paulo');
    assert.equal(value('normalizar_texto_titulo', 'pessoa\tfisica'), 'Pessoa Fisica');
    assert.equal(value('normalizar_texto_titulo', 'rio de janeiro'), 'Rio De Janeiro');
    assert.equal(value('normalizar_texto_titulo', ' '), null);
  });

  it('clamp_score_credito clamps to 0..1000 and rejects what is not a number', () => {
    assert.equal(value('clamp_score_credito', 1200), 1000);
    assert.equal(value('clamp_score_credito', -5), 0);
    assert.equal(value('clamp_score_credito', 512), 512);
    assert.equal(value('clamp_score_credito', '700'), 700);
    assert.equal(value('clamp_score_credito', 1000), 1000);
    assert.equal(value('clamp_score_credito', 0), 0);
    assert.equal(value('clamp_score_credito', null), null);
    assert.match(rejects('clamp_score_credito', 'alto'), /not a number/);
  });

  it('enum domains map case-insensitively and send the rest to Nao Classificado', () => {
    assert.equal(value('normalizar_tipo_cliente', ' vip '), 'VIP');
    assert.equal(value('normalizar_tipo_cliente', 'Recorrente'), 'Recorrente');
    assert.equal(value('normalizar_tipo_cliente', 'Ouro'), NAO_CLASSIFICADO);
    assert.equal(value('normalizar_tipo_cliente', null), NAO_CLASSIFICADO);
    assert.equal(value('normalizar_genero', 'f'), 'F');
    assert.equal(value('normalizar_genero', 'X'), NAO_CLASSIFICADO);
    assert.equal(value('normalizar_status_produto', 'descontinuado'), 'Descontinuado');
  });

  it('bit_para_bool maps bits and booleans and rejects anything else', () => {
    assert.equal(value('bit_para_bool', 1), true);
    assert.equal(value('bit_para_bool', 0), false);
    assert.equal(value('bit_para_bool', '1'), true);
    assert.equal(value('bit_para_bool', true), true);
    assert.equal(value('bit_para_bool', false), false);
    assert.equal(value('bit_para_bool', null), null);
    assert.match(rejects('bit_para_bool', 2), /not a bit/);
  });

  it('bit_para_status_ativo_inativo and status_para_bool', () => {
    assert.equal(value('bit_para_status_ativo_inativo', 1), 'Ativo');
    assert.equal(value('bit_para_status_ativo_inativo', false), 'Inativo');
    assert.equal(value('status_para_bool', ' ATIVO '), true);
    assert.equal(value('status_para_bool', 'Ferias'), false);
    assert.equal(value('status_para_bool', null), null);
  });

  it('surrogate-key lookups fall back to the unknown member of a named dimension', () => {
    const r = findRule('buscar_dim_cliente_por_original');
    assert.ok(r && r.kind === 'lookup');
    assert.deepEqual(r.dimension, { table: 'dim.dim_cliente', naturalKey: 'cliente_original_id', surrogateKey: 'cliente_id' });
  });
});
