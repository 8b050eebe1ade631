import { cpSync, existsSync, mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const FIXTURES = path.resolve(__dirname, '../../fixtures/layouts');

/** The secrets the fixtures' .env files hold: none may appear in anything detection produces. */
export const FIXTURE_SECRETS = ['Fixture-Sa-Secret-9f3', 'Fixture-Monitor-Secret-77', 'Fixture-Backup-Secret-55', 'Fixture-Pg-Secret-31'];

/**
 * A copy of a fixture layout in a temporary folder, its `dot.env` renamed to `.env` (the
 * repository ignores .env files, so fixtures keep them under another name).
 */
export function layoutCopy(name: string): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'dwb-detect-')), name);
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  if (existsSync(path.join(dir, 'dot.env'))) renameSync(path.join(dir, 'dot.env'), path.join(dir, '.env'));
  return dir;
}
