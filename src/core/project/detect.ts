import { existsSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Dialect } from '../engine/types';
import { naturalCompare } from '../script';
import { projectNameFrom } from '../scaffold/scaffold';
import { stackDefinition } from '../stack/definitions';
import { mappingRows, type MappingRow } from '../warehouse/mapping';
import { PASSWORD_VARIABLES, defaultScriptVariables } from '../warehouse/scripts';
import { readComposeFile, type ComposeFacts, type ComposeServer } from './detectCompose';
import { isSecretName, readEnvFile, type EnvFile } from './detectEnv';
import { analyseScripts, scanScripts, type ScriptFacts } from './detectScripts';
import { DetectError, type DetectGuess, type DetectProblem, type DetectResult } from './detectTypes';
import { projectProblems } from './load';
import { PROJECT_FILE_NAME, type BootstrapStep, type ProjectConnection, type ProjectFile, type ProjectStack } from './types';

export { DetectError } from './detectTypes';
export type { DetectGuess, DetectProblem, DetectResult } from './detectTypes';

export interface DetectOptions {
  /** The workspace folder to inspect. */
  readonly folder: string;
  /** Project name (default: the compose project name, else the folder's name). */
  readonly name?: string;
}

const COMPOSE_NAME = /^(docker-)?compose([.-][A-Za-z0-9_.-]+)?\.ya?ml$/i;
const ENGINE_LABEL: Readonly<Record<Dialect, string>> = { sqlserver: 'SQL Server (T-SQL)', postgres: 'PostgreSQL' };
const MAX_LISTED = 4;

/** Compose files at the top of the folder and in docker/ (or deploy/, infra/), engine-named ones first. */
function composeFiles(folder: string): string[] {
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

const rel = (folder: string, abs: string): string => path.relative(folder, abs).split(path.sep).join('/');

/** Picks the engine from compose images and the scripts' dialect; conflicts are errors naming the files. */
function chooseEngine(folder: string, composes: readonly ComposeFacts[], scripts: ReturnType<typeof scanScripts>): { engine: Dialect; reason: string; source: string } {
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
      `Conflicting dialects in ${folder}: T-SQL scripts (${list(ss)}) and PostgreSQL scripts (${list(pg)}). ` +
        'A project runs one engine: move one set out of the scanned folders, or write dw-workbench.json by hand.',
    );
  }
  const scriptDialect: Dialect | undefined = ss.length > 0 ? 'sqlserver' : pg.length > 0 ? 'postgres' : undefined;
  const composeDialects = (['sqlserver', 'postgres'] as const).filter((d) => fromCompose[d].length > 0);
  if (scriptDialect !== undefined && composeDialects.length > 0 && !composeDialects.includes(scriptDialect)) {
    const other = composeDialects[0] as Dialect;
    const evidence = fromScripts[scriptDialect];
    throw new DetectError(
      [problem((fromCompose[other][0] as Evidence).where, `the compose file runs ${ENGINE_LABEL[other]}.`), ...evidence.slice(0, MAX_LISTED).map((e) => problem(e.where, `${ENGINE_LABEL[scriptDialect]} script.`))],
      `Conflicting dialects in ${folder}: the compose file runs ${ENGINE_LABEL[other]} (${list(fromCompose[other])}) ` +
        `but the scripts are ${ENGINE_LABEL[scriptDialect]} (${list(evidence)}).`,
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
    throw new DetectError([], `Nothing to detect in ${folder}: no SQL scripts (sql/, database/, db/) and no compose file with a SQL Server or PostgreSQL service. ` +
      "Create a project with 'DW: New Warehouse Project' (dwb init) instead.");
  }
  throw new DetectError([], `Cannot tell the engine of ${folder}: no compose file runs SQL Server or PostgreSQL, and no script uses syntax of only one of them ` +
    `(${scripts.files.slice(0, MAX_LISTED).map((s) => s.rel).join(', ')}). Create the project with 'DW: New Warehouse Project' (dwb init) and point its bootstrap at these scripts.`);
}

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

/**
 * Inspects an existing warehouse workspace (SQL scripts, a compose file, .env, an ETL folder)
 * and proposes a dw-workbench.json for it, with the reason for every guess and a list of what
 * could not be detected. Reads only; never copies a secret (a .env password is referred to by
 * its variable name). The proposal is validated against the project schema before it is returned.
 */
export async function detectProject(options: DetectOptions): Promise<DetectResult> {
  const folder = path.resolve(options.folder);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new DetectError([], `${folder} is not a folder: open the workspace folder that holds the scripts (sql/) and the compose file (docker/).`);
  }
  const guesses: DetectGuess[] = [];
  const undetected: string[] = [];
  const scanned: string[] = [];
  const guess = (setting: string, value: unknown, reason: string, source?: string): void => {
    guesses.push({ setting, value, reason, ...(source === undefined ? {} : { source }) });
  };

  const env = readEnvFile([path.join(folder, '.env'), path.join(folder, 'docker', '.env')]);
  if (env !== undefined) scanned.push(rel(folder, env.file));
  const envRel: EnvFile | undefined = env === undefined ? undefined : { ...env, file: rel(folder, env.file) };

  const composeProblems: DetectProblem[] = [];
  const composes: ComposeFacts[] = [];
  for (const file of composeFiles(folder)) {
    scanned.push(rel(folder, file));
    try {
      composes.push(readComposeFile(file, envRel, rel(folder, file)));
    } catch (e) {
      if (!(e instanceof DetectError)) throw e;
      composeProblems.push(...e.problems);
    }
  }
  if (composeProblems.length > 0) {
    throw new DetectError(composeProblems, 'The compose file cannot be read; fix it (docker compose config shows the same problem) and detect again.');
  }

  const scan = scanScripts(folder);
  for (const s of scan.files) scanned.push(s.rel);
  const chosen = chooseEngine(folder, composes, scan);
  const engine = chosen.engine;
  guess('engine', engine, chosen.reason, chosen.source);

  const compose = composes.find((c) => c.servers.some((s) => s.engine === engine));
  const server = compose?.servers.find((s) => s.engine === engine);

  // Script variables: the shipped defaults, then the .env's non-secret values; passwords are
  // supplied at bootstrap time, so a stand-in lets the scripts split.
  const envValues = Object.fromEntries([...(env?.entries.values() ?? [])].filter((e) => e.value !== undefined).map((e) => [e.key, e.value as string]));
  const stand = Object.fromEntries(PASSWORD_VARIABLES.map((n) => [n, 'x']));
  const facts = await analyseScripts(folder, scan, engine, { ...defaultScriptVariables, ...envValues, ...stand });

  const name = options.name ?? projectNameFrom(folder);
  const connection = connectionOf(engine, server, compose, env, guess, undetected);
  const databases = databasesOf(engine, facts, server, compose, guess, undetected);
  const variables = variablesOf(facts, env, guess, undetected);
  const stack = compose === undefined || server === undefined ? undefined : stackOf(folder, engine, compose, server, env, guess, undetected);
  if (compose === undefined) undetected.push(`No compose file with a ${ENGINE_LABEL[engine]} service (looked in the folder and docker/): "stack" is left out; 'DW: Start Stack' would use the bundled compose file.`);
  const steps = stepsOf(facts, engine, guess, undetected);
  const etl = etlOf(folder, guess, undetected);

  // No $schema key: VS Code associates the schema itself (jsonValidation); a URL would be fetched.
  const proposal: ProjectFile = {
    name,
    engine,
    connection,
    ...(databases === undefined ? {} : { databases }),
    ...(variables === undefined ? {} : { variables }),
    ...(stack === undefined ? {} : { stack }),
    ...(steps.length === 0 ? {} : { bootstrap: { steps } }),
    ...(etl === undefined ? {} : { etl }),
  };
  const projectFile = path.join(folder, PROJECT_FILE_NAME);
  const text = JSON.stringify(proposal, null, 2) + '\n';
  const problems = projectProblems(text, projectFile);
  if (problems.length > 0) {
    // A proposal the schema refuses is a detection bug: say so rather than offer it.
    throw new Error(`The detected project does not validate (please report this):\n${problems.map((p) => `${p.line}:${p.column}: ${p.message}`).join('\n')}`);
  }
  return { folder, projectFile, projectFileExists: existsSync(projectFile), proposal, text, guesses, undetected, scanned };
}

type Guess = (setting: string, value: unknown, reason: string, source?: string) => void;

const USER_KEYS: Readonly<Record<Dialect, readonly string[]>> = {
  sqlserver: ['MSSQL_USER', 'SQLSERVER_USER', 'SQL_USER', 'DB_USER', 'DWB_USER'],
  postgres: ['POSTGRES_USER', 'PGUSER', 'DB_USER', 'DWB_USER'],
};

function connectionOf(engine: Dialect, server: ComposeServer | undefined, compose: ComposeFacts | undefined, env: EnvFile | undefined, guess: Guess, undetected: string[]): ProjectConnection {
  const envRel = (line: number): string => `${env === undefined ? '.env' : path.basename(env.file)}:${line}`;
  const host = server?.hostIp !== undefined && !/^(0\.0\.0\.0|\[::\]|::)$/.test(server.hostIp) ? server.hostIp.replace(/^\[|\]$/g, '') : '127.0.0.1';
  guess('connection.host', host, server?.hostIp !== undefined ? 'the address the compose file binds the server port to' : 'the compose server runs on this machine', server?.hostPort === undefined || compose === undefined ? undefined : `${compose.file}:${server.hostPort.line}`);
  const port = server?.hostPort?.value ?? (engine === 'sqlserver' ? 1433 : 5432);
  if (server?.hostPort !== undefined && compose !== undefined) guess('connection.port', port, `the host port the compose file publishes for ${server.service}`, `${compose.file}:${server.hostPort.line}`);
  else {
    guess('connection.port', port, `the default ${ENGINE_LABEL[engine]} port`);
    undetected.push(`The server's port: no compose file publishes one, so ${port} is assumed; change connection.port if the server listens elsewhere.`);
  }
  // The user: the compose environment (POSTGRES_USER), else a .env entry, else the administrator.
  let user = engine === 'sqlserver' ? 'sa' : 'postgres';
  let userReason = engine === 'sqlserver' ? "SQL Server's administrator: the bootstrap creates databases and logins" : "PostgreSQL's default administrator";
  let userSource: string | undefined;
  const composeUser = engine === 'postgres' ? server?.environment.get('POSTGRES_USER') : undefined;
  const envUser = USER_KEYS[engine].map((k) => env?.entries.get(k)).find((e) => e?.value !== undefined && e.value !== '');
  if (composeUser?.value !== undefined && composeUser.value !== '' && compose !== undefined) {
    user = composeUser.value;
    userReason = 'POSTGRES_USER of the compose service';
    userSource = `${compose.file}:${composeUser.line}`;
  } else if (envUser !== undefined) {
    user = envUser.value as string;
    userReason = `${envUser.key} in .env`;
    userSource = envRel(envUser.line);
  }
  guess('connection.user', user, userReason, userSource);

  // The password: never read. The CLI takes it from the variable the compose file passes to the server.
  const adminVars = engine === 'sqlserver' ? ['MSSQL_SA_PASSWORD', 'SA_PASSWORD'] : ['POSTGRES_PASSWORD'];
  const adminEntry = adminVars.map((v) => server?.environment.get(v)).find((e) => e !== undefined);
  const passwordEnv = adminEntry?.refs.find((r) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(r));
  const connection: ProjectConnection = {
    host,
    port,
    user,
    ...(passwordEnv === undefined ? {} : { passwordEnv }),
    ...(engine === 'sqlserver' ? { encrypt: true, trustServerCertificate: true } : {}),
  };
  if (passwordEnv !== undefined && compose !== undefined) {
    const inEnv = env?.entries.get(passwordEnv);
    guess('connection.passwordEnv', passwordEnv, `the variable the compose file gives the server its administrator password from${inEnv === undefined ? '' : ' (it is in .env; its value was not read)'}`, `${compose.file}:${adminEntry?.line ?? 1}`);
  }
  if (engine === 'sqlserver') guess('connection.trustServerCertificate', true, 'a local development server presents a self-signed certificate');
  undetected.push(
    `Passwords are never read or copied: in VS Code use 'DW: Set Password'; the CLI reads ${passwordEnv ?? 'DWB_PASSWORD'} from the environment` +
      (env?.entries.has(passwordEnv ?? 'DWB_PASSWORD') === true ? ' or the project .env.' : '.'),
  );
  return connection;
}

function databasesOf(engine: Dialect, facts: ScriptFacts, server: ComposeServer | undefined, compose: ComposeFacts | undefined, guess: Guess, undetected: string[]): { oltp?: string; dw?: string } | undefined {
  const out: { oltp?: string; dw?: string } = {};
  for (const role of ['oltp', 'dw'] as const) {
    const used = facts.databases[role][0];
    if (used !== undefined) {
      out[role] = used.name;
      guess(`databases.${role}`, used.name, `the ${role === 'oltp' ? 'OLTP' : 'warehouse'} scripts ${engine === 'sqlserver' ? 'USE' : 'connect to'} it`, used.at);
      continue;
    }
    const created = facts.createdDatabases.find((c) => (role === 'oltp' ? /oltp|source|origem/i : /dw|warehouse/i).test(c.name));
    if (created !== undefined) {
      out[role] = created.name;
      guess(`databases.${role}`, created.name, 'a script creates it (CREATE DATABASE) and its name says its role', created.at);
    }
  }
  if (engine === 'postgres') {
    const db = server?.environment.get('POSTGRES_DB');
    const only = facts.createdDatabases.length === 1 ? facts.createdDatabases[0] : undefined;
    for (const role of ['oltp', 'dw'] as const) {
      if (out[role] !== undefined) continue;
      if (db?.value !== undefined && db.value !== '' && compose !== undefined) {
        out[role] = db.value;
        guess(`databases.${role}`, db.value, 'POSTGRES_DB of the compose service (PostgreSQL keeps the OLTP and warehouse schemas in one database)', `${compose.file}:${db.line}`);
      } else if (only !== undefined) {
        out[role] = only.name;
        guess(`databases.${role}`, only.name, 'the one database the scripts create (PostgreSQL keeps the OLTP and warehouse schemas in one database)', only.at);
      }
    }
  }
  for (const role of ['oltp', 'dw'] as const) {
    if (out[role] === undefined) {
      const fallback = engine === 'sqlserver' ? (role === 'oltp' ? 'ECOMMERCE_OLTP' : 'DW_ECOMMERCE') : 'dw_ecommerce';
      undetected.push(`The ${role === 'oltp' ? 'OLTP' : 'warehouse'} database: no script names it (USE / \\c / CREATE DATABASE), so the default ${fallback} applies; set databases.${role} if yours differs.`);
    }
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

function variablesOf(facts: ScriptFacts, env: EnvFile | undefined, guess: Guess, undetected: string[]): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [name, at] of facts.undefinedVariables) {
    if (isSecretName(name)) {
      undetected.push(`Script variable ${name} (${at}) looks like a password: it is never stored in dw-workbench.json. ` +
        `The bootstrap supplies only ${PASSWORD_VARIABLES.join(' and ')}; rename it or define it with --var when you run the bootstrap.`);
      continue;
    }
    undetected.push(`Script variable ${name} (${at}) has no value: add it under "variables" before bootstrapping.`);
  }
  // Values the scripts read from the .env (non-secret), written out so the project does not depend on that file.
  const used = new Set<string>();
  for (const s of facts.scripts) {
    const text = readFileSync(s.file, 'utf8');
    for (const m of text.matchAll(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)|:'([A-Za-z_][A-Za-z0-9_]*)'|:"([A-Za-z_][A-Za-z0-9_]*)"/g)) used.add((m[1] ?? m[2] ?? m[3]) as string);
  }
  for (const name of [...used].sort()) {
    const entry = env?.entries.get(name);
    if (entry?.value === undefined) continue;
    out[name] = entry.value;
    guess(`variables.${name}`, entry.value, 'a script uses it and .env gives its value', `${path.basename(env?.file ?? '.env')}:${entry.line}`);
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

function stackOf(folder: string, engine: Dialect, compose: ComposeFacts, server: ComposeServer, env: EnvFile | undefined, guess: Guess, undetected: string[]): ProjectStack {
  const composeAbs = path.join(folder, compose.file);
  const stack: { -readonly [K in keyof ProjectStack]: ProjectStack[K] } = { composeFile: compose.file };
  guess('stack.composeFile', compose.file, `it runs the ${ENGINE_LABEL[engine]} server (service ${server.service})`, `${compose.file}:${server.serviceLine}`);
  // Compose names the project after COMPOSE_PROJECT_NAME, the file's `name:`, else the compose
  // file's folder: keeping that name reuses the existing containers and volumes (and their data).
  const fromEnv = env?.entries.get('COMPOSE_PROJECT_NAME');
  const projectName = (fromEnv?.value ?? compose.projectName?.value ?? path.basename(path.dirname(composeAbs))).toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[^a-z0-9]+/, '');
  if (/^[a-z0-9][a-z0-9_-]*$/.test(projectName)) {
    stack.projectName = projectName;
    const why = fromEnv?.value !== undefined ? 'COMPOSE_PROJECT_NAME in .env' : compose.projectName !== undefined ? 'the compose file names its project' : "compose's default, the compose file's folder";
    guess('stack.projectName', projectName, `${why}: the same name reuses the existing containers and volumes, so the data stays`, compose.projectName === undefined ? undefined : `${compose.file}:${compose.projectName.line}`);
  }
  stack.serverService = server.service;
  guess('stack.serverService', server.service, `its image is ${server.image?.value ?? 'built locally'}`, `${compose.file}:${server.image?.line ?? server.serviceLine}`);
  if (compose.backupService !== undefined) {
    stack.backupService = compose.backupService.value;
    guess('stack.backupService', compose.backupService.value, 'the service whose name says it takes backups', `${compose.file}:${compose.backupService.line}`);
  } else {
    undetected.push("No backup service in the compose file: 'DW: Backup Now' needs one (stack.backupService).");
  }
  if (server.healthSeconds !== undefined) {
    const seconds = Math.min(3600, Math.max(60, server.healthSeconds.value));
    stack.healthTimeoutSeconds = seconds;
    guess('stack.healthTimeoutSeconds', seconds, "the server's healthcheck: start_period + interval x retries (at least 60 s)", `${compose.file}:${server.healthSeconds.line}`);
  } else {
    undetected.push(`The server service ${server.service} has no healthcheck: 'DW: Start Stack' waits for one; add a healthcheck to the compose file.`);
  }
  const settings = Object.fromEntries([...compose.settings.entries()].filter(([k]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(k)).map(([k, v]) => [k, v.value]));
  if (Object.keys(settings).length > 0) {
    stack.env = settings;
    guess('stack.env', settings, 'the non-secret variables the compose file reads, with the values from .env or the defaults written in the file', compose.file);
  }
  const supplied = new Set(stackDefinition(engine).secretNames);
  const missing = [...compose.secretRefs.entries()].filter(([k]) => !supplied.has(k));
  if (missing.length > 0) {
    undetected.push(`The compose file reads secret(s) ${missing.map(([k, line]) => `${k} (${compose.file}:${line})`).join(', ')}; 'DW: Start Stack' supplies only ${[...supplied].join(', ')}. Rename them in the compose file or keep starting the stack as before.`);
  }
  return stack;
}

function stepsOf(facts: ScriptFacts, engine: Dialect, guess: Guess, undetected: string[]): BootstrapStep[] {
  if (facts.scripts.length === 0) {
    undetected.push("No SQL scripts found (sql/, database/, db/): the bootstrap plan is left out. 'DW: New Warehouse Project' adds the shipped scripts.");
    return [];
  }
  const steps = [...facts.steps];
  guess('bootstrap.steps', steps.map((s) => s.folder ?? s.script), `the scripts under ${facts.root === '' ? 'the folder' : facts.root}/, the OLTP folder first, then in natural order (01_, 02_, … 10_); one step per folder; each step's database is its folder's role (oltp or dw)`);
  if (engine === 'sqlserver') guess('bootstrap.steps[].database', 'oltp/dw', 'SQL Server scripts start on master and USE their own databases; the role names the database conditions are checked in');
  if (facts.included.length > 0) guess('bootstrap.steps (includes)', facts.included, 'files only reached through :r / \\i includes are not steps of their own');
  for (const e of facts.parseErrors) undetected.push(`${e} (the bootstrap will refuse this script until it is fixed)`);
  const seeds = facts.scripts.filter((s) => /seed|carga|incremental|dados|sample/i.test(path.basename(s.file)));
  if (seeds.length > 0) {
    undetected.push(`Whether the seed scripts (${seeds.slice(0, MAX_LISTED).map((s) => s.rel).join(', ')}) may run twice: the bootstrap runs every step each time. ` +
      'If one is not idempotent, split it into its own step with "when": {"tableEmpty": "core.customers"}.');
  }
  return steps;
}

function etlOf(folder: string, guess: Guess, undetected: string[]): { entitiesDir: string } | undefined {
  const { csvs, python } = etlFacts(folder);
  for (const csv of csvs) {
    const r = rel(folder, csv);
    const cmp = compareMapping(csv);
    if ('error' in cmp) {
      undetected.push(`${r}: not read as a mapping contract (${cmp.error}).`);
    } else if (cmp.differing.length === 0) {
      guess('etl', r, `the mapping CSV (${cmp.rows} rows, targets ${cmp.targets.join(', ')}) matches the contract the shipped ETL definitions follow`, `${r}:1`);
    } else {
      undetected.push(`${r}: ${cmp.differing.length} of ${cmp.rows} mapping row(s) differ from the contract the shipped ETL definitions follow, e.g. ${cmp.differing.slice(0, 3).join('; ')}. ` +
        'Edit the entity definitions (etl/entities) to match before running the ETL.');
    }
  }
  if (python.length > 0) {
    undetected.push(`Python ETL code in ${python.slice(0, MAX_LISTED).map((p) => rel(folder, p) || '.').join(', ')} is not translated: DW Workbench's ETL runs its own entity definitions (set-based merge, same watermark and audit tables).`);
  }
  const entities = path.join(folder, 'etl', 'entities');
  if (existsSync(entities) && readdirSync(entities).some((f) => f.endsWith('.json'))) {
    guess('etl.entitiesDir', 'etl/entities', 'the folder holds entity definition files', 'etl/entities');
    return { entitiesDir: 'etl/entities' };
  }
  return undefined;
}

/** The project file already exists and the caller did not confirm replacing it. */
export class ProjectFileExistsError extends Error {
  constructor(readonly file: string) {
    super(`${file} already exists; it was left unchanged. Confirm replacing it (--write --force in the CLI).`);
    this.name = 'ProjectFileExistsError';
  }
}

/** Writes the proposal atomically (temporary file, then rename); never replaces a file unless told to. */
export function writeDetectedProject(result: Pick<DetectResult, 'projectFile' | 'text'>, options: { readonly overwrite?: boolean } = {}): void {
  if (existsSync(result.projectFile) && options.overwrite !== true) throw new ProjectFileExistsError(result.projectFile);
  const tmp = `${result.projectFile}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, result.text, { encoding: 'utf8', flag: 'wx' });
    renameSync(tmp, result.projectFile);
  } catch (e) {
    if (existsSync(tmp)) unlinkSync(tmp);
    throw e;
  }
}

/** Plain-text explanation of a result: one line per guess, then what could not be detected. */
export function describeDetection(result: DetectResult): string[] {
  const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
  return [
    `Proposed ${result.projectFile}${result.projectFileExists ? ' (a dw-workbench.json already exists there)' : ''}:`,
    ...result.guesses.map((g) => `  ${g.setting} = ${show(g.value)}: ${g.reason}${g.source === undefined ? '' : ` [${g.source}]`}`),
    ...(result.undetected.length === 0 ? [] : ['Not detected:', ...result.undetected.map((u) => `  - ${u}`)]),
  ];
}
