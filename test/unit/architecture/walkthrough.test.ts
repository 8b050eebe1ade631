import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const read = (file: string): unknown => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
const manifest = read('package.json') as {
  contributes: {
    commands: { command: string }[];
    walkthroughs: { steps: { id: string; description: string; completionEvents?: string[] }[] }[];
  };
};
const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
const steps = manifest.contributes.walkthroughs.flatMap((w) => w.steps);

describe('walkthrough', () => {
  for (const nls of ['package.nls.json', 'package.nls.pt-br.json']) {
    it(`links only to contributed commands (${nls})`, () => {
      const strings = read(nls) as Record<string, string>;
      const unknown: string[] = [];
      for (const step of steps) {
        const text = strings[step.description.replace(/^%|%$/g, '')] ?? step.description;
        for (const m of text.matchAll(/\(command:([A-Za-z.]+)/g)) if (!contributed.has(m[1] as string)) unknown.push(`${step.id}: ${m[1]}`);
      }
      assert.deepEqual(unknown, []);
    });
  }

  it('completes its steps on contributed commands only', () => {
    const unknown = steps.flatMap((s) => (s.completionEvents ?? [])
      .filter((e) => e.startsWith('onCommand:') && !contributed.has(e.slice('onCommand:'.length)))
      .map((e) => `${s.id}: ${e}`));
    assert.deepEqual(unknown, []);
  });
});
