import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_FILE_NAME, type EngineName } from '../project/types';
import { GITIGNORE, dialectFolder, envExample, projectTemplate, type ServerSettings } from './templates';

export interface ScaffoldOptions {
  readonly engine: EngineName;
  /** The folder that becomes the project; created when missing. */
  readonly target: string;
  /** Where the bundled sql/, docker/ and etl/ templates live (the extension or package folder). */
  readonly assetsRoot: string;
  /** Project name; defaults to the folder name. */
  readonly name?: string;
  /** Server engines: where the project connects; defaults to the project's Docker stack. */
  readonly server?: ServerSettings;
}

export interface ScaffoldResult {
  readonly projectFile: string;
  /** Files and folders created, relative to the target. */
  readonly created: readonly string[];
  /** Files that already existed and were kept as they are. */
  readonly kept: readonly string[];
}

/** A project already exists at the target: scaffolding never overwrites one. */
export class ProjectExistsError extends Error {
  constructor(readonly file: string) {
    super(`${file} already exists: open it, or choose an empty folder for a new project.`);
    this.name = 'ProjectExistsError';
  }
}

/**
 * Creates a warehouse project: dw-workbench.json, the engine's SQL scripts, its compose file,
 * the ETL entity definitions, .env.example and a .gitignore that keeps secrets out. Existing
 * files are kept, never overwritten.
 */
export function scaffoldProject(options: ScaffoldOptions): ScaffoldResult {
  const target = path.resolve(options.target);
  const projectFile = path.join(target, PROJECT_FILE_NAME);
  if (existsSync(projectFile)) throw new ProjectExistsError(projectFile);
  mkdirSync(target, { recursive: true });
  const created: string[] = [];
  const kept: string[] = [];

  const copy = (from: string, to: string) => {
    const source = path.join(options.assetsRoot, from);
    if (!existsSync(source)) return;
    const dest = path.join(target, to);
    if (existsSync(dest)) {
      kept.push(to);
      return;
    }
    cpSync(source, dest, { recursive: true, errorOnExist: true, force: false });
    created.push(to);
  };
  const write = (rel: string, text: string) => {
    const dest = path.join(target, rel);
    if (existsSync(dest)) {
      kept.push(rel);
      return;
    }
    writeFileSync(dest, text, { flag: 'wx' });
    created.push(rel);
  };

  const dialect = dialectFolder(options.engine);
  copy(path.join('sql', dialect), path.join('sql', dialect));
  copy(path.join('etl', 'entities'), path.join('etl', 'entities'));
  if (options.engine !== 'pglite' && options.server?.stack !== false) {
    mkdirSync(path.join(target, 'docker'), { recursive: true });
    copy(path.join('docker', `compose.${options.engine}.yml`), path.join('docker', `compose.${options.engine}.yml`));
    // The PostgreSQL image's recipe, for machines without a registry. The watch service's image is
    // built by DW Workbench from its own installation, so its recipe stays there.
    if (options.engine === 'postgres') copy(path.join('docker', 'images', 'postgres'), path.join('docker', 'images', 'postgres'));
  }
  const name = options.name ?? projectNameFrom(target);
  write('.gitignore', GITIGNORE);
  write('.env.example', envExample(options.engine, options.server?.stack !== false));
  write(PROJECT_FILE_NAME, JSON.stringify(projectTemplate(options.engine, name, options.server), null, 2) + '\n');
  return { projectFile, created, kept };
}

/** A valid project name from a folder name (letters, digits, '_', '.', '-'). */
export function projectNameFrom(folder: string): string {
  const cleaned = path.basename(folder).replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return cleaned.length > 0 ? cleaned : 'warehouse';
}

/** Whether a folder holds nothing but dot-files (a fresh workspace). */
export function isEmptyFolder(folder: string): boolean {
  return !existsSync(folder) || readdirSync(folder).every((f) => f.startsWith('.'));
}
