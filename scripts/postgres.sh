#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests, benchmarks and the replica proof: Debian's server binaries (installed with
# apt-get when missing), a cluster in a new temporary folder, listening on 127.0.0.1 on a free port, trust
# authentication for the loopback only, durability switched off (fsync, synchronous_commit: nothing here outlives the
# run). initdb refuses to run as root, so as root the cluster belongs to the `postgres` user that the package creates.
#
# Usage:
#   scripts/postgres.sh start [--owner-pid PID]
#       Starts a cluster and prints three lines, then returns (the server keeps running):
#         dir DIR            the cluster's folder (give it to `stop`)
#         port PORT
#         connection Host=127.0.0.1;Port=PORT;Username=postgres;Database=postgres
#       --owner-pid: a watchdog stops and removes the cluster as soon as process PID ends (a test run that is killed
#       leaves nothing running).
#   scripts/postgres.sh stop DIR
#       Stops the cluster in DIR (fast shutdown) and removes DIR.
#   scripts/postgres.sh run COMMAND [ARGS...]
#       Starts a cluster, runs COMMAND with ANATOMYBOT_POSTGRES set to its connection string, then stops it; exits
#       with COMMAND's exit code.
#   scripts/postgres.sh install
#       Only makes sure the server binaries are there.
# Exit codes: 0 ok, 1 failed, 2 usage, 3 no PostgreSQL server here and none can be installed (not root, or no
# apt-get); the reason is printed on stderr.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
log() { echo "postgres.sh: $*" >&2; }

find_bin() {
  local dir
  # The newest installed major version (Debian puts each in /usr/lib/postgresql/N/bin).
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

install_server() {
  find_bin >/dev/null && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    log "no PostgreSQL server binaries (initdb, pg_ctl) here, and they cannot be installed: $( [ "$(id -u)" != 0 ] && echo "not root" || echo "no apt-get"); install Debian's postgresql package"
    exit 3
  fi
  # The package would otherwise create (and try to start) a 'main' cluster on port 5432 that nothing here uses.
  if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
    mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.conf
  fi
  log "installing Debian's postgresql package (apt-get)"
  apt-get update -qq >/dev/null
  apt-get install -y -qq -o Dpkg::Options::=--force-confold postgresql >/dev/null
  find_bin >/dev/null || { log "apt-get installed postgresql but initdb/pg_ctl are not found"; exit 1; }
}

# Runs a server binary as the cluster's owner: the postgres user when we are root, ourselves otherwise.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || { log "running as root but there is no 'postgres' user to own the cluster"; exit 1; }
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

stop_cluster() {
  local dir=$1 bin
  [ -d "$dir" ] || return 0
  bin=$(cat "$dir/bin" 2>/dev/null || find_bin)
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
  fi
  if [ -f "$dir/watchdog.pid" ]; then
    local watchdog; watchdog=$(cat "$dir/watchdog.pid")
    [ "$watchdog" != "${BASHPID:-$$}" ] && kill "$watchdog" 2>/dev/null || true
  fi
  rm -rf "$dir"
}

start_cluster() {
  local owner_pid=$1 bin dir port started=false
  install_server
  bin=$(find_bin)
  dir=$(mktemp -d /tmp/anatomybot-pg.XXXXXX)
  chmod 755 "$dir"
  echo "$bin" >"$dir/bin"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  if ! as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2; rm -rf "$dir"; log "initdb failed"; exit 1
  fi
  # Another cluster (a colleague's run) may take a port between the check and the start: try a few.
  for _ in $(seq 1 20); do
    port=$(( 20000 + RANDOM % 30000 ))
    (: >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=32MB" \
        start >/dev/null 2>&1; then
      started=true; break
    fi
  done
  if [ "$started" != true ]; then
    tail -20 "$dir/server.log" >&2 || true; rm -rf "$dir"; log "the server did not start"; exit 1
  fi
  if [ -n "$owner_pid" ]; then
    # Detached from our stdout so the caller's read of the three lines ends when we return.
    nohup setsid bash -c 'while kill -0 "$1" 2>/dev/null && [ -d "$3" ]; do sleep 1; done; exec bash "$2" stop "$3"' \
      _ "$owner_pid" "$0" "$dir" >/dev/null 2>&1 </dev/null &
    echo $! >"$dir/watchdog.pid"
  fi
  echo "dir $dir"
  echo "port $port"
  echo "connection Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
}

case "${1:-}" in
  start)
    shift; owner=""
    while [ $# -gt 0 ]; do
      case "$1" in
        --owner-pid) owner=$2; shift 2 ;;
        *) echo "usage: scripts/postgres.sh start [--owner-pid PID]" >&2; exit 2 ;;
      esac
    done
    start_cluster "$owner"
    ;;
  stop)
    [ $# -eq 2 ] || { echo "usage: scripts/postgres.sh stop DIR" >&2; exit 2; }
    case "$2" in /tmp/anatomybot-pg.*) ;; *) log "refusing to remove $2: not a cluster folder of this script"; exit 2 ;; esac
    stop_cluster "$2"
    ;;
  run)
    shift; [ $# -ge 1 ] || { echo "usage: scripts/postgres.sh run COMMAND [ARGS...]" >&2; exit 2; }
    out=$(start_cluster "")
    dir=$(awk '$1 == "dir" {print $2}' <<<"$out")
    trap 'stop_cluster "$dir"' EXIT
    export ANATOMYBOT_POSTGRES; ANATOMYBOT_POSTGRES=$(sed -n 's/^connection //p' <<<"$out")
    log "cluster at ${ANATOMYBOT_POSTGRES}"
    set +e; "$@"; code=$?; set -e
    exit "$code"
    ;;
  install) install_server ;;
  *) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
