import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ProjectFile } from '../../../src/core/project/types';
import { PROJECT_FILE_NAME } from '../../../src/core/project/types';

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
