import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../../src/cli/main';

const root = path.resolve(__dirname, '../../..');

/** A stream that keeps what is written. */
function writable(): NodeJS.WritableStream & { readonly text: string } {
  const chunks: string[] = [];
  return {
    write: (c: string | Uint8Array) => chunks.push(String(c)) > 0,
    get text() {
      return chunks.join('');
    },
  } as unknown as NodeJS.WritableStream & { readonly text: string };
}

describe('dwb lineage', () => {
  let dir: string;
  const run = async (...argv: string[]): Promise<{ code: number; out: string; err: string }> => {
    const stdout = writable();
    const stderr = writable();
    const code = await main(['lineage', ...argv], { stdout, stderr, env: {}, cwd: dir });
    return { code, out: stdout.text, err: stderr.text };
  };
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dwb-lineage-cli-'));
    // A project of its own: definitions in etl/entities, no bootstrap (the shipped scripts are read).
    writeFileSync(path.join(dir, 'dw-workbench.json'), JSON.stringify({ name: 'l', engine: 'sqlserver', connection: { user: 'sa' } }));
    cpSync(path.join(root, 'etl/entities'), path.join(dir, 'etl/entities'), { recursive: true });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the impact of a source column with its rule and the definition line, relative to the project', async () => {
    const { code, out } = await run('core.customers.email', '--impact');
    assert.equal(code, 0);
    const line = readFileSync(path.join(dir, 'etl/entities/dim_cliente.json'), 'utf8').split('\n').findIndex((l) => l.includes('"source": "email"'));
    assert.equal(out, [
      'Impact of core.customers.email:',
      `  core.customers.email -> dim.DIM_CLIENTE.email  [value, rule normalizar_email (dim_cliente)]  ${path.join('etl', 'entities', 'dim_cliente.json')}:${line}`,
      '0 source column(s), 1 warehouse column(s), 0 view column(s), 0 panel(s), 0 check(s).',
      '',
    ].join('\n'));
  });

  it('names the shipped warehouse scripts a project reads as built-in, never with a path climbing out of the project', async () => {
    const { code, out } = await run('bi.vw_vendas.margem_bruta');
    assert.equal(code, 0);
    const where = out.split('\n').filter((l) => l.includes('view bi.vw_vendas')).map((l) => l.trim().split('  ').at(-1) ?? '');
    assert.ok(where.length > 0, out);
    for (const w of where) assert.match(w, new RegExp(`^\\(built-in\\) ${path.join('sql', 'sqlserver', 'dw').replaceAll('\\', '\\\\')}.*\\.sql:\\d+$`), out);
    assert.doesNotMatch(out, /\.\.[\\/]/, 'no ../ in any location');
  });

  it('answers in JSON: net_amount reaches fact_vendas, vw_vendas and the KPIs panel', async () => {
    const { code, out } = await run('--json', '--impact', 'core.order_items.net_amount');
    assert.equal(code, 0);
    const answer = JSON.parse(out) as { direction: string; nodes: { id: string }[]; edges: { from: string; to: string }[] };
    assert.equal(answer.direction, 'downstream');
    for (const id of ['fact.fact_vendas.valor_total_liquido', 'bi.vw_vendas.margem_bruta', 'panel:sales.kpis']) assert.ok(answer.nodes.some((n) => n.id === id), id);
  });

  it('writes Graphviz DOT and Mermaid for the lineage of a view column', async () => {
    const dot = await run('bi.vw_vendas.margem_bruta', '--dot');
    assert.equal(dot.code, 0);
    assert.match(dot.out, /^digraph lineage \{/);
    assert.match(dot.out, /"core\.order_items\.cost_amount" -> "fact\.fact_vendas\.custo_total" \[label="direto", style=solid\];/);
    const mermaid = await run('bi.vw_vendas.margem_bruta', '--mermaid');
    assert.match(mermaid.out, /^flowchart LR\n/);
    assert.match(mermaid.out, /\["core\.order_items\.cost_amount"\]/);
  });

  it('summarises the whole graph when no name is given', async () => {
    const { code, out } = await run();
    assert.equal(code, 0);
    assert.match(out, /^\d+ source columns, \d+ warehouse columns, \d+ view columns, 31 panels, \d+ checks; \d+ edges\./);
  });

  it('refuses an unknown column with exit 2 and the nearest names', async () => {
    const { code, err } = await run('dim_cliente.emial');
    assert.equal(code, 2);
    assert.equal(err, 'dwb lineage: dim.DIM_CLIENTE has no column emial. Did you mean dim.DIM_CLIENTE.email?\n');
  });

  it('refuses an unknown table with exit 2 and the nearest names', async () => {
    const { code, err } = await run('--impact', 'core.costumers.email');
    assert.equal(code, 2);
    assert.match(err, /^dwb lineage: No table, view, panel or check is named core\.costumers\.email\. Did you mean core\.customers/);
  });

  it('refuses two output formats at once', async () => {
    const { code, err } = await run('dim_cliente', '--json', '--dot');
    assert.equal(code, 2);
    assert.equal(err, 'dwb lineage: choose one of --json, --dot, --mermaid.\n');
  });

  it('lists a broken definition of the project as unresolved, at its file and line', async () => {
    const file = path.join(dir, 'etl/entities/dim_regiao.json');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('"source": "ibge_code"', '"source": "codigo_ibge_x"'));
    try {
      const { code, out } = await run('dim_regiao.codigo_ibge');
      assert.equal(code, 0);
      assert.match(out, new RegExp('Unresolved \\(not in the graph above\\):\\n  etl/entities/dim_regiao\\.json:\\d+: dim\\.dim_regiao: core\\.regions has no column codigo_ibge_x \\(warehouse contract\\)'));
    } finally {
      writeFileSync(file, original);
    }
  });
});
