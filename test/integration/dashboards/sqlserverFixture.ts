import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createEngine } from '../../../src/core/engine/factory';
import type { Engine } from '../../../src/core/engine/types';
import { splitTsql } from '../../../src/core/script/tsqlSplitter';
import { warehouseScripts } from '../../../src/core/warehouse/scripts';
import { sqlServerConfig } from '../engine/engineTargets';

const repoRoot = path.resolve(__dirname, '../../..');
const variables = {
  DIM_DATA_START: '2023-01-01', DIM_DATA_END: '2026-12-31', AUDIT_PATH: '/var/opt/mssql/audit/',
  ETL_MONITOR_PASSWORD: 'Monitor-test-1!', ETL_BACKUP_PASSWORD: 'Backup-test-1!', ETL_ACTIVE_ENTITIES: 'dim_cliente',
};

/** Runs the project's SQL Server bootstrap scripts (oltp, dw, security) on one connection. */
export async function bootstrapSqlServer(engine: Engine): Promise<void> {
  const session = await engine.session();
  try {
    for (const script of warehouseScripts('sqlserver')) {
      const file = path.join(repoRoot, 'sql', script.path);
      const plan = await splitTsql(await readFile(file, 'utf8'), { file, readFile: (p) => readFile(p), variables });
      for (const b of plan.batches) await session.batch(b.text);
    }
  } finally {
    await session.release();
  }
}

/** The T-SQL twin of fixture.sql: deterministic sales over 2024, ETL runs and connection events. */
function fixtureBatches(sales: number, runs: number, events: number): string[] {
  const n = (count: number): string => `(SELECT TOP (${count}) CAST(ROW_NUMBER() OVER (ORDER BY (SELECT NULL)) AS int) AS i FROM sys.all_columns a CROSS JOIN sys.all_columns b)`;
  return [
    `INSERT INTO dim.DIM_PRODUTO (produto_original_id, codigo_sku, nome_produto, categoria, fornecedor_id, nome_fornecedor, preco_custo, preco_sugerido, situacao, data_cadastro, data_ultima_atualizacao)
     SELECT i, CONCAT('SKU-', i), CONCAT('Produto ', RIGHT(CONCAT('0', i), 2)),
            CHOOSE(1 + i % 5, N'Eletrônicos', N'Casa', N'Moda', N'Esporte', N'Livros'), 1, N'Fornecedor', 10 + i, 20 + i, N'Ativo', '2023-01-01', '2023-01-01'
       FROM ${n(24)} s`,
    `INSERT INTO dim.DIM_REGIAO (regiao_original_id, pais, regiao_pais, estado, nome_estado, cidade, data_cadastro, data_ultima_atualizacao, eh_ativo)
     SELECT i, N'Brasil', CHOOSE(1 + i % 5, N'Sudeste', N'Sul', N'Nordeste', N'Norte', N'Centro-Oeste'),
            CHOOSE(i, 'SP', 'RJ', 'MG', 'RS', 'PR', 'BA', 'PE', 'AM', 'GO', 'DF'), CONCAT(N'Estado ', i), CONCAT(N'Cidade ', i), '2023-01-01', '2023-01-01', 1
       FROM ${n(10)} s`,
    `INSERT INTO dim.DIM_EQUIPE (equipe_original_id, nome_equipe, codigo_equipe, data_criacao, data_ultima_atualizacao, situacao, eh_ativa)
     SELECT i, CONCAT(N'Equipe ', CHOOSE(i, N'Alfa', N'Beta', N'Gama')), CONCAT('EQ', i), '2023-01-01', '2023-01-01', N'Ativa', 1 FROM ${n(3)} s`,
    `INSERT INTO dim.DIM_VENDEDOR (vendedor_original_id, nome_vendedor, nome_exibicao, matricula, equipe_id, nome_equipe, data_ultima_atualizacao, situacao, eh_ativo)
     SELECT s.i, CONCAT(N'Vendedor ', RIGHT(CONCAT('0', s.i), 2)), CONCAT('V', s.i), CONCAT('M', s.i), e.equipe_id, e.nome_equipe, '2023-01-01', N'Ativo', 1
       FROM ${n(9)} s JOIN dim.DIM_EQUIPE e ON e.equipe_original_id = 1 + s.i % 3`,
    `INSERT INTO dim.DIM_CLIENTE (cliente_original_id, nome_cliente, tipo_cliente, data_ultima_atualizacao, eh_ativo)
     SELECT i, CONCAT(N'Cliente ', i), N'Novo', '2023-01-01', 1 FROM ${n(40)} s`,
    `INSERT INTO fact.FACT_VENDAS (item_pedido_original_id, data_id, cliente_id, produto_id, regiao_id, vendedor_id,
            quantidade_vendida, preco_unitario_tabela, valor_total_bruto, valor_total_descontos, valor_total_liquido,
            custo_total, quantidade_devolvida, valor_devolvido, numero_pedido, teve_desconto, data_inclusao, data_atualizacao)
     SELECT i, CAST(CONVERT(char(8), DATEADD(day, i * 37 % 366, CAST('2024-01-01' AS date)), 112) AS int),
            (SELECT cliente_id FROM dim.DIM_CLIENTE WHERE cliente_original_id = 1 + i % 40),
            (SELECT produto_id FROM dim.DIM_PRODUTO WHERE produto_original_id = 1 + i % 24),
            (SELECT regiao_id FROM dim.DIM_REGIAO WHERE regiao_original_id = 1 + i % 10),
            (SELECT vendedor_id FROM dim.DIM_VENDEDOR WHERE vendedor_original_id = 1 + i % 9),
            q, price, q * price, disc, q * price - disc, ROUND(q * price * 0.61, 2),
            CASE WHEN i % 17 = 0 THEN 1 ELSE 0 END, CASE WHEN i % 17 = 0 THEN price ELSE 0 END,
            CONCAT('PED-', i / 3), CASE WHEN disc > 0 THEN 1 ELSE 0 END, SYSUTCDATETIME(), SYSUTCDATETIME()
       FROM (SELECT i, 1 + i % 4 AS q, CAST(19.90 + (i * 13 % 500) + (i % 100) / 100.0 AS decimal(15,2)) AS price,
                    CASE WHEN i % 5 = 0 THEN CAST((i % 900) / 100.0 AS decimal(15,2)) ELSE 0 END AS disc
               FROM ${n(sales)} g) AS s`,
    `UPDATE ctl.etl_control SET is_active = 1, last_status = 'success', last_success_at = DATEADD(minute, -10, SYSUTCDATETIME()), last_run_id = ${runs}
      WHERE entity_name IN ('dim_cliente', 'fact_vendas')`,
    `UPDATE ctl.etl_control SET is_active = 1, last_status = 'failed', last_success_at = DATEADD(day, -3, SYSUTCDATETIME()) WHERE entity_name = 'dim_produto'`,
    // run_id is an identity: a fresh warehouse numbers these 1..runs, as fixture.sql does.
    `INSERT INTO audit.etl_run (entities_requested, started_by, started_at, finished_at, status, entities_succeeded, entities_failed, error_message)
     SELECT 'dim_cliente,dim_produto', 'etl_monitor', DATEADD(minute, -((${runs} - i) * (3 * 24 * 60 / ${runs}) + 5), SYSUTCDATETIME()),
            DATEADD(minute, -((${runs} - i) * (3 * 24 * 60 / ${runs}) + 4), SYSUTCDATETIME()),
            CASE WHEN i % 7 = 0 THEN 'partial' ELSE 'success' END, CASE WHEN i % 7 = 0 THEN 1 ELSE 2 END, CASE WHEN i % 7 = 0 THEN 1 ELSE 0 END,
            CASE WHEN i % 7 = 0 THEN 'dim_produto failed' END
       FROM ${n(runs)} s ORDER BY i`,
    `INSERT INTO audit.etl_run (entities_requested, started_by, started_at, status) VALUES ('dim_cliente', 'etl_monitor', DATEADD(minute, -1, SYSUTCDATETIME()), 'running')`,
    `INSERT INTO audit.etl_run_entity (run_id, entity_name, status, extracted_count, upserted_count, soft_deleted_count,
            watermark_from_updated_at, watermark_from_id, watermark_to_updated_at, watermark_to_id, error_message, started_at, finished_at)
     SELECT r.run_id, e.entity_name,
            CASE WHEN e.entity_name = 'dim_produto' AND r.run_id % 7 = 0 THEN 'failed' ELSE 'success' END,
            r.run_id % 50, r.run_id % 50, r.run_id % 3, '2024-01-01', r.run_id, '2024-01-02', r.run_id + 1,
            CASE WHEN e.entity_name = 'dim_produto' AND r.run_id % 7 = 0 THEN CHOOSE(1 + r.run_id % 3, 'deadlock detected', 'timeout', 'duplicate key') END,
            r.started_at, r.finished_at
       FROM audit.etl_run r CROSS JOIN (VALUES ('dim_cliente'), ('dim_produto')) AS e (entity_name)
      WHERE r.status <> 'running'`,
    `INSERT INTO audit.connection_login_events (captured_at, session_id, login_name, host_name, program_name, database_name, status, login_time, net_transport, client_net_address)
     SELECT DATEADD(second, -(i * 86400 * 3 / ${events}), SYSUTCDATETIME()), 100 + i % 40,
            CHOOSE(1 + i % 4, 'etl_monitor', 'sa', 'bi_app', 'etl_backup'), CONCAT('host', i % 3),
            CHOOSE(1 + i % 4, 'DW Workbench', 'sqlcmd', 'Streamlit', 'SSMS'), 'DW_ECOMMERCE',
            CHOOSE(1 + i % 2, 'running', 'sleeping'), DATEADD(day, -4, SYSUTCDATETIME()), 'TCP', '127.0.0.1'
       FROM ${n(events)} s`,
  ];
}

export interface SqlServerWarehouse {
  /** Connected to DW_ECOMMERCE. */
  readonly engine: Engine;
  close(): Promise<void>;
}

/**
 * A fresh warehouse (both databases dropped, the bootstrap run) filled with the fixture; undefined
 * when DW_TEST_MSSQL names no server.
 */
export async function createSqlServerWarehouse(sizes = { sales: 1500, runs: 60, events: 400 }): Promise<SqlServerWarehouse | undefined> {
  const config = sqlServerConfig();
  if (config === undefined || config.engine !== 'sqlserver') return undefined;
  const master = await createEngine({ ...config, database: 'master' });
  try {
    for (const db of ['ECOMMERCE_OLTP', 'DW_ECOMMERCE']) await master.batch(`IF DB_ID(N'${db}') IS NOT NULL DROP DATABASE ${db};`);
    await bootstrapSqlServer(master);
  } finally {
    await master.close();
  }
  const engine = await createEngine({ ...config, database: 'DW_ECOMMERCE' }, { applicationName: 'dwb-dashboard-test' });
  for (const batch of fixtureBatches(sizes.sales, sizes.runs, sizes.events)) await engine.batch(batch);
  return { engine, close: () => engine.close() };
}
