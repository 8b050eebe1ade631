import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listEntityDefinitionFiles, loadEntityDefinitions, locateDefinitionProblems, parseEntityDefinition } from '../../../src/core/etl/definition/load';
import { EntityDefinitionError } from '../../../src/core/etl/definition/errors';
import { compileEntity } from '../../../src/core/etl/transform/compile';
import { postgresEtl } from '../../../src/core/etl/dialect/postgres';
import type { ColumnMeta } from '../../../src/core/etl/dialect/types';

const root = path.resolve(__dirname, '../../..');
const entitiesDir = path.join(root, 'etl/entities');
const csv = readFileSync(path.join(root, 'test/unit/etl/fixtures/oltp_to_dw_mapping.csv'), 'utf8');

const minimal = {
  entity: 'dim_x',
  source: { table: 'core.x', key: 'x_id', updatedAt: 'updated_at' },
  target: { table: 'dim.dim_x', naturalKey: 'x_original_id' },
  columns: [
    { source: 'x_id', target: 'x_original_id', rule: 'direto' },
    { source: 'name', target: 'nome', rule: 'normalizar_texto_titulo' },
  ],
};

function problemsOf(fn: () => unknown): EntityDefinitionError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof EntityDefinitionError, String(e));
    return e;
  }
  assert.fail('expected an EntityDefinitionError');
}

const col = (name: string, dataType: string): ColumnMeta => ({ name, dataType, precision: null, scale: null, length: null });

describe('ETL entity definitions', () => {
  it('loads every shipped definition against the schema and the catalogue', () => {
    const defs = loadEntityDefinitions(entitiesDir);
    assert.ok(defs.some((d) => d.entity === 'dim_cliente'));
  });

  for (const def of loadEntityDefinitions(entitiesDir)) {
    it(`${def.entity} maps exactly the columns and rules of the mapping contract`, () => {
      const rows = csv.trim().split('\n').slice(1).map((l) => l.split(',')).filter((f) => f[2]?.toLowerCase() === def.target.table);
      // The contract has no row for a fact's business key (fact_vendas names it in an N/A note):
      // the natural key the merge matches on is the source key, rule direto, required.
      const businessKey = rows.some((f) => f[3] === def.target.naturalKey) ? [] : [`${def.target.naturalKey}=direto!`];
      const contract = [...rows.map((f) => `${f[3]}=${f[4]}${f[5] === 'true' ? '!' : ''}`), ...businessKey].sort();
      const ours = def.columns.map((c) => `${c.target}=${c.rule}${c.required ? '!' : ''}`).sort();
      assert.ok(contract.length > 0);
      assert.deepEqual(ours, contract);
      // Columns read straight from the source table (not computed by the extract) read the
      // contract's source column.
      const derived = new Set((def.source.derived ?? []).map((x) => x.name));
      const direct = def.columns.filter((c) => !derived.has(c.source));
      const ownSources = rows
        .filter((f) => f[0] === def.source.table && direct.some((c) => c.target === f[3]))
        .map((f) => `${f[3]}<${f[1]}`)
        .sort();
      const ourSources = direct.filter((c) => rows.some((f) => f[3] === c.target)).map((c) => `${c.target}<${c.source}`).sort();
      assert.deepEqual(ourSources, ownSources);
      assert.deepEqual(def.scd, { type: 1 });
    });
  }

  it('defaults to SCD type 1', () => {
    assert.deepEqual(parseEntityDefinition(JSON.stringify(minimal), 'x.json').scd, { type: 1 });
  });

  it('refuses an unknown rule naming entity, column, rule and line', () => {
    const bad = { ...minimal, columns: [minimal.columns[0], { source: 'name', target: 'nome', rule: 'normalizar_nome' }] };
    const e = problemsOf(() => parseEntityDefinition(JSON.stringify(bad, null, 2), 'etl/entities/dim_x.json'));
    assert.equal(e.problems.length, 1);
    assert.deepEqual(
      { entity: e.problems[0]?.entity, column: e.problems[0]?.column, rule: e.problems[0]?.rule },
      { entity: 'dim_x', column: 'nome', rule: 'normalizar_nome' },
    );
    assert.ok((e.problems[0]?.line ?? 0) > 1);
    assert.match(e.message, /dim_x\.json:\d+: entity dim_x, column nome, rule normalizar_nome: names a rule that is not in the catalogue/);
  });

  it('refuses a definition that breaks the schema, with the line', () => {
    const text = JSON.stringify({ ...minimal, source: { table: 'core.x', key: 'x_id' } }, null, 2);
    const e = problemsOf(() => parseEntityDefinition(text, 'd.json'));
    assert.match(e.message, /updatedAt/);
    assert.ok(e.problems[0]?.line !== undefined);
  });

  it('refuses invalid JSON with its line', () => {
    const e = problemsOf(() => parseEntityDefinition('{\n  "entity": "a",\n  oops\n}', 'd.json'));
    assert.equal(e.problems[0]?.line, 3);
  });

  it('refuses a natural key not mapped from the source key', () => {
    const bad = { ...minimal, columns: [{ source: 'name', target: 'x_original_id', rule: 'direto' }] };
    const e = problemsOf(() => parseEntityDefinition(JSON.stringify(bad), 'd.json'));
    assert.match(e.message, /natural key must be mapped from the source key x_id/);
  });

  it('refuses two files defining one entity', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dwb-etl-defs-'));
    try {
      writeFileSync(path.join(dir, 'a.json'), JSON.stringify(minimal));
      writeFileSync(path.join(dir, 'b.json'), JSON.stringify(minimal));
      assert.match(problemsOf(() => loadEntityDefinitions(dir)).message, /defined twice/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists the entities of a folder even when their definitions have problems (entity field, else the file name)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dwb-etl-list-'));
    try {
      writeFileSync(path.join(dir, 'b.json'), JSON.stringify({ ...minimal, entity: 'dim_b', columns: [{ source: 'x', target: 'y', rule: 'nao_existe' }] }));
      writeFileSync(path.join(dir, 'a_broken.json'), '{ "entity": ');
      writeFileSync(path.join(dir, 'notes.txt'), 'not a definition');
      assert.deepEqual(listEntityDefinitionFiles(dir).map((d) => [d.entity, path.basename(d.file)]), [['a_broken', 'a_broken.json'], ['dim_b', 'b.json']]);
      assert.deepEqual(listEntityDefinitionFiles(path.join(dir, 'missing')), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('against the real columns (before any data moves)', () => {
    const def = parseEntityDefinition(JSON.stringify(minimal), 'd.json');
    const source = [col('x_id', 'bigint'), col('name', 'character varying'), col('updated_at', 'timestamp without time zone')];
    const target = [col('x_original_id', 'bigint'), col('nome', 'character varying')];

    it('accepts matching columns', () => {
      const c = compileEntity(def, source, target, postgresEtl);
      assert.deepEqual(c.targetColumns.map((x) => x.name), ['x_original_id', 'nome']);
    });

    it('refuses a mapped source column the table lacks, naming entity, column and rule', () => {
      const e = problemsOf(() => compileEntity(def, source.filter((x) => x.name !== 'name'), target, postgresEtl));
      assert.match(e.message, /entity dim_x, column nome, rule normalizar_texto_titulo: maps source column name, which core\.x does not have/);
    });

    it('refuses a target column the table lacks', () => {
      const e = problemsOf(() => compileEntity(def, source, target.filter((x) => x.name !== 'nome'), postgresEtl));
      assert.match(e.message, /target table dim\.dim_x has no column nome/);
    });

    it('refuses an impossible conversion (text rule into an integer column)', () => {
      const e = problemsOf(() => compileEntity(def, source, [target[0] as ColumnMeta, col('nome', 'integer')], postgresEtl));
      assert.match(e.message, /column nome, rule normalizar_texto_titulo: produces text, which target column nome of type integer cannot hold/);
    });

    it('refuses SCD type 2 when the target lacks its version columns, before any data moves', () => {
      const scd2 = { ...def, scd: { type: 2 as const, validFrom: 'valid_from', validTo: 'valid_to', isCurrent: 'is_current' } };
      const e = problemsOf(() => compileEntity(scd2, source, [...target, col('valid_from', 'timestamp without time zone')], postgresEtl));
      assert.match(e.message, /target table dim\.dim_x has no SCD2 column valid_to/);
      assert.match(e.message, /no SCD2 column is_current/);
      const versions = [col('valid_from', 'timestamp without time zone'), col('valid_to', 'timestamp without time zone'), col('is_current', 'boolean')];
      assert.deepEqual(compileEntity(scd2, source, [...target, ...versions], postgresEtl).targetColumns.map((x) => x.name), ['x_original_id', 'nome']);
    });

    it('points problems found against the tables at the line of their file: the column entry, a key, the table', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'dwb-etl-locate-'));
      try {
        const file = path.join(dir, 'dim_x.json');
        const text = JSON.stringify(minimal, null, 2);
        writeFileSync(file, text);
        const lines = text.split('\n');
        const lineOf = (needle: string, before = 0): number => lines.findIndex((l) => l.includes(needle)) + 1 - before;
        const placed = parseEntityDefinition(text, file);
        const missingSource = problemsOf(() => compileEntity(placed, source.filter((x) => x.name !== 'name'), target, postgresEtl)).problems;
        const missingWatermark = problemsOf(() => compileEntity(placed, source.filter((x) => x.name !== 'updated_at'), target, postgresEtl)).problems;
        const noTarget = problemsOf(() => compileEntity(placed, source, [], postgresEtl)).problems;
        // The column's object opens the line before its "source".
        assert.deepEqual(locateDefinitionProblems(missingSource).map((p) => p.line), [lineOf('"source": "name"', 1)]);
        assert.deepEqual(locateDefinitionProblems(missingWatermark).map((p) => p.line), [lineOf('"updatedAt"')]);
        assert.deepEqual(locateDefinitionProblems(noTarget).map((p) => p.line), [lineOf('"table": "dim.dim_x"')]);
        // Already placed, or the file gone: unchanged.
        assert.deepEqual(locateDefinitionProblems([{ file, line: 7, message: 'm' }]), [{ file, line: 7, message: 'm' }]);
        assert.deepEqual(locateDefinitionProblems([{ file: path.join(dir, 'gone.json'), message: 'm' }]), [{ file: path.join(dir, 'gone.json'), message: 'm' }]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('refuses a rule that cannot read the source type', () => {
      const e = problemsOf(() =>
        compileEntity(def, [source[0] as ColumnMeta, col('name', 'boolean'), source[2] as ColumnMeta], target, postgresEtl),
      );
      assert.match(e.message, /cannot read source column name of type boolean/);
    });
  });
});
