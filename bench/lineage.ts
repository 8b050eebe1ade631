/**
 * bench:lineage: builds the whole lineage model of the shipped warehouse (nine entities, the bi
 * views, the sales and monitor panels, the built-in checks) for both dialects. Goal: a build
 * <= 50 ms. Measured in the same process: the baseline is loading and validating the nine entity
 * definitions (what every ETL command does first), so the ratio says what lineage costs on top
 * of reading the project. Builds are timed with every SQL text parsed anew (cache cleared) and
 * as a rebuild where nothing changed (the parse cache hit: what VS Code pays when a file it does
 * not read changes); the first build includes loading the parser's WebAssembly. Prints JSON.
 */
import path from 'node:path';
import { loadEntityDefinitions } from '../src/core/etl/definition/load';
import { buildLineage, loadSqlParser, readLineageInput, shippedLineageSources } from '../src/core/lineage';
import { clearSqlParseCache } from '../src/core/lineage/sqlParser';

const GOAL_MS = 50;
const ROUNDS = Number(process.env['DWB_BENCH_ROUNDS'] ?? 15);
const root = path.resolve(__dirname, '..');

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Number((s[Math.floor(s.length / 2)] ?? 0).toFixed(1));
};
const time = (f: () => unknown): number => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

async function main(): Promise<void> {
  const t0 = performance.now();
  const parser = await loadSqlParser();
  const parserLoadMs = performance.now() - t0;
  for (const dialect of ['sqlserver', 'postgres'] as const) {
    const sources = shippedLineageSources(root, dialect);
    const t1 = performance.now();
    const input = await readLineageInput(sources);
    const readMs = performance.now() - t1;
    const firstBuildMs = time(() => buildLineage(input, parser));
    const baseline: number[] = [];
    const uncached: number[] = [];
    const cached: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      baseline.push(time(() => loadEntityDefinitions(sources.entitiesDir)));
      clearSqlParseCache();
      uncached.push(time(() => buildLineage(input, parser)));
      cached.push(time(() => buildLineage(input, parser)));
    }
    const graph = buildLineage(input, parser);
    const b = median(baseline);
    const u = median(uncached);
    const c = median(cached);
    console.log(JSON.stringify({
      bench: 'lineage', dialect, nodes: graph.nodes.length, edges: graph.edges.length, dangling: graph.dangling().length,
      parsed_texts: input.views.length + input.consumers.length, parser_load_ms: Number(parserLoadMs.toFixed(1)), read_inputs_ms: Number(readMs.toFixed(1)),
      first_build_ms: Number(firstBuildMs.toFixed(1)), baseline_load_definitions_ms: b,
      build_ms: u, build_ratio_to_baseline: Number((u / b).toFixed(2)), rebuild_cached_ms: c, rebuild_ratio_to_baseline: Number((c / b).toFixed(2)),
      goal_ms: GOAL_MS, build_ok: u <= GOAL_MS, rebuild_ok: c <= GOAL_MS,
    }));
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
