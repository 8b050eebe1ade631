import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { SecretMasker, generateStackPassword, meetsSqlServerPasswordPolicy } from '../../../src/core/stack/secrets';

describe('stack secrets', () => {
  it('generated passwords always meet SQL Server password policy', () => {
    fc.assert(
      fc.property(fc.integer({ min: 12, max: 64 }), (length) => {
        const p = generateStackPassword(length);
        return p.length === length && meetsSqlServerPasswordPolicy(p);
      }),
      { numRuns: 300 },
    );
  });

  it('generated passwords hold no character that needs quoting in .env, compose or sqlcmd', () => {
    for (let i = 0; i < 200; i++) assert.doesNotMatch(generateStackPassword(), /["'$\\`\s]/);
  });

  it('generated passwords differ from one call to the next', () => {
    const seen = new Set(Array.from({ length: 50 }, () => generateStackPassword()));
    assert.equal(seen.size, 50);
  });

  it('refuses to generate a password shorter than 12 characters', () => {
    assert.throws(() => generateStackPassword(11), RangeError);
  });

  it('the policy rejects short passwords and passwords with fewer than three character classes', () => {
    assert.equal(meetsSqlServerPasswordPolicy('Ab1!Ab1!Ab1'), false);
    assert.equal(meetsSqlServerPasswordPolicy('abcdefghijkl1'), false);
    assert.equal(meetsSqlServerPasswordPolicy('abcdefghijK1'), true);
    assert.equal(meetsSqlServerPasswordPolicy('abcdefghij!1'), true);
  });

  it('the masker replaces every occurrence of every secret, longest first', () => {
    const m = new SecretMasker(['s3cr3t-Pass', 's3cr3t-Pass-longer']);
    assert.equal(
      m.mask('a s3cr3t-Pass-longer b s3cr3t-Pass c s3cr3t-Pass'),
      'a **** b **** c ****',
    );
  });

  it('the masker leaves text without secrets unchanged', () => {
    assert.equal(new SecretMasker(['Xy9!abcdefgh']).mask('nothing here'), 'nothing here');
  });
});
