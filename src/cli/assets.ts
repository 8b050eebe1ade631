import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder holding the shipped sql/, docker/ and etl/ templates: the package root, found from
 * this file both as the bundle (dist/cli.js) and as source (src/cli/assets.ts under tsx).
 */
export function assetsRoot(): string {
  for (const candidate of [path.resolve(__dirname, '..'), path.resolve(__dirname, '../..')]) {
    if (existsSync(path.join(candidate, 'sql')) && existsSync(path.join(candidate, 'package.json'))) return candidate;
  }
  throw new Error(`Cannot find the DW Workbench templates (sql/, docker/, etl/) near ${__dirname}: reinstall the package.`);
}
