import { existsSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectNameFrom } from '../scaffold/scaffold';
import { PASSWORD_VARIABLES, defaultScriptVariables } from '../warehouse/scripts';
import { readComposeFile, type ComposeFacts } from './detectCompose';
import { connectionOf } from './detectConnection';
import { chooseEngine, composeFiles } from './detectEngine';
import { readEnvFile, type EnvFile } from './detectEnv';
import { etlOf } from './detectEtl';
import { ENGINE_LABEL, Findings, rel, type Workspace } from './detectFindings';
import { analyseScripts, scanScripts } from './detectScripts';
import { databasesOf, stackOf, stepsOf, variablesOf } from './detectSections';
import { DetectError, type DetectProblem, type DetectResult } from './detectTypes';
import { projectProblems } from './load';
import { PROJECT_FILE_NAME, type ProjectFile } from './types';

export { DetectError } from './detectTypes';
export type { DetectGuess, DetectProblem, DetectResult } from './detectTypes';

export interface DetectOptions {
  /** The workspace folder to inspect. */
  readonly folder: string;
  /** Project name (default: the compose project name, else the folder's name). */
  readonly name?: string;
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
  const notes = new Findings();
  const ws = await readWorkspace(folder, notes);
  const { engine, compose, server } = ws;

  const connection = connectionOf(ws, notes);
  const databases = databasesOf(ws, notes);
  const variables = variablesOf(ws, notes);
  const stack = compose === undefined || server === undefined ? undefined : stackOf(ws, compose, server, notes);
  if (compose === undefined) notes.notDetected(`No compose file with a ${ENGINE_LABEL[engine]} service (looked in the folder and docker/): "stack" is left out; 'DW: Start Stack' would use the bundled compose file.`);
  const steps = stepsOf(ws, notes);
  const etl = etlOf(folder, notes);

  // No $schema key: VS Code associates the schema itself (jsonValidation); a URL would be fetched.
  const proposal: ProjectFile = {
    name: options.name ?? projectNameFrom(folder),
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
  const { guesses, undetected, scanned } = notes;
  return { folder, projectFile, projectFileExists: existsSync(projectFile), proposal, text, guesses, undetected, scanned };
}

/** Reads the .env, the compose files and the scripts, and chooses the engine from them. */
async function readWorkspace(folder: string, notes: Findings): Promise<Workspace> {
  const envFound = readEnvFile([path.join(folder, '.env'), path.join(folder, 'docker', '.env')]);
  if (envFound !== undefined) notes.scanned.push(rel(folder, envFound.file));
  const env: EnvFile | undefined = envFound === undefined ? undefined : { ...envFound, file: rel(folder, envFound.file) };

  const composeProblems: DetectProblem[] = [];
  const composes: ComposeFacts[] = [];
  for (const file of composeFiles(folder)) {
    notes.scanned.push(rel(folder, file));
    try {
      composes.push(readComposeFile(file, env, rel(folder, file)));
    } catch (e) {
      if (!(e instanceof DetectError)) throw e;
      composeProblems.push(...e.problems);
    }
  }
  if (composeProblems.length > 0) {
    throw new DetectError(composeProblems, 'The compose file cannot be read; fix it (docker compose config shows the same problem) and detect again.');
  }

  const scan = scanScripts(folder);
  for (const s of scan.files) notes.scanned.push(s.rel);
  const chosen = chooseEngine(folder, composes, scan);
  const engine = chosen.engine;
  notes.guess('engine', engine, chosen.reason, chosen.source);

  const compose = composes.find((c) => c.servers.some((s) => s.engine === engine));
  const server = compose?.servers.find((s) => s.engine === engine);

  // Script variables: the shipped defaults, then the .env's non-secret values; passwords are
  // supplied at bootstrap time, so a stand-in lets the scripts split.
  const envValues = Object.fromEntries([...(envFound?.entries.values() ?? [])].filter((e) => e.value !== undefined).map((e) => [e.key, e.value as string]));
  const stand = Object.fromEntries(PASSWORD_VARIABLES.map((n) => [n, 'x']));
  const scripts = await analyseScripts(folder, scan, engine, { ...defaultScriptVariables, ...envValues, ...stand });
  return { folder, engine, env: envFound, compose, server, scripts };
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
