import { existsSync } from 'node:fs';
import path from 'node:path';

/** The repository root, whichever way the tests were started. */
export const repoRoot = process.env['DWB_REPO_ROOT'] ?? path.resolve(__dirname, '../../..');

/** Where `.ci/setup-code-server.sh` installs Node 24, code-server and their caches. */
export interface ToolFolder {
  readonly root: string;
  /** Node 24: code-server refuses older versions. */
  readonly node: string;
  readonly codeServer: string;
  readonly chromium: string;
  /** Scratch space for code-server's sockets and the browser profiles, outside the shared /tmp. */
  readonly tmp: string;
}

export const toolFolder: ToolFolder = (() => {
  const root = path.join(process.env['DWB_TOOLS_DIR'] ?? path.join(repoRoot, '.tools'), 'code-server');
  return {
    root,
    node: path.join(root, 'node24/node_modules/.bin/node'),
    codeServer: path.join(root, 'cs/node_modules/code-server/out/node/entry.js'),
    chromium: process.env['CHROMIUM'] ?? '/usr/bin/chromium',
    tmp: path.join(root, 'tmp'),
  };
})();

export const setupHint = 'run `bash .ci/setup-code-server.sh`';

/** Why the e2e suite cannot run on this machine, or undefined when it can. */
export function missingTools(): string | undefined {
  const missing = [toolFolder.node, toolFolder.codeServer, toolFolder.chromium].filter((p) => !existsSync(p));
  if (missing.length === 0) return undefined;
  return `code-server or Chromium not set up (missing ${missing.map((p) => path.relative(repoRoot, p)).join(', ')}): ${setupHint}`;
}
