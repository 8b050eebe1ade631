import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { WebviewStrings } from './webviewPage';

/**
 * The extension's l10n bundle for a language, for pages made outside VS Code (`dwb dashboard`,
 * tests): inside VS Code the host passes `vscode.l10n.bundle`, which VS Code loaded from the same
 * files. `l10nDir` is the package's `l10n` folder. English (the keys) and a language without a
 * bundle give undefined: the page shows the English text. Lookup: `bundle.l10n.<tag>.json` for
 * the whole tag in lower case (pt-br), then the primary language (pt), then any region of it.
 */
export async function readL10nBundle(l10nDir: string, language: string): Promise<WebviewStrings | undefined> {
  const tag = language.toLowerCase();
  const primary = tag.split('-')[0] ?? tag;
  if (primary === 'en' || primary === '') return undefined;
  let files: string[];
  try {
    files = await readdir(l10nDir);
  } catch (e) {
    throw new Error(`Cannot read the localisation bundles in ${l10nDir}: ${(e as Error).message}. Reinstall the package.`);
  }
  const name = [`bundle.l10n.${tag}.json`, `bundle.l10n.${primary}.json`].find((n) => files.includes(n))
    ?? files.sort().find((n) => n.startsWith(`bundle.l10n.${primary}-`) && n.endsWith('.json'));
  if (name === undefined) return undefined;
  const file = path.join(l10nDir, name);
  try {
    return JSON.parse(await readFile(file, 'utf8')) as WebviewStrings;
  } catch (e) {
    throw new Error(`Cannot read the localisation bundle ${file}: ${(e as Error).message}.`);
  }
}
