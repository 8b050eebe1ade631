#!/bin/sh
# `dwb` in the watch service (its entrypoint, and `docker compose exec dwb-watch dwb ...`).
# DWB_WATCH_ENV holds NAME=value lines from DW Workbench: the password under the name the
# project's connection.passwordEnv gives, each alert webhook's URL under its urlEnv. They are
# exported as such (never printed), because the names come from the project file and compose
# cannot name environment variables from a variable.
set -eu
if [ -n "${DWB_WATCH_ENV:-}" ]; then
  while IFS= read -r line; do
    if [ -n "$line" ]; then export "$line"; fi
  done <<EOF
$DWB_WATCH_ENV
EOF
fi
unset DWB_WATCH_ENV
exec node /opt/dw-workbench/dist/cli.js "$@"
