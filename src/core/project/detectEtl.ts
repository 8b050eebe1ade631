import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { naturalCompare } from '../script';
import { mappingRows, type MappingRow } from '../warehouse/mapping';
import { MAX_LISTED, rel, type Findings } from './detectFindings';

/** Mapping CSVs (like seed/oltp_to_dw_mapping.csv) and Python ETL folders, two levels deep. */
function etlFacts(folder: string): { csvs: string[]; python: string[] } {
  const csvs: string[] = [];
  const python = new Set<string>();
  const walk = (abs: string, depth: number): void => {
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || /^(node_modules|venv|__pycache__|dist|backups?)$/i.test(e.name)) continue;
      const child = path.join(abs, e.name);
      if (e.isDirectory() && depth < 4) walk(child, depth + 1);
      else if (e.isFile() && /mapping.*\.csv$/i.test(e.name)) csvs.push(child);
      else if (e.isFile() && e.name.endsWith('.py')) python.add(abs);
    }
  };
  walk(folder, 0);
  return { csvs: csvs.sort(naturalCompare), python: [...python].sort(naturalCompare) };
}

/** Compares a mapping CSV with the contract the shipped ETL definitions follow. */
function compareMapping(file: string): { rows: number; targets: string[]; differing: string[] } | { error: string } {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  const col = (names: readonly string[]): number => header.findIndex((h) => names.includes(h));
  const src = col(['tabela_origem', 'source_table']);
  const srcCol = col(['coluna_origem', 'source_column']);
  const tgt = col(['tabela_destino', 'target_table']);
  const tgtCol = col(['coluna_destino', 'target_column']);
  const rule = col(['regra_transformacao', 'rule', 'transformation']);
  if ([src, srcCol, tgt, tgtCol].includes(-1)) return { error: 'its header has no source/target table and column columns' };
  const contract = new Map<string, MappingRow[]>();
  for (const r of mappingRows) {
    const key = `${r.sourceTable}.${r.sourceColumn}->${r.targetTable}`.toLowerCase();
    contract.set(key, [...(contract.get(key) ?? []), r]);
  }
  const targets = new Set<string>();
  const differing: string[] = [];
  for (const [i, line] of lines.slice(1).entries()) {
    const f = line.split(',').map((x) => x.trim());
    const target = f[tgt] ?? '';
    if (target !== '' && target.toUpperCase() !== 'N/A') targets.add(target);
    const known = contract.get(`${f[src]}.${f[srcCol]}->${target}`.toLowerCase()) ?? [];
    const same = known.some((k) => k.targetColumn.toLowerCase() === (f[tgtCol] ?? '').toLowerCase() && (rule === -1 || k.rule === f[rule]));
    if (!same) differing.push(`line ${i + 2} (${f[src]}.${f[srcCol]} -> ${target}.${f[tgtCol]})`);
  }
  return { rows: lines.length - 1, targets: [...targets].sort(), differing };
}

/** The ETL section: the entity definitions folder, and how the workspace's own mapping and ETL code compare. */
export function etlOf(folder: string, notes: Findings): { entitiesDir: string } | undefined {
  const { csvs, python } = etlFacts(folder);
  for (const csv of csvs) {
    const r = rel(folder, csv);
    const cmp = compareMapping(csv);
    if ('error' in cmp) {
      notes.notDetected(`${r}: not read as a mapping contract (${cmp.error}).`);
    } else if (cmp.differing.length === 0) {
      notes.guess('etl', r, `the mapping CSV (${cmp.rows} rows, targets ${cmp.targets.join(', ')}) matches the contract the shipped ETL definitions follow`, `${r}:1`);
    } else {
      notes.notDetected(`${r}: ${cmp.differing.length} of ${cmp.rows} mapping row(s) differ from the contract the shipped ETL definitions follow, e.g. ${cmp.differing.slice(0, 3).join('; ')}. `
        + 'Edit the entity definitions (etl/entities) to match before running the ETL.');
    }
  }
  if (python.length > 0) {
    notes.notDetected(`Python ETL code in ${python.slice(0, MAX_LISTED).map((p) => rel(folder, p) || '.').join(', ')} is not translated: DW Workbench's ETL runs its own entity definitions (set-based merge, same watermark and audit tables).`);
  }
  const entities = path.join(folder, 'etl', 'entities');
  if (existsSync(entities) && readdirSync(entities).some((f) => f.endsWith('.json'))) {
    notes.guess('etl.entitiesDir', 'etl/entities', 'the folder holds entity definition files', 'etl/entities');
    return { entitiesDir: 'etl/entities' };
  }
  return undefined;
}
