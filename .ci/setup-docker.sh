#!/usr/bin/env bash
# Provisions a real Docker engine for the stack tests on a Debian 12 machine without a container
# registry, and stops it again.
#
#   bash .ci/setup-docker.sh start   install what is missing, start dockerd if none answers,
#                                    build local/postgres:15-bookworm and the watch service's
#                                    Node.js layer on local/debian:trixie (idempotent)
#   bash .ci/setup-docker.sh stop    stop the dockerd this script started (by its PID)
#   bash .ci/setup-docker.sh env     print the exports the tests need (DOCKER_CONFIG)
#
# Everything it creates lives under .tools/docker (git-ignored), /var/lib/docker and
# /var/run/docker*. The host's apt sources are never changed. Run as root.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# DWB_TOOLS_DIR moves the tool folder (CI keeps one outside the clone, reused between runs).
WORK=${DWB_DOCKER_TOOLS:-${DWB_TOOLS_DIR:-$ROOT/.tools}/docker}
export DOCKER_CONFIG=${DOCKER_CONFIG:-$WORK/config}
PID_FILE=$WORK/dockerd.pid
BASE_IMAGE=local/debian:bookworm
# The watch service's base (stack.watch): Debian 13, whose nodejs (20) the CLI bundle targets.
WATCH_BASE_IMAGE=${DWB_WATCH_BASE_IMAGE:-local/debian:trixie}
PG_IMAGE=${DWB_POSTGRES_IMAGE:-local/postgres:15-bookworm}
MIRROR=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
MIRROR=${MIRROR:-http://deb.debian.org/debian}

T0=$(date +%s%N); TL=$T0
lap() {
  local now; now=$(date +%s%N)
  printf '[setup-docker] %-48s step %6.1fs  total %6.1fs\n' "$*" \
    "$(awk "BEGIN{print ($now-$TL)/1e9}")" "$(awk "BEGIN{print ($now-$T0)/1e9}")"
  TL=$now
}

daemon_answers() { docker info >/dev/null 2>&1; }

install_packages() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  command -v psql >/dev/null || missing+=(postgresql-client)
  # Compose v1, for the fallback path (bookworm ships 1.29).
  command -v docker-compose >/dev/null || missing+=(docker-compose)
  if [ ${#missing[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    # Waits for the dpkg lock instead of failing when another apt run holds it.
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  lap "apt: ${missing[*]:-nothing missing}"
}

# Compose v2 and buildx from Debian 13's packages: static Go binaries that need only libc.
# A separate apt state directory keeps the host's sources untouched.
install_cli_plugins() {
  local plugins=$DOCKER_CONFIG/cli-plugins
  mkdir -p "$plugins"
  if [ ! -x "$plugins/docker-compose" ] || [ ! -x "$plugins/docker-buildx" ]; then
    local a=(-o "Dir::Etc::SourceList=$WORK/trixie.list" -o Dir::Etc::SourceParts=/dev/null
             -o "Dir::State::Lists=$WORK/apt-lists" -o "Dir::Cache=$WORK/apt-cache")
    mkdir -p "$WORK/apt-lists/partial" "$WORK/apt-cache/archives/partial" "$WORK/debs"
    echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $MIRROR trixie main" >"$WORK/trixie.list"
    apt-get "${a[@]}" update -qq
    (cd "$WORK/debs" && apt-get "${a[@]}" download docker-compose/trixie docker-buildx/trixie >/dev/null 2>&1)
    for d in "$WORK"/debs/*.deb; do
      dpkg-deb --fsys-tarfile "$d" | tar -x -C "$plugins" --strip-components=5 \
        --wildcards './usr/libexec/docker/cli-plugins/*'
    done
  fi
  docker compose version >/dev/null
  lap "compose v2 + buildx plugins ($(docker compose version --short))"
}

start_dockerd() {
  if daemon_answers; then
    lap "dockerd already answering (left as is)"
    return
  fi
  nohup dockerd --storage-driver=overlay2 >"$WORK/dockerd.log" 2>&1 &
  echo $! >"$PID_FILE"
  for _ in $(seq 1 120); do daemon_answers && break; sleep 0.5; done
  daemon_answers || { echo "dockerd did not answer; see $WORK/dockerd.log" >&2; exit 1; }
  lap "dockerd started (pid $(cat "$PID_FILE"))"
}

# build_base_image SUITE IMAGE: a minimal Debian SUITE from the mirror, imported as IMAGE.
build_base_image() {
  local suite=$1 image=$2
  if ! docker image inspect "$image" >/dev/null 2>&1; then
    local rootfs=$WORK/rootfs-$suite
    rm -rf "$rootfs"
    debootstrap --variant=minbase "$suite" "$rootfs" "$MIRROR" >"$WORK/debootstrap-$suite.log" 2>&1 \
      || { tail -20 "$WORK/debootstrap-$suite.log" >&2; exit 1; }
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
    tar -C "$rootfs" -c . | docker import - "$image" >/dev/null
    rm -rf "$rootfs"
  fi
  lap "base image $image"
}

build_postgres_image() {
  # Rebuilt when the Dockerfile or entrypoint changed: the label carries their checksum.
  local dir=$ROOT/docker/images/postgres sum have
  sum=$(cat "$dir/Dockerfile" "$dir/entrypoint.sh" | sha256sum | cut -c1-16)
  have=$(docker image inspect -f '{{index .Config.Labels "dwb.source"}}' "$PG_IMAGE" 2>/dev/null || true)
  if [ "$have" != "$sum" ]; then
    docker build -q --label "dwb.source=$sum" -t "$PG_IMAGE" "$dir" >"$WORK/build.log" 2>&1 \
      || { cat "$WORK/build.log" >&2; exit 1; }
  fi
  lap "image $PG_IMAGE"
}

# The watch image's Node.js layer (apt-get install nodejs, about a minute), built once here so a
# stack test only adds the CLI bundle on top (docker's build cache; a few seconds).
warm_watch_runtime() {
  docker build -q --target runtime --build-arg "BASE_IMAGE=$WATCH_BASE_IMAGE" -t local/dwb-watch-runtime:trixie \
    "$ROOT/docker/images/watch" >"$WORK/build-watch.log" 2>&1 || { cat "$WORK/build-watch.log" >&2; exit 1; }
  lap "watch runtime layer on $WATCH_BASE_IMAGE"
}

stop_dockerd() {
  if [ ! -s "$PID_FILE" ]; then
    echo "[setup-docker] no $PID_FILE: this script did not start dockerd, leaving it alone"
    return
  fi
  local pid; pid=$(cat "$PID_FILE")
  if kill -0 "$pid" 2>/dev/null && [ "$(cat /proc/"$pid"/comm 2>/dev/null)" = dockerd ]; then
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -f "$PID_FILE"
  lap "dockerd stopped (pid $pid)"
}

mkdir -p "$WORK"
case "${1:-start}" in
  start)
    install_packages
    install_cli_plugins
    start_dockerd
    build_base_image bookworm "$BASE_IMAGE"
    build_postgres_image
    build_base_image trixie "$WATCH_BASE_IMAGE"
    warm_watch_runtime
    echo "[setup-docker] ready; tests need: export DOCKER_CONFIG=$DOCKER_CONFIG"
    ;;
  stop) stop_dockerd ;;
  env) echo "export DOCKER_CONFIG=$DOCKER_CONFIG" ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
