import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { commandIds } from '../../../src/extension/commandIds';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  activationEvents: string[];
  contributes: {
    commands: { command: string; category?: string }[];
    jsonValidation: { fileMatch: string; url: string }[];
    configuration: { properties: Record<string, unknown> };
  };
  capabilities?: { untrustedWorkspaces?: { supported: boolean | 'limited'; description?: string } };
};

function sourceText(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
}

describe('extension manifest', () => {
  it('contributes exactly the commands the extension registers, all in category DW', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(contributed, [...commandIds].sort());
    assert.deepEqual(manifest.contributes.commands.filter((c) => c.category !== 'DW'), []);
  });

  it('activates narrowly: no "*" and no onStartupFinished', () => {
    assert.ok(!manifest.activationEvents.includes('*'));
    assert.ok(!manifest.activationEvents.includes('onStartupFinished'));
  });

  it('validates dw-workbench.json and the ETL entity definitions with the schemas core uses', () => {
    assert.deepEqual(
      manifest.contributes.jsonValidation.map((j) => [j.fileMatch, j.url]),
      [['dw-workbench.json', './schemas/dw-workbench.schema.json'], ['**/etl/entities/*.json', './schemas/etl-entity.schema.json']],
    );
  });

  it('reads every setting it contributes (a setting nobody reads promises what does not happen)', () => {
    const src = sourceText(path.join(root, 'src'));
    const unread = Object.keys(manifest.contributes.configuration.properties).filter((key) => {
      // Read as getConfiguration('<section>').get('<rest>') at any split of the key, or by its full name.
      const parts = key.split('.');
      const readSomewhere = parts.slice(1).some((_, i) => {
        const [section, rest] = [parts.slice(0, i + 1).join('.'), parts.slice(i + 1).join('.')];
        return src.includes(`getConfiguration('${section}')`) && src.includes(`'${rest}'`);
      });
      return !readSomewhere && !src.includes(`'${key}'`);
    });
    assert.deepEqual(unread, []);
  });

  it('runs nothing in an untrusted workspace, and says why in both languages', () => {
    const untrusted = manifest.capabilities?.untrustedWorkspaces;
    assert.equal(untrusted?.supported, false);
    const key = /^%(.+)%$/.exec(untrusted?.description ?? '')?.[1] ?? '';
    for (const file of ['package.nls.json', 'package.nls.pt-br.json']) {
      const text = (JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, string>)[key] ?? '';
      assert.match(text, /SQL/, `${file} explains ${key}`);
    }
  });
});
