#!/usr/bin/env bash
# Provisions Babelfish for PostgreSQL (a SQL Server-compatible server: TDS wire protocol + T-SQL)
# for the SQL Server suites on a Debian 12 machine, and stops it again.
#
#   bash .ci/setup-babelfish.sh start   check the vendored build's checksum, install the runtime
#                                       packages and the en_US.UTF-8 locale, unpack to
#                                       /opt/babelfish, initialise a cluster once, start it
#                                       (idempotent: a running cluster is left as is)
#   bash .ci/setup-babelfish.sh stop    stop the cluster in this tool folder (fast shutdown)
#   bash .ci/setup-babelfish.sh env     print `export DW_TEST_MSSQL=...` (and DW_TEST_PG_PASSWORD_AUTH)
#                                       when the cluster answers
#
# DW_TEST_MSSQL is "host=127.0.0.1;port=<TDS port>;user=<sysadmin login>;password=<generated>",
# the format every SQL Server suite parses (test/integration/engine/engineTargets.ts).
# DW_TEST_PG_PASSWORD_AUTH is the same login on the cluster's PostgreSQL side (md5), for the
# PostgreSQL wrong-password case.
#
# Where the vendored build (../shared/vendor/babelfish beside the clone) is absent, `start` says so
# and exits 0; `env` then prints nothing, and the SQL Server suites skip with their reason.
#
# Everything it creates lives under ${DWB_TOOLS_DIR:-.tools}/babelfish (git-ignored: the data
# directory, the server log, the sysadmin password in a 0600 file) and /opt/babelfish. The server
# runs as the unprivileged `postgres` OS account (initdb refuses root) and listens on 127.0.0.1
# only. The password is generated once and never printed except by `env`. Run as root.
#
# Settings (environment):
#   DWB_BABELFISH_TDS_PORT  TDS port (default 1433)
#   DWB_BABELFISH_PG_PORT   PostgreSQL-side port of the cluster (default 5433; socket in /tmp)
#   DWB_BABELFISH_VENDOR    folder holding the tarball and SHA256SUMS (default: ../shared/vendor/babelfish)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${DWB_BABELFISH_TOOLS:-${DWB_TOOLS_DIR:-$ROOT/.tools}/babelfish}
DATA=$WORK/data
PASSWORD_FILE=$WORK/sysadmin.password
PREFIX=/opt/babelfish
TARBALL_NAME=babelfish-4.2.0-pg16.3-debian12-amd64.tar.gz
TDS_PORT=${DWB_BABELFISH_TDS_PORT:-1433}
PG_PORT=${DWB_BABELFISH_PG_PORT:-5433}
LOGIN=dwb_sysadmin
OSUSER=postgres
RUNTIME_PACKAGES=(libicu72 libxml2 libossp-uuid16 libssl3 libstdc++6 openssl locales)

# The vendored build sits in the `shared` folder beside the clone (../shared); a git worktree one
# level deeper finds it at ../../shared.
vendor_dir() {
  local d candidates=("$ROOT/../shared/vendor/babelfish" "$ROOT/../../shared/vendor/babelfish")
  if [ -n "${DWB_BABELFISH_VENDOR:-}" ]; then candidates=("$DWB_BABELFISH_VENDOR"); fi
  for d in "${candidates[@]}"; do
    if [ -f "$d/$TARBALL_NAME" ] && [ -f "$d/SHA256SUMS" ]; then (cd "$d" && pwd); return; fi
  done
}

T0=$(date +%s%N); TL=$T0
lap() {
  local now; now=$(date +%s%N)
  printf '[setup-babelfish] %-52s step %6.1fs  total %6.1fs\n' "$*" \
    "$(awk "BEGIN{print ($now-$TL)/1e9}")" "$(awk "BEGIN{print ($now-$T0)/1e9}")" >&2
  TL=$now
}

as_os_user() { su "$OSUSER" -s /bin/bash -c "$1"; }
pg_ctl_() { as_os_user "$PREFIX/bin/pg_ctl -D '$DATA' -l '$WORK/server.log' $1"; }
server_running() { [ -f "$DATA/PG_VERSION" ] && pg_ctl_ "status" >/dev/null 2>&1; }
tds_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$TDS_PORT") 2>/dev/null; }

verify_checksum() {
  local vendor=$1 want have
  want=$(awk -v f="$TARBALL_NAME" '$2 == f {print $1}' "$vendor/SHA256SUMS")
  [ -n "$want" ] || { echo "[setup-babelfish] $vendor/SHA256SUMS has no line for $TARBALL_NAME" >&2; exit 1; }
  have=$(sha256sum "$vendor/$TARBALL_NAME" | cut -d' ' -f1)
  if [ "$have" != "$want" ]; then
    echo "[setup-babelfish] checksum mismatch for $vendor/$TARBALL_NAME: expected $want, got $have; refusing to use it" >&2
    exit 1
  fi
  echo "$want"
}

install_packages() {
  local missing=() p
  for p in "${RUNTIME_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  id "$OSUSER" >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /usr/sbin/nologin "$OSUSER"
  lap "apt: ${missing[*]:-nothing missing}"
}

# The warehouse's date dimension sets lc_time to en_US.UTF-8 (month and weekday names): the
# server refuses a locale the OS does not have.
install_locale() {
  if ! locale -a 2>/dev/null | grep -qix 'en_US.utf8'; then
    sed -i 's/^# *\(en_US.UTF-8 UTF-8\)/\1/' /etc/locale.gen
    grep -q '^en_US.UTF-8 UTF-8' /etc/locale.gen || echo 'en_US.UTF-8 UTF-8' >>/etc/locale.gen
    locale-gen >/dev/null
  fi
  lap "locale en_US.UTF-8"
}

# Unpacks once; a marker holds the checksum of the tarball it came from. An /opt/babelfish that
# was unpacked by hand from the same build (same PostgreSQL version and Babelfish libraries) is
# adopted instead of being overwritten under a server that may be running from it.
unpack() {
  local vendor=$1 sum=$2 marker=$PREFIX/.dwb-sha256
  if [ -f "$marker" ] && [ "$(cat "$marker")" = "$sum" ]; then
    lap "$PREFIX already unpacked"
    return
  fi
  if [ -x "$PREFIX/bin/postgres" ] && [ -f "$PREFIX/lib/postgresql/babelfishpg_tds.so" ] \
     && "$PREFIX/bin/postgres" --version | grep -q ' 16\.3$'; then
    echo "$sum" >"$marker"
    lap "$PREFIX present (PostgreSQL 16.3 + Babelfish), adopted"
    return
  fi
  rm -rf "$PREFIX"
  tar -xzf "$vendor/$TARBALL_NAME" -C "$(dirname "$PREFIX")"
  echo "$sum" >"$marker"
  lap "unpacked to $PREFIX"
}

# One cluster per tool folder, initialised once: initdb, TLS, Babelfish (multi-db), the escape
# hatches, then a restart (TLS on TDS and preloaded libraries need one, not a reload).
init_cluster() {
  if [ -f "$DATA/.dwb-initialised" ]; then return; fi
  if server_running; then pg_ctl_ "-m immediate -w stop" >/dev/null || true; fi
  rm -rf "$DATA"
  mkdir -p "$DATA"
  chown "$OSUSER": "$DATA"; chmod 700 "$DATA"
  # The work folder itself stays root's; the server account only needs to reach its data and log.
  chmod 711 "$WORK"
  touch "$WORK/server.log"; chown "$OSUSER": "$WORK/server.log"; chmod 600 "$WORK/server.log"
  if [ ! -s "$PASSWORD_FILE" ]; then
    (umask 077; printf 'Dwb-%s-Bbf\n' "$(openssl rand -hex 16)" >"$PASSWORD_FILE")
  fi
  chmod 600 "$PASSWORD_FILE"
  as_os_user "$PREFIX/bin/initdb -D '$DATA' -E UTF8 --locale=C.UTF-8 --auth-local=trust --auth-host=md5 -U postgres" >"$WORK/initdb.log"
  # TDS logins accept only trust/password/md5 in pg_hba.conf: scram-sha-256 is refused
  # ("unsupported TDS authentication"), so passwords are stored as md5 too.
  cat >>"$DATA/postgresql.conf" <<EOF

# --- DW Workbench: Babelfish for the SQL Server suites (.ci/setup-babelfish.sh) ---
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '/tmp'
password_encryption = md5
shared_preload_libraries = 'babelfishpg_tds'
babelfishpg_tds.listen_addresses = '127.0.0.1'
babelfishpg_tds.port = $TDS_PORT
# The default (1) logs every RPC at LOG level.
babelfishpg_tds.tds_debug_log_level = 0
# TDS cancel does not interrupt a running statement: end queries whose client went away.
client_connection_check_interval = '1s'
shared_buffers = 256MB
ssl = on
ssl_cert_file = 'server.crt'
ssl_key_file = 'server.key'
EOF
  openssl req -new -x509 -days 3650 -nodes -out "$DATA/server.crt" -keyout "$DATA/server.key" \
    -subj "/CN=localhost" 2>/dev/null
  chown "$OSUSER": "$DATA/server.crt" "$DATA/server.key"; chmod 600 "$DATA/server.key"
  pg_ctl_ "-w start" >/dev/null
  local password; password=$(cat "$PASSWORD_FILE")
  # Fed on stdin: the password never appears on a command line or in a file the server reads.
  as_os_user "$PREFIX/bin/psql -h /tmp -p $PG_PORT -U postgres -d postgres -v ON_ERROR_STOP=1 -q" >/dev/null <<EOF
CREATE USER $LOGIN WITH CREATEDB CREATEROLE PASSWORD '$password' INHERIT;
CREATE DATABASE babelfish_db OWNER $LOGIN;
\c babelfish_db
CREATE EXTENSION IF NOT EXISTS "babelfishpg_tds" CASCADE;
GRANT ALL ON SCHEMA sys TO $LOGIN;
ALTER SYSTEM SET babelfishpg_tsql.database_name = 'babelfish_db';
-- multi-db: the warehouse lives in two databases (ECOMMERCE_OLTP, DW_ECOMMERCE) joined by
-- three-part names; the mode only takes effect through ALTER SYSTEM + reload before initialising.
ALTER SYSTEM SET babelfishpg_tsql.migration_mode = 'multi-db';
ALTER DATABASE babelfish_db SET babelfishpg_tsql.migration_mode = 'multi-db';
SELECT pg_reload_conf();
SELECT pg_sleep(1);
CALL sys.initialize_babelfish('$LOGIN');
-- Escape hatches (what sp_babelfish_configure ..., 'server' stores), turned from "strict" to
-- "ignore" only where the project's scripts need it:
--   escape_hatch_login_misc_options  CREATE LOGIN ... CHECK_POLICY = ON
--     (sql/sqlserver/security/01_logins_and_roles.sql): the Windows password policy is SQL
--     Server's; Babelfish creates the login without it.
ALTER DATABASE babelfish_db SET babelfishpg_tsql.escape_hatch_login_misc_options = 'ignore';
EOF
  pg_ctl_ "-m fast -w restart" >/dev/null
  touch "$DATA/.dwb-initialised"
  lap "cluster initialised in $DATA (multi-db, TLS)"
}

start_server() {
  if server_running; then
    lap "Babelfish already running (left as is)"
  else
    pg_ctl_ "-w start" >/dev/null || { echo "[setup-babelfish] the server did not start; see $WORK/server.log" >&2; exit 1; }
    lap "Babelfish started"
  fi
  for _ in $(seq 1 60); do tds_answers && break; sleep 0.5; done
  tds_answers || { echo "[setup-babelfish] nothing answers on TDS port $TDS_PORT; see $WORK/server.log" >&2; exit 1; }
}

stop_server() {
  if server_running; then
    pg_ctl_ "-m fast -w stop" >/dev/null
    lap "Babelfish stopped"
  else
    lap "Babelfish not running in $DATA"
  fi
}

print_env() {
  if [ -s "$PASSWORD_FILE" ] && [ -f "$DATA/.dwb-initialised" ] && server_running; then
    local password; password=$(cat "$PASSWORD_FILE")
    echo "export DW_TEST_MSSQL='host=127.0.0.1;port=$TDS_PORT;user=$LOGIN;password=$password'"
    # The cluster's PostgreSQL side checks passwords (md5): the engine contract's wrong-password
    # case for PostgreSQL runs against it (the machine's PostgreSQL trusts 127.0.0.1).
    echo "export DW_TEST_PG_PASSWORD_AUTH='host=127.0.0.1;port=$PG_PORT;user=$LOGIN;password=$password;database=postgres'"
  else
    echo "[setup-babelfish] no Babelfish running in $DATA: DW_TEST_MSSQL not set, the SQL Server suites skip" >&2
  fi
}

mkdir -p "$WORK"
case "${1:-start}" in
  start)
    VENDOR=$(vendor_dir)
    if [ -z "$VENDOR" ]; then
      echo "[setup-babelfish] no vendored Babelfish build ($TARBALL_NAME + SHA256SUMS in ../shared/vendor/babelfish or DWB_BABELFISH_VENDOR): not started; the SQL Server suites skip" >&2
      exit 0
    fi
    SUM=$(verify_checksum "$VENDOR")
    lap "checksum $TARBALL_NAME ok"
    install_packages
    install_locale
    unpack "$VENDOR" "$SUM"
    init_cluster
    start_server
    echo "[setup-babelfish] ready: TDS 127.0.0.1:$TDS_PORT (TLS, login $LOGIN), PostgreSQL side 127.0.0.1:$PG_PORT; tests need: eval \"\$(bash .ci/setup-babelfish.sh env)\"" >&2
    ;;
  stop) stop_server ;;
  env) print_env ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
