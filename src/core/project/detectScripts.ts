import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Dialect } from '../engine/types';
import { loadScriptPlan, naturalCompare, ScriptError, UndefinedVariablesError, type ScriptPlan } from '../script';
import { detectScriptDialect, type DialectEvidence } from '../warehouse/scriptDialect';
import type { BootstrapStep } from './types';

/** Folders never scanned for scripts: tools, builds, environments, engine data. */
const SKIPPED_DIRS = /^(\.|node_modules$|dist$|out$|venv$|__pycache__$|backups?$|\.dw$)/i;

export type ScriptRole = 'oltp' | 'dw';

export interface ScannedScript {
  /** Absolute path. */
  readonly file: string;
  /** Relative to the scanned folder, with '/' separators. */
  readonly rel: string;
  readonly role: ScriptRole;
  /** Why the role: the folder name that says it, or the database the script uses. */
  readonly roleReason: string;
  readonly dialect: DialectEvidence | undefined;
}

export interface ScriptFacts {
  /** Every script found, in run order. */
  readonly scripts: readonly ScannedScript[];
  /** Where the scripts live, relative ('' when none were found). */
  readonly root: string;
  readonly steps: readonly BootstrapStep[];
  /** Databases the scripts USE / \c into and CREATE DATABASE, per role, most used first, with a place they appear. */
  readonly databases: Readonly<Record<ScriptRole, readonly { readonly name: string; readonly at: string }[]>>;
  readonly createdDatabases: readonly { readonly name: string; readonly at: string }[];
  /** Variables the scripts use that have no value (name -> first use as file:line). */
  readonly undefinedVariables: ReadonlyMap<string, string>;
  /** Scripts the splitter cannot parse (file:line: message); the bootstrap will refuse them. */
  readonly parseErrors: readonly string[];
  /** Files only reached through an include (:r / \i): not steps of their own. */
  readonly included: readonly string[];
}

interface SqlDir {
  readonly abs: string;
  readonly rel: string;
  readonly files: readonly string[];
  readonly dirs: readonly SqlDir[];
}

const toRel = (root: string, abs: string): string => path.relative(root, abs).split(path.sep).join('/');

function readTree(abs: string, rel: string): SqlDir | undefined {
  let entries;
  try {
    entries = readdirSync(abs, { withFileTypes: true });
  } catch {
    return undefined;
  }
  const files = entries.filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.sql')).map((e) => e.name).sort(naturalCompare);
  const dirs = entries
    .filter((e) => e.isDirectory() && !SKIPPED_DIRS.test(e.name))
    .map((e) => e.name)
    // The OLTP folder before its siblings (the warehouse reads it), otherwise natural order.
    .sort((a, b) => oltpRank(a) - oltpRank(b) || naturalCompare(a, b))
    .map((name) => readTree(path.join(abs, name), rel === '' ? name : `${rel}/${name}`))
    .filter((d): d is SqlDir => d !== undefined && (d.files.length > 0 || d.dirs.length > 0));
  return { abs, rel, files: files.map((f) => path.join(abs, f)), dirs };
}

/** The folder holding the scripts: `sql/` (or `database/`, `db/`), else the folder itself when it has `oltp/` or `dw/`. */
function scriptRoot(folder: string): SqlDir | undefined {
  for (const name of ['sql', 'SQL', 'database', 'db', 'scripts/sql']) {
    const tree = readTree(path.join(folder, name), name);
    if (tree !== undefined && (tree.files.length > 0 || tree.dirs.length > 0)) return tree;
  }
  const top = readTree(folder, '');
  if (top === undefined) return undefined;
  const roleDirs = top.dirs.filter((d) => roleOfName(path.basename(d.abs)) !== undefined);
  if (roleDirs.length === 0) return top.files.length > 0 ? { ...top, dirs: [] } : undefined;
  return { ...top, dirs: roleDirs };
}

const oltpRank = (name: string): number => (roleOfName(name) === 'oltp' ? 0 : 1);

const OLTP_NAME = /(^|[^a-z])(oltp|source|origem|fonte)([^a-z]|$)/i;
const DW_NAME = /(^|[^a-z])(dw|dwh|warehouse|dims?|dimensions?|facts?|fatos?|ctl|control|etl|audit|views?|marts?|bi|security|seguranca)([^a-z]|$)/i;

function roleOfName(name: string): ScriptRole | undefined {
  if (OLTP_NAME.test(name)) return 'oltp';
  if (DW_NAME.test(name)) return 'dw';
  return undefined;
}

/** The role a path's folders say (the outermost that says one), with that folder. */
function roleOfPath(rel: string): { role: ScriptRole; folder: string } | undefined {
  const parts = rel.split('/').slice(0, -1);
  for (const [i, part] of parts.entries()) {
    const role = roleOfName(part);
    if (role !== undefined) return { role, folder: parts.slice(0, i + 1).join('/') };
  }
  return undefined;
}

const SYSTEM_DATABASES = /^(master|tempdb|model|msdb|postgres|template[01])$/i;
const CREATE_DATABASE = /\bCREATE\s+DATABASE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:\[([^\]]+)\]|"([^"]+)"|([A-Za-z_][A-Za-z0-9_$]*))/gi;

interface FilePlan {
  readonly plan: ScriptPlan | undefined;
  readonly undefinedVars: readonly { name: string; at: string }[];
  readonly error: string | undefined;
}

/** Splits one script as the bootstrap will; undefined variables get a stand-in so the rest still splits. */
async function splitFile(file: string, rel: (abs: string) => string, dialect: Dialect, variables: Readonly<Record<string, string>>): Promise<FilePlan> {
  const undefinedVars: { name: string; at: string }[] = [];
  let vars = { ...variables };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return { plan: await loadScriptPlan(file, { dialect, variables: vars }), undefinedVars, error: undefined };
    } catch (e) {
      if (e instanceof UndefinedVariablesError) {
        for (const use of e.uses) {
          if (!undefinedVars.some((u) => u.name === use.name)) undefinedVars.push({ name: use.name, at: `${rel(use.file)}:${use.line}` });
        }
        vars = { ...vars, ...Object.fromEntries(e.uses.map((u) => [u.name, 'x'])) };
        continue;
      }
      if (e instanceof ScriptError) return { plan: undefined, undefinedVars, error: `${rel(e.position.file)}:${e.position.line}: ${e.message.replace(/^[^\n]*?:\d+(:\d+)?: /, '')}` };
      throw e;
    }
  }
  return { plan: undefined, undefinedVars, error: undefined };
}

/**
 * Finds the layout's SQL scripts, reads which dialect each is written in, and (once the dialect
 * is known) splits them as the bootstrap would, to learn the databases they create and use, the
 * variables they need and the files that are only included.
 */
export function scanScripts(folder: string): { tree: SqlDir | undefined; files: { file: string; rel: string; dialect: DialectEvidence | undefined }[] } {
  const tree = scriptRoot(folder);
  const files: { file: string; rel: string; dialect: DialectEvidence | undefined }[] = [];
  const walk = (d: SqlDir): void => {
    for (const f of d.files) files.push({ file: f, rel: toRel(folder, f), dialect: detectScriptDialect(readFileSync(f, 'utf8')) });
    for (const sub of d.dirs) walk(sub);
  };
  if (tree !== undefined) walk(tree);
  return { tree, files };
}

export async function analyseScripts(
  folder: string,
  scan: ReturnType<typeof scanScripts>,
  dialect: Dialect,
  variables: Readonly<Record<string, string>>,
): Promise<ScriptFacts> {
  const rel = (abs: string): string => toRel(folder, abs);
  const plans = new Map<string, FilePlan>();
  for (const f of scan.files) plans.set(f.file, await splitFile(f.file, rel, dialect, variables));

  const included = new Set<string>();
  for (const [file, p] of plans) {
    for (const b of p.plan?.batches ?? []) for (const seg of b.sourceMap) if (seg.file !== file) included.add(seg.file);
  }

  const used: Record<ScriptRole, Map<string, { count: number; at: string }>> = { oltp: new Map(), dw: new Map() };
  const created: { name: string; at: string }[] = [];
  const undefinedVariables = new Map<string, string>();
  const parseErrors: string[] = [];
  const scripts: ScannedScript[] = [];
  for (const f of scan.files) {
    if (included.has(f.file)) continue;
    const p = plans.get(f.file) as FilePlan;
    for (const u of p.undefinedVars) if (!undefinedVariables.has(u.name)) undefinedVariables.set(u.name, u.at);
    if (p.error !== undefined) parseErrors.push(p.error);
    const databases: { name: string; at: string }[] = [];
    for (const b of p.plan?.batches ?? []) {
      const at = `${rel(b.startFile)}:${b.startLine}`;
      if (b.database !== undefined && !SYSTEM_DATABASES.test(b.database)) databases.push({ name: b.database, at });
      for (const m of b.text.matchAll(CREATE_DATABASE)) {
        const name = (m[1] ?? m[2] ?? m[3]) as string;
        if (!SYSTEM_DATABASES.test(name) && !created.some((c) => c.name === name)) created.push({ name, at });
      }
    }
    const byPath = roleOfPath(f.rel);
    const byUse = databases[0] === undefined ? undefined : roleOfName(databases[0].name);
    const role: ScriptRole = byPath?.role ?? byUse ?? 'dw';
    const roleReason = byPath !== undefined
      ? `in folder ${byPath.folder}`
      : byUse !== undefined ? `uses database ${(databases[0] as { name: string }).name}` : 'no folder or database says otherwise';
    scripts.push({ file: f.file, rel: f.rel, role, roleReason, dialect: f.dialect });
    for (const d of databases) {
      const seen = used[role].get(d.name);
      used[role].set(d.name, { count: (seen?.count ?? 0) + 1, at: seen?.at ?? d.at });
    }
  }
  const ranked = (m: Map<string, { count: number; at: string }>): { name: string; at: string }[] =>
    [...m.entries()].sort((a, b) => b[1].count - a[1].count).map(([name, v]) => ({ name, at: v.at }));

  const roleOf = new Map(scripts.map((s) => [s.file, s.role]));
  const steps = scan.tree === undefined ? [] : stepsOf(scan.tree, folder, (f) => !included.has(f), roleOf);
  return {
    scripts,
    root: scan.tree === undefined ? '' : scan.tree.rel,
    steps,
    databases: { oltp: ranked(used.oltp), dw: ranked(used.dw) },
    createdDatabases: created,
    undefinedVariables,
    parseErrors,
    included: [...included].map(rel).sort(naturalCompare),
  };
}

/**
 * Bootstrap steps for a folder tree, in natural order: a folder whose scripts all come before
 * its subfolders (or that has none) is one `folder` step; otherwise each script is a `script`
 * step between its subfolders' steps. A step's database is its scripts' role.
 */
function stepsOf(dir: SqlDir, root: string, keep: (file: string) => boolean, roleOf: ReadonlyMap<string, ScriptRole>): BootstrapStep[] {
  const files = dir.files.filter(keep);
  const rel = (abs: string): string => toRel(root, abs);
  const step = (target: string, roles: readonly ScriptRole[], kind: 'folder' | 'script'): BootstrapStep => {
    const database: ScriptRole = roles.includes('oltp') && !roles.includes('dw') ? 'oltp' : 'dw';
    return kind === 'folder' ? { name: target, folder: target, database } : { name: target, script: target, database };
  };
  const out: BootstrapStep[] = [];
  const allFilesFirst = dir.files.every((f) => dir.dirs.every((d) => naturalCompare(path.basename(f), path.basename(d.abs)) < 0));
  const roles = (fs: readonly string[]): ScriptRole[] => fs.map((f) => roleOf.get(f) ?? 'dw');
  // A folder step runs every script of the folder, so it needs them all (none only included)
  // and all of one role.
  const wholeFolder = files.length > 0 && files.length === dir.files.length && new Set(roles(files)).size === 1 && dir.rel !== '';
  if (wholeFolder && allFilesFirst) {
    out.push(step(dir.rel, roles(files), 'folder'));
    for (const sub of dir.dirs) out.push(...stepsOf(sub, root, keep, roleOf));
    return out;
  }
  const rank = (e: { name: string; file: string } | { name: string; dir: SqlDir }): number => ('dir' in e ? oltpRank(e.name) : 1);
  const entries = [...files.map((f) => ({ name: path.basename(f), file: f })), ...dir.dirs.map((d) => ({ name: path.basename(d.abs), dir: d }))]
    .sort((a, b) => rank(a) - rank(b) || naturalCompare(a.name, b.name));
  for (const e of entries) {
    if ('file' in e) out.push(step(rel(e.file), roles([e.file]), 'script'));
    else out.push(...stepsOf(e.dir, root, keep, roleOf));
  }
  return out;
}
