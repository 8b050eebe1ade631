import { strict as assert } from 'node:assert';
import { sqlserverEtl } from '../../../src/core/etl/dialect/sqlserver';
import type { MergeSpec } from '../../../src/core/etl/dialect/types';

const spec: MergeSpec = {
  target: 'dim.dim_produto',
  stage: 'etl_stage_dim_produto',
  naturalKey: 'produto_original_id',
  columns: ['produto_original_id', 'nome_fornecedor', 'preco_custo'],
  types: { produto_original_id: 'bigint', nome_fornecedor: 'nvarchar', preco_custo: 'decimal' },
  history: { validFrom: 'valido_de', validTo: 'valido_ate', isCurrent: 'eh_atual' },
};

describe('ETL on SQL Server: a changed row is told from an unchanged one case-sensitively', () => {
  it('the upsert and the SCD2 close compare text columns under a binary collation, other columns as they are', () => {
    for (const sql of [sqlserverEtl.mergeSql(spec), sqlserverEtl.scd2CloseSql(spec)]) {
      const change = /EXISTS \(SELECT (.*) EXCEPT SELECT (.*)\)/.exec(sql);
      assert.deepEqual(change?.slice(1), [
        's.[nome_fornecedor] COLLATE Latin1_General_BIN2, s.[preco_custo]',
        't.[nome_fornecedor] COLLATE Latin1_General_BIN2, t.[preco_custo]',
      ], sql);
    }
  });
});
