import { strict as assert } from 'node:assert';
import { Readable } from 'node:stream';
import { salesCsvLines } from '../../../src/core/sales/csv';
import type { SalesDetailRow } from '../../../src/protocol/sales';

async function csvOf(rows: SalesDetailRow[]): Promise<string> {
  let out = '';
  for await (const line of salesCsvLines(Readable.from(rows))) out += line;
  return out;
}

const row: SalesDetailRow = {
  date: '2025-03-01', order: '1001', product: 'Cadeira', category: 'Casa', state: 'SP', seller: 'Ana',
  quantity: 2, grossValue: 100, discount: 10, netRevenue: 90, cost: 40, returned: 0,
};

describe('sales detail CSV', () => {
  it('writes the header and amounts with two decimals, CRLF line ends', async () => {
    assert.equal(
      await csvOf([row]),
      'date,order,product,category,state,seller,quantity,gross_value,discount,net_revenue,cost,returned\r\n'
        + '2025-03-01,1001,Cadeira,Casa,SP,Ana,2,100.00,10.00,90.00,40.00,0.00\r\n',
    );
  });
  it('keeps negative amounts as numbers and defuses a product name that a spreadsheet would run', async () => {
    const line = (await csvOf([{ ...row, product: '=cmd|"/c calc"!A1', seller: 'Silva, João', netRevenue: -12.5 }])).split('\r\n')[1];
    assert.equal(line, `2025-03-01,1001,"'=cmd|""/c calc""!A1",Casa,SP,"Silva, João",2,100.00,10.00,-12.50,40.00,0.00`);
  });
});
