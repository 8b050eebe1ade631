import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Dialect } from '../engine/types';
import { naturalCompare } from '../script';
import type { ComposeFacts } from './detectCompose';
import { ENGINE_LABEL, MAX_LISTED } from './detectFindings';
import type { scanScripts } from './detectScripts';
import { DetectError, type DetectProblem } from './detectTypes';

const COMPOSE_NAME = /^(docker-)?compose([.-][A-Za-z0-9_.-]+)?\.ya?ml$/i;

/** Compose files at the top of the folder and in docker/ (or deploy/, infra/), engine-named ones first. */
export function composeFiles(folder: string): string[] {
  const found: string[] = [];
  for (const dir of ['', 'docker', 'deploy', 'infra', '.devcontainer']) {
    const abs = path.join(folder, dir);
    let names: string[];
    try {
      names = readdirSync(abs);
    } catch {
      continue;
    }
    for (const n of names.filter((x) => COMPOSE_NAME.test(x)).sort(naturalCompare)) found.push(path.join(abs, n));
  }
  const rank = (f: string): number => (/sqlserver|mssql|postgres|pg/i.test(path.basename(f)) ? 0 : 1);
  return found.sort((a, b) => rank(a) - rank(b));
}

interface Evidence {
  readonly dialect: Dialect;
  readonly where: string;
}

/** Picks the engine from compose images and the scripts' dialect; conflicts are errors naming the files. */
export function chooseEngine(
  folder: string, composes: readonly ComposeFacts[], scripts: ReturnType<typeof scanScripts>,
): { engine: Dialect; reason: string; source: string } {
  const fromScripts: Record<Dialect, Evidence[]> = { sqlserver: [], postgres: [] };
  for (const s of scripts.files) {
    if (s.dialect !== undefined) fromScripts[s.dialect.dialect].push({ dialect: s.dialect.dialect, where: `${s.rel}:${s.dialect.line}` });
  }
  const fromCompose: Record<Dialect, Evidence[]> = { sqlserver: [], postgres: [] };
  for (const c of composes) {
    for (const s of c.servers) fromCompose[s.engine].push({ dialect: s.engine, where: `${c.file}:${s.image?.line ?? s.serviceLine}` });
  }
  const list = (es: readonly Evidence[]): string =>
    es.slice(0, MAX_LISTED).map((e) => e.where).join(', ') + (es.length > MAX_LISTED ? ` and ${es.length - MAX_LISTED} more` : '');
  const problem = (where: string, message: string): DetectProblem => {
    const m = /^(.*):(\d+)$/.exec(where);
    return { file: m?.[1] ?? where, line: Number(m?.[2] ?? 1), column: 1, message };
  };
  const ss = fromScripts.sqlserver;
  const pg = fromScripts.postgres;
  if (ss.length > 0 && pg.length > 0) {
    throw new DetectError(
      [
        ...ss.slice(0, MAX_LISTED).map((e) => problem(e.where, `${ENGINE_LABEL.sqlserver} script.`)),
        ...pg.slice(0, MAX_LISTED).map((e) => problem(e.where, `${ENGINE_LABEL.postgres} script.`)),
      ],
      `Conflicting dialects in ${folder}: T-SQL scripts (${list(ss)}) and PostgreSQL scripts (${list(pg)}). `
        + 'A project runs one engine: move one set out of the scanned folders, or write dw-workbench.json by hand.',
    );
  }
  const scriptDialect: Dialect | undefined = ss.length > 0 ? 'sqlserver' : pg.length > 0 ? 'postgres' : undefined;
  const composeDialects = (['sqlserver', 'postgres'] as const).filter((d) => fromCompose[d].length > 0);
  if (scriptDialect !== undefined && composeDialects.length > 0 && !composeDialects.includes(scriptDialect)) {
    const other = composeDialects[0] as Dialect;
    const evidence = fromScripts[scriptDialect];
    throw new DetectError(
      [problem((fromCompose[other][0] as Evidence).where, `the compose file runs ${ENGINE_LABEL[other]}.`), ...evidence.slice(0, MAX_LISTED).map((e) => problem(e.where, `${ENGINE_LABEL[scriptDialect]} script.`))],
      `Conflicting dialects in ${folder}: the compose file runs ${ENGINE_LABEL[other]} (${list(fromCompose[other])}) `
        + `but the scripts are ${ENGINE_LABEL[scriptDialect]} (${list(evidence)}).`,
    );
  }
  if (scriptDialect !== undefined) {
    const first = fromScripts[scriptDialect][0] as Evidence;
    const composeToo = fromCompose[scriptDialect][0];
    return {
      engine: scriptDialect,
      reason: `${fromScripts[scriptDialect].length} script(s) use ${ENGINE_LABEL[scriptDialect]} syntax` + (composeToo === undefined ? '' : ', and the compose file runs that server'),
      source: composeToo?.where ?? first.where,
    };
  }
  if (composeDialects.length === 1) {
    const d = composeDialects[0] as Dialect;
    return { engine: d, reason: `the compose file runs ${ENGINE_LABEL[d]}`, source: (fromCompose[d][0] as Evidence).where };
  }
  if (composeDialects.length > 1) {
    throw new DetectError(
      [...fromCompose.sqlserver, ...fromCompose.postgres].map((e) => problem(e.where, `runs ${ENGINE_LABEL[e.dialect]}.`)),
      `Conflicting dialects in ${folder}: the compose files run both SQL Server and PostgreSQL, and no script says which one the project uses.`,
    );
  }
  if (scripts.files.length === 0) {
    throw new DetectError([], `Nothing to detect in ${folder}: no SQL scripts (sql/, database/, db/) and no compose file with a SQL Server or PostgreSQL service. `
      + "Create a project with 'DW: New Warehouse Project' (dwb init) instead.");
  }
  throw new DetectError([], `Cannot tell the engine of ${folder}: no compose file runs SQL Server or PostgreSQL, and no script uses syntax of only one of them `
    + `(${scripts.files.slice(0, MAX_LISTED).map((s) => s.rel).join(', ')}). Create the project with 'DW: New Warehouse Project' (dwb init) and point its bootstrap at these scripts.`);
}
