#!/usr/bin/env bash
# Opens a workspace in a real VS Code (code-server) with DW Workbench installed, and prints the
# URL to open in a browser. Used by `npm run demo -- --ui`.
# Usage: bash scripts/demo-ui.sh <workspace folder> [port]
# Needs the tools of `bash .ci/setup-code-server.sh` (Node 24 and code-server in the tool folder).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORKSPACE=$(cd "${1:?usage: demo-ui.sh <workspace folder> [port]}" && pwd)
PORT=${2:-8090}
TOOLS=${DWB_TOOLS_DIR:-$REPO/.tools}/code-server
NODE=$TOOLS/node24/node_modules/.bin/node
CODE_SERVER=$TOOLS/cs/node_modules/code-server/out/node/entry.js
if [ ! -x "$NODE" ] || [ ! -f "$CODE_SERVER" ]; then
  echo "code-server is not installed: run 'bash .ci/setup-code-server.sh' once (about 5 minutes), then again with --ui." >&2
  exit 4
fi
PROFILE=$REPO/.dw/code-server
mkdir -p "$PROFILE/user/User" "$PROFILE/extensions" "$PROFILE/xdg" "$TOOLS/tmp"
export XDG_CONFIG_HOME=$PROFILE/xdg/config XDG_DATA_HOME=$PROFILE/xdg/data XDG_CACHE_HOME=$PROFILE/xdg/cache TMPDIR=$TOOLS/tmp
cat > "$PROFILE/user/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoUpdate": false
}
JSON
(cd "$REPO" && npm run --silent package >/dev/null)
"$NODE" "$CODE_SERVER" --user-data-dir "$PROFILE/user" --extensions-dir "$PROFILE/extensions" \
  --install-extension "$REPO/dist/dw-workbench.vsix" --force >/dev/null
setsid nohup "$NODE" "$CODE_SERVER" --auth none --bind-addr "127.0.0.1:$PORT" --disable-telemetry \
  --disable-update-check --disable-workspace-trust --user-data-dir "$PROFILE/user" \
  --extensions-dir "$PROFILE/extensions" "$WORKSPACE" >"$PROFILE/code-server.log" 2>&1 &
PID=$!
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.5; done
curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" || { echo "code-server did not start; see $PROFILE/code-server.log" >&2; exit 1; }
echo "VS Code with DW Workbench: http://127.0.0.1:$PORT/?folder=$WORKSPACE"
echo "Stop it with: kill -- -$PID"
