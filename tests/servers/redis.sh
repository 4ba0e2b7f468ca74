#!/usr/bin/env bash
# Starts or stops a throwaway Redis for tests (machine-notes "PostgreSQL and Redis").
#   redis.sh start DIR PORT   installs redis-server from Debian if missing; daemon on 127.0.0.1:PORT, data and pidfile in DIR
#   redis.sh stop DIR         stops the server started with that DIR
# Snapshots and the append-only file are off: each test run gets an empty, disposable server.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/process.sh"

usage() { echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2; }

start() {
  local dir="$1" port="$2"
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "Installing redis-server (Debian package)" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  fi
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  redis-server --port "$port" --bind 127.0.0.1 --daemonize yes --dir "$dir" \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --save '' --appendonly no
  for _ in $(seq 1 50); do
    if redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; then return 0; fi
    sleep 0.1
  done
  echo "redis-server did not answer on 127.0.0.1:$port; see $dir/redis.log" >&2
  exit 1
}

stop() { stop_pidfile "$1/redis.pid"; }

case "${1:-}" in
  start) [ $# -eq 3 ] || usage; start "$2" "$3" ;;
  stop) [ $# -eq 2 ] || usage; stop "$2" ;;
  *) usage ;;
esac
