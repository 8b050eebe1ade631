import { strict as assert } from 'node:assert';
import { cnpjFromBase, cpfFromBase, isValidCnpj, isValidCpf } from '../../../src/core/generate/documents';

describe('CPF and CNPJ check digits', () => {
  it('computes the check digits of known valid numbers', () => {
    assert.equal(cpfFromBase('529982247'), '52998224725');
    assert.equal(cpfFromBase('111444777'), '11144477735');
    assert.equal(cnpjFromBase('112223330001'), '11222333000181');
    assert.equal(cnpjFromBase('114447770001'), '11444777000161');
  });

  it('accepts formatted valid numbers and rejects altered or repeated ones', () => {
    assert.ok(isValidCpf('529.982.247-25'));
    assert.ok(!isValidCpf('529.982.247-26'));
    assert.ok(!isValidCpf('111.111.111-11'));
    assert.ok(isValidCnpj('11.222.333/0001-81'));
    assert.ok(!isValidCnpj('11.222.333/0001-80'));
  });
});
