import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Every file under `dir` (hidden ones and sub-folders included) whose bytes contain `text`, relative to `dir`. */
export async function filesHolding(dir: string, text: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if ((await readFile(file)).includes(text)) found.push(path.relative(dir, file));
  }
  return found.sort();
}
