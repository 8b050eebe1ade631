import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stackDefinition } from '../stack/definitions';
import { PASSWORD_VARIABLES } from '../warehouse/scripts';
import type { ComposeFacts, ComposeServer } from './detectCompose';
import { isSecretName } from './detectEnv';
import { ENGINE_LABEL, MAX_LISTED, type Findings, type Workspace } from './detectFindings';
import type { BootstrapStep, ProjectStack } from './types';

/** The databases section: what the scripts USE, connect to or create; on PostgreSQL the compose POSTGRES_DB. */
export function databasesOf(ws: Workspace, notes: Findings): { oltp?: string; dw?: string } | undefined {
  const { engine, scripts: facts, server, compose } = ws;
  const out: { oltp?: string; dw?: string } = {};
  for (const role of ['oltp', 'dw'] as const) {
    const used = facts.databases[role][0];
    if (used !== undefined) {
      out[role] = used.name;
      notes.guess(`databases.${role}`, used.name, `the ${role === 'oltp' ? 'OLTP' : 'warehouse'} scripts ${engine === 'sqlserver' ? 'USE' : 'connect to'} it`, used.at);
      continue;
    }
    const created = facts.createdDatabases.find((c) => (role === 'oltp' ? /oltp|source|origem/i : /dw|warehouse/i).test(c.name));
    if (created !== undefined) {
      out[role] = created.name;
      notes.guess(`databases.${role}`, created.name, 'a script creates it (CREATE DATABASE) and its name says its role', created.at);
    }
  }
  if (engine === 'postgres') {
    const db = server?.environment.get('POSTGRES_DB');
    const only = facts.createdDatabases.length === 1 ? facts.createdDatabases[0] : undefined;
    for (const role of ['oltp', 'dw'] as const) {
      if (out[role] !== undefined) continue;
      if (db?.value !== undefined && db.value !== '' && compose !== undefined) {
        out[role] = db.value;
        notes.guess(`databases.${role}`, db.value, 'POSTGRES_DB of the compose service (PostgreSQL keeps the OLTP and warehouse schemas in one database)', `${compose.file}:${db.line}`);
      } else if (only !== undefined) {
        out[role] = only.name;
        notes.guess(`databases.${role}`, only.name, 'the one database the scripts create (PostgreSQL keeps the OLTP and warehouse schemas in one database)', only.at);
      }
    }
  }
  for (const role of ['oltp', 'dw'] as const) {
    if (out[role] === undefined) {
      const fallback = engine === 'sqlserver' ? (role === 'oltp' ? 'ECOMMERCE_OLTP' : 'DW_ECOMMERCE') : 'dw_ecommerce';
      notes.notDetected(`The ${role === 'oltp' ? 'OLTP' : 'warehouse'} database: no script names it (USE / \\c / CREATE DATABASE), so the default ${fallback} applies; set databases.${role} if yours differs.`);
    }
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

/** The variables section: the .env's non-secret values that scripts use; variables without a value are reported. */
export function variablesOf(ws: Workspace, notes: Findings): Record<string, string> | undefined {
  const { scripts: facts, env } = ws;
  const out: Record<string, string> = {};
  for (const [name, at] of facts.undefinedVariables) {
    if (isSecretName(name)) {
      notes.notDetected(`Script variable ${name} (${at}) looks like a password: it is never stored in dw-workbench.json. `
        + `The bootstrap supplies only ${PASSWORD_VARIABLES.join(' and ')}; rename it or define it with --var when you run the bootstrap.`);
      continue;
    }
    notes.notDetected(`Script variable ${name} (${at}) has no value: add it under "variables" before bootstrapping.`);
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
    notes.guess(`variables.${name}`, entry.value, 'a script uses it and .env gives its value', `${path.basename(env?.file ?? '.env')}:${entry.line}`);
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

/** The stack section, from the compose file that runs the engine's server. */
export function stackOf(ws: Workspace, compose: ComposeFacts, server: ComposeServer, notes: Findings): ProjectStack {
  const { folder, engine, env } = ws;
  const composeAbs = path.join(folder, compose.file);
  const stack: { -readonly [K in keyof ProjectStack]: ProjectStack[K] } = { composeFile: compose.file };
  notes.guess('stack.composeFile', compose.file, `it runs the ${ENGINE_LABEL[engine]} server (service ${server.service})`, `${compose.file}:${server.serviceLine}`);
  // Compose names the project after COMPOSE_PROJECT_NAME, the file's `name:`, else the compose
  // file's folder: keeping that name reuses the existing containers and volumes (and their data).
  const fromEnv = env?.entries.get('COMPOSE_PROJECT_NAME');
  const projectName = (fromEnv?.value ?? compose.projectName?.value ?? path.basename(path.dirname(composeAbs))).toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[^a-z0-9]+/, '');
  if (/^[a-z0-9][a-z0-9_-]*$/.test(projectName)) {
    stack.projectName = projectName;
    const why = fromEnv?.value !== undefined ? 'COMPOSE_PROJECT_NAME in .env' : compose.projectName !== undefined ? 'the compose file names its project' : "compose's default, the compose file's folder";
    notes.guess('stack.projectName', projectName, `${why}: the same name reuses the existing containers and volumes, so the data stays`, compose.projectName === undefined ? undefined : `${compose.file}:${compose.projectName.line}`);
  }
  stack.serverService = server.service;
  notes.guess('stack.serverService', server.service, `its image is ${server.image?.value ?? 'built locally'}`, `${compose.file}:${server.image?.line ?? server.serviceLine}`);
  if (compose.backupService !== undefined) {
    stack.backupService = compose.backupService.value;
    notes.guess('stack.backupService', compose.backupService.value, 'the service whose name says it takes backups', `${compose.file}:${compose.backupService.line}`);
  } else {
    notes.notDetected("No backup service in the compose file: 'DW: Backup Now' needs one (stack.backupService).");
  }
  if (server.healthSeconds !== undefined) {
    const seconds = Math.min(3600, Math.max(60, server.healthSeconds.value));
    stack.healthTimeoutSeconds = seconds;
    notes.guess('stack.healthTimeoutSeconds', seconds, "the server's healthcheck: start_period + interval x retries (at least 60 s)", `${compose.file}:${server.healthSeconds.line}`);
  } else {
    notes.notDetected(`The server service ${server.service} has no healthcheck: 'DW: Start Stack' waits for one; add a healthcheck to the compose file.`);
  }
  const settings = Object.fromEntries([...compose.settings.entries()].filter(([k]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(k)).map(([k, v]) => [k, v.value]));
  if (Object.keys(settings).length > 0) {
    stack.env = settings;
    notes.guess('stack.env', settings, 'the non-secret variables the compose file reads, with the values from .env or the defaults written in the file', compose.file);
  }
  const supplied = new Set(stackDefinition(engine).secretNames);
  const missing = [...compose.secretRefs.entries()].filter(([k]) => !supplied.has(k));
  if (missing.length > 0) {
    notes.notDetected(`The compose file reads secret(s) ${missing.map(([k, line]) => `${k} (${compose.file}:${line})`).join(', ')}; 'DW: Start Stack' supplies only ${[...supplied].join(', ')}. Rename them in the compose file or keep starting the stack as before.`);
  }
  return stack;
}

/** The bootstrap plan: one step per script folder, the OLTP first, in natural order. */
export function stepsOf(ws: Workspace, notes: Findings): BootstrapStep[] {
  const { engine, scripts: facts } = ws;
  if (facts.scripts.length === 0) {
    notes.notDetected("No SQL scripts found (sql/, database/, db/): the bootstrap plan is left out. 'DW: New Warehouse Project' adds the shipped scripts.");
    return [];
  }
  const steps = [...facts.steps];
  notes.guess('bootstrap.steps', steps.map((s) => s.folder ?? s.script), `the scripts under ${facts.root === '' ? 'the folder' : facts.root}/, the OLTP folder first, then in natural order (01_, 02_, … 10_); one step per folder; each step's database is its folder's role (oltp or dw)`);
  if (engine === 'sqlserver') notes.guess('bootstrap.steps[].database', 'oltp/dw', 'SQL Server scripts start on master and USE their own databases; the role names the database conditions are checked in');
  if (facts.included.length > 0) notes.guess('bootstrap.steps (includes)', facts.included, 'files only reached through :r / \\i includes are not steps of their own');
  for (const e of facts.parseErrors) notes.notDetected(`${e} (the bootstrap will refuse this script until it is fixed)`);
  const seeds = facts.scripts.filter((s) => /seed|carga|incremental|dados|sample/i.test(path.basename(s.file)));
  if (seeds.length > 0) {
    notes.notDetected(`Whether the seed scripts (${seeds.slice(0, MAX_LISTED).map((s) => s.rel).join(', ')}) may run twice: the bootstrap runs every step each time. `
      + 'If one is not idempotent, split it into its own step with "when": {"tableEmpty": "core.customers"}.');
  }
  return steps;
}
