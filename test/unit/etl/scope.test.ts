import { strict as assert } from 'node:assert';
import { problemLines, scopeResults } from '../../../src/core/checks';
import { TableCatalog } from '../../../src/core/etl/definition/columns';
import type { DefinitionProblem } from '../../../src/core/etl/definition/errors';
import { parseEntityDefinition } from '../../../src/core/etl/definition/load';
import type { EntityDefinition } from '../../../src/core/etl/definition/types';
import { postgresEtl } from '../../../src/core/etl/dialect/postgres';
import type { EntityControl } from '../../../src/core/etl/run/control';
import { INITIAL_WATERMARK } from '../../../src/core/etl/run/control';
import { triggerColumnProblems } from '../../../src/core/etl/run/triggers';
import { scopeFindings, type ScopeInput } from '../../../src/core/etl/scope/findings';

const PROJECT = '/p/dw-workbench.json';
const DIR = '/p/etl/entities';

/** A small definition: core.x -> dim.dim_x, two mapped columns and a trigger on core.x_parts. */
function definition(entity: string): EntityDefinition {
  const text = JSON.stringify({
    entity,
    source: {
      table: 'core.x', key: 'x_id', updatedAt: 'updated_at',
      triggers: [{ name: 'parts', table: 'core.x_parts', key: 'part_id', updatedAt: 'updated_at', keys: 'SELECT t.x_id' }],
    },
    target: { table: 'dim.dim_x', naturalKey: 'x_original_id' },
    columns: [
      { source: 'x_id', target: 'x_original_id', rule: 'direto' },
      { source: 'name', target: 'nome', rule: 'normalizar_texto_titulo' },
    ],
  }, null, 2);
  return parseEntityDefinition(text, `${DIR}/${entity}.json`);
}

/** `schema.table: column type, ...` rows as the catalog query returns them. */
function catalog(dialect: 'postgres' | 'sqlserver', tables: Readonly<Record<string, readonly (readonly [string, string])[]>>): TableCatalog {
  const rows = Object.entries(tables).flatMap(([qualified, columns]) => {
    const [schema, table] = qualified.split('.');
    return columns.map(([name, dataType]) => ({ table_schema: schema, table_name: table, name, data_type: dataType, precision: null, scale: null }));
  });
  return TableCatalog.of(dialect, rows);
}

const SOURCE = {
  'core.x': [['x_id', 'bigint'], ['updated_at', 'timestamp without time zone'], ['name', 'character varying']],
  'core.x_parts': [['part_id', 'bigint'], ['updated_at', 'timestamp without time zone']],
} as const;
const TARGET = { 'dim.dim_x': [['x_id_sk', 'integer'], ['x_original_id', 'bigint'], ['nome', 'character varying']], 'ctl.etl_control': [['entity_name', 'character varying']] } as const;

const control = (entity: string, isActive: boolean): EntityControl => ({ entity, isActive, watermark: INITIAL_WATERMARK, cutoffMinutes: 2, batchSize: 1000 });

function input(o: Partial<ScopeInput> = {}): ScopeInput {
  const definitions = o.definitions ?? [definition('dim_x')];
  const both = catalog('postgres', { ...SOURCE, ...TARGET });
  return {
    definitions,
    definitionProblems: [],
    definedEntities: new Set(definitions.map((d) => d.entity)),
    controls: [control('dim_x', true)],
    source: both,
    target: both,
    dialect: postgresEtl,
    entitiesDir: DIR,
    projectFile: PROJECT,
    projectLine: 40,
    ...o,
  };
}

const texts = (findings: readonly DefinitionProblem[]): string[] => findings.map((p) => `${p.file}|${p.entity ?? ''}|${p.column ?? ''}|${p.trigger ?? ''}|${p.message}`);

describe('ETL scope', () => {
  it('finds nothing when every table and column of the active entities exists', () => {
    assert.deepEqual(scopeFindings(input()), []);
  });

  it('names each missing target column, source table and trigger table of an active entity once', () => {
    const source = catalog('postgres', { 'core.x_parts': [['part_id', 'bigint']] });
    const target = catalog('postgres', { 'dim.dim_x': [['x_original_id', 'bigint']] });
    assert.deepEqual(texts(scopeFindings(input({ source, target }))), [
      `${DIR}/dim_x.json|dim_x|||source table core.x does not exist or has no columns`,
      `${DIR}/dim_x.json|dim_x|nome||target table dim.dim_x has no column nome`,
      `${DIR}/dim_x.json|dim_x|updated_at|parts|table core.x_parts has no column updated_at`,
    ]);
  });

  it('does not look at the tables of an inactive entity', () => {
    const nothing = catalog('postgres', {});
    assert.deepEqual(scopeFindings(input({ source: nothing, target: nothing, controls: [control('dim_x', false)] })), []);
  });

  it('names an active entity without a definition at the project file, and a definition ctl.etl_control does not know', () => {
    const findings = scopeFindings(input({ definitions: [definition('dim_x'), definition('dim_y')], controls: [control('dim_x', true), control('dim_z', true)] }));
    assert.deepEqual(findings.map((p) => [p.file, p.line, p.entity]), [[PROJECT, 40, 'dim_z'], [`${DIR}/dim_y.json`, undefined, 'dim_y']]);
    assert.match(findings[0]?.message ?? '', /is active in ctl\.etl_control but has no definition in \/p\/etl\/entities: add dim_z\.json there, or deactivate it/);
    assert.match(findings[1]?.message ?? '', /has no row in ctl\.etl_control/);
  });

  it('reports a definition that does not load, and does not call its active entity undefined', () => {
    const broken: DefinitionProblem = { file: `${DIR}/dim_z.json`, line: 3, entity: 'dim_z', message: '/source must have required property \'key\'' };
    const findings = scopeFindings(input({ definitionProblems: [broken], definedEntities: new Set(['dim_x', 'dim_z']), controls: [control('dim_x', true), control('dim_z', true)] }));
    assert.deepEqual(findings, [broken]);
  });

  it('says at the project file that the warehouse has no ctl.etl_control', () => {
    const findings = scopeFindings(input({ controls: undefined }));
    assert.deepEqual(findings.map((p) => [p.file, p.line]), [[PROJECT, 40]]);
    assert.match(findings[0]?.message ?? '', /the warehouse has no ctl\.etl_control/);
  });
});

describe('ETL scope: the catalog', () => {
  it('finds a table by its exact name on PostgreSQL, ignoring case on SQL Server', () => {
    const rows = { 'dim.DIM_X': [['x_original_id', 'bigint']] } as const;
    assert.deepEqual(catalog('postgres', rows).columns('dim.dim_x'), []);
    assert.deepEqual(catalog('postgres', rows).columns('dim.DIM_X').map((c) => c.name), ['x_original_id']);
    assert.deepEqual(catalog('sqlserver', rows).columns('dim.dim_x').map((c) => c.name), ['x_original_id']);
  });

  it('keeps each table\'s columns in the query\'s order', () => {
    assert.deepEqual(catalog('postgres', TARGET).columns('dim.dim_x').map((c) => c.name), ['x_id_sk', 'x_original_id', 'nome']);
  });
});

describe('ETL scope: triggers against the source columns', () => {
  it('names a missing trigger table once, without its columns', () => {
    const problems = triggerColumnProblems(definition('dim_x'), () => []);
    assert.deepEqual(problems.map((p) => [p.trigger, p.column, p.message]), [['parts', undefined, 'table core.x_parts does not exist or has no columns']]);
  });
});

describe('ETL scope as warehouse checks', () => {
  const findings: DefinitionProblem[] = [
    { file: `${DIR}/dim_x.json`, line: 12, entity: 'dim_x', column: 'nome', message: 'target table dim.dim_x has no column nome' },
    { file: `${DIR}/dim_x.json`, line: 5, entity: 'dim_x', message: 'source table core.x does not exist or has no columns' },
    { file: `${DIR}/broken.json`, line: 1, message: 'is not valid JSON' },
    { file: PROJECT, line: 40, message: 'the warehouse has no ctl.etl_control' },
  ];

  it('gives one result per active entity and per entity a finding names, passed when nothing is missing', () => {
    const results = scopeResults({ active: ['dim_x', 'dim_y'], findings, durationMs: 8 }, PROJECT);
    assert.deepEqual(results.map((r) => [r.check, r.ok, r.value, r.family, r.category, r.severity]), [
      ['scope.dim_x', false, 2, 'scope', 'escopo_rollout', 'error'],
      ['scope.dim_y', true, 0, 'scope', 'escopo_rollout', 'error'],
      ['scope.broken', false, 1, 'scope', 'escopo_rollout', 'error'],
      ['scope.etl_control', false, 1, 'scope', 'escopo_rollout', 'error'],
    ]);
    assert.deepEqual(results[0]?.location, { file: `${DIR}/dim_x.json`, line: 12, column: 1 });
  });

  it('prints one Problems line per finding, each at its own line', () => {
    const [dimX, dimY] = scopeResults({ active: ['dim_x', 'dim_y'], findings, durationMs: 8 }, PROJECT);
    assert.deepEqual(problemLines(dimX!, (f) => f.replace('/p/', '')), [
      'dw-check: error: etl/entities/dim_x.json:12:1: scope.dim_x: entity dim_x, column nome: target table dim.dim_x has no column nome',
      'dw-check: error: etl/entities/dim_x.json:5:1: scope.dim_x: entity dim_x: source table core.x does not exist or has no columns',
    ]);
    assert.deepEqual(problemLines(dimY!, (f) => f), []);
  });
});
