import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import { confirmResetWatermark } from '../../../src/extension/etl/confirmations';

/** What a confirmation showed: the arguments of the warning message it asked with. */
interface Asked { readonly message: string; readonly options: vscode.MessageOptions; readonly items: readonly string[] }

function recording(answer: (items: readonly string[]) => string | undefined): { asked: Asked[]; ask: Parameters<typeof confirmResetWatermark>[1] } {
  const asked: Asked[] = [];
  return { asked, ask: (message, options, ...items) => { asked.push({ message, options, items }); return Promise.resolve(answer(items)); } };
}

// The tree, the palette and the ETL monitor all reset a watermark through this confirmation.
describe('Reset Watermark confirmation (tree, palette and monitor)', () => {
  it('asks with a modal that names the entity and what the next run does', async () => {
    const { asked, ask } = recording(() => undefined);
    assert.equal(await confirmResetWatermark('dim_cliente', ask), false, 'dismissed: not confirmed');
    assert.equal(asked.length, 1);
    const [{ message, options, items }] = asked as [Asked];
    assert.match(message, /dim_cliente/);
    assert.equal(options.modal, true);
    assert.match(options.detail ?? '', /1900-01-01/);
    assert.equal(items.length, 1, 'one action button; the modal adds Cancel');
  });

  it('confirms only when the user picks the action', async () => {
    assert.equal(await confirmResetWatermark('fact_vendas', recording((items) => items[0]).ask), true);
  });
});
