import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  activationEvents: string[];
  contributes: { commands: { command: string; category?: string }[]; jsonValidation: { fileMatch: string; url: string }[] };
};

/** Command ids the extension registers, read from its command table source. */
function registeredCommandIds(): string[] {
  const table = readFileSync(path.join(root, 'src/extension/commands.ts'), 'utf8');
  return [...table.matchAll(/^\s*'(dwWorkbench\.[A-Za-z.]+)':/gm)].map((m) => m[1] as string).sort();
}

describe('extension manifest', () => {
  it('contributes exactly the commands the extension registers, all in category DW', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(contributed, registeredCommandIds());
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
});
