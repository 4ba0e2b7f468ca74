#!/usr/bin/env bash
# Starts or stops a throwaway S3-compatible server (npm s3rver) for tests (machine-notes "S3-compatible storage").
#   s3rver.sh start DIR PORT   installs s3rver@3.7.1 into .test-env/npm if missing; serves DIR on 127.0.0.1:PORT
#   s3rver.sh stop DIR         stops the server started with that DIR
# Credentials are s3rver's fixed pair S3RVER / S3RVER.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/process.sh"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tools="$root/.test-env/npm"
bin="$tools/node_modules/.bin/s3rver"

usage() { echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2; }

start() {
  local dir="$1" port="$2"
  if [ ! -x "$bin" ]; then
    echo "Installing s3rver@3.7.1 into $tools" >&2
    mkdir -p "$tools"
    npm install --no-audit --no-fund --silent --prefix "$tools" s3rver@3.7.1 >/dev/null
  fi
  mkdir -p "$dir/data"
  dir="$(cd "$dir" && pwd)"
  nohup "$bin" -d "$dir/data" -a 127.0.0.1 -p "$port" --silent >"$dir/s3rver.log" 2>&1 &
  echo $! >"$dir/s3rver.pid"
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    kill -0 "$(cat "$dir/s3rver.pid")" 2>/dev/null || break
    sleep 0.1
  done
  echo "s3rver did not listen on 127.0.0.1:$port; see $dir/s3rver.log" >&2
  exit 1
}

stop() { stop_pidfile "$1/s3rver.pid"; }

case "${1:-}" in
  start) [ $# -eq 3 ] || usage; start "$2" "$3" ;;
  stop) [ $# -eq 2 ] || usage; stop "$2" ;;
  *) usage ;;
esac
