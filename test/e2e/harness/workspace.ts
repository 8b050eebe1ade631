import { cpSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ProjectFile } from '../../../src/core/project/types';
import { PROJECT_FILE_NAME } from '../../../src/core/project/types';
import { repoRoot } from './toolFolder';

/** A project folder as a user would open it: `dw-workbench.json` plus any extra files. */
export function createWorkspace(parent: string, name: string, project: ProjectFile, files: Record<string, string> = {}): string {
  const dir = path.join(parent, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, PROJECT_FILE_NAME), `${JSON.stringify(project, null, 2)}\n`);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

/**
 * A copy of test/fixtures/layouts/<layout> under `parent`, with no dw-workbench.json: its
 * `dot.env` renamed to `.env` (the repository ignores .env files, so fixtures keep another name).
 */
export function copyLayout(parent: string, layout: string): string {
  const dir = path.join(parent, layout);
  cpSync(path.join(repoRoot, 'test/fixtures/layouts', layout), dir, { recursive: true });
  if (existsSync(path.join(dir, 'dot.env'))) renameSync(path.join(dir, 'dot.env'), path.join(dir, '.env'));
  if (existsSync(path.join(dir, PROJECT_FILE_NAME))) throw new Error(`the ${layout} fixture has a ${PROJECT_FILE_NAME}`);
  return dir;
}
