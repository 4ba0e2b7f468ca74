#!/usr/bin/env bash
# A throwaway PostgreSQL 15 for tests, on loopback only (machine-notes "PostgreSQL and Redis").
#   postgres.sh start DIR PORT   initdb into DIR (scram auth), start on 127.0.0.1:PORT with its socket
#                                in DIR, create role and database "codecov", print the connection string
#                                (the role may create roles: cluster tests run silos as a least-privilege role)
#   postgres.sh stop DIR         fast shutdown of the server whose data lives in DIR
# Installs the Debian package when initdb is missing. Must run as root or as user postgres.
set -euo pipefail

bin=/usr/lib/postgresql/15/bin
role=codecov
password=codecov
database=codecov

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

ensure_installed() {
  if [ -x "$bin/initdb" ]; then return; fi
  echo "Installing the postgresql Debian package" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
}

start() {
  local dir="$1" port="$2"
  ensure_installed
  mkdir -p "$dir"
  chown postgres:postgres "$dir"
  chmod 700 "$dir"
  local pwfile="$dir/.superuser-password"
  # The superuser gets the same throwaway password; scram applies to TCP, the socket in DIR trusts its owner.
  printf '%s\n' "$password" > "$pwfile"
  chown postgres:postgres "$pwfile"
  as_postgres "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$pwfile" \
    --auth-host=scram-sha-256 --auth-local=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
  as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  as_postgres psql -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE ROLE $role LOGIN CREATEROLE PASSWORD '$password'" \
    -c "CREATE DATABASE $database OWNER $role" >/dev/null
  echo "Host=127.0.0.1;Port=$port;Username=$role;Password=$password;Database=$database"
}

stop() {
  local dir="$1"
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  fi
}

case "${1:-}" in
  start) [ $# -eq 3 ] || { echo "usage: $0 start DIR PORT" >&2; exit 2; }; start "$2" "$3" ;;
  stop) [ $# -eq 2 ] || { echo "usage: $0 stop DIR" >&2; exit 2; }; stop "$2" ;;
  *) echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
