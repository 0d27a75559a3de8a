#!/usr/bin/env bash
# shellcheck disable=SC2317  # cleanup/on_signal run from traps
# Usage: scripts/with-postgres.sh COMMAND [ARGS...]
# Starts a throwaway PostgreSQL server (own temp dir, free port on 127.0.0.1, durability off),
# exports PG_ADMIN_URL=postgres://postgres@127.0.0.1:PORT/postgres (plus PG_PORT, PG_BIN_DIR),
# runs the command, then always stops the server and deletes the temp dir.
# Exits with the command's exit code. Safe to run several times concurrently.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 64
fi

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PG_BIN_DIR=$(bash "$here/ensure-postgres.sh" | tail -n 1)
export PG_BIN_DIR

is_root=0
[ "$(id -u)" -eq 0 ] && is_root=1

# Unix socket paths are limited to ~107 bytes: fall back to /tmp for long TMPDIRs.
base=${TMPDIR:-/tmp}
[ "${#base}" -le 60 ] || base=/tmp
tmp=$(mktemp -d "${base%/}/carebridge-pg.XXXXXX")
data=$tmp/data
logfile=$tmp/postgres.log
started=0
child=""

# as_pg CMD...: run as the `postgres` OS user when we are root (initdb/postgres refuse root).
as_pg() {
  if [ "$is_root" = 1 ]; then
    local q
    printf -v q '%q ' "$@"
    su postgres -s /bin/sh -c "$q"
  else
    "$@"
  fi
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ "$started" = 1 ]; then
    if ! as_pg "$PG_BIN_DIR/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null 2>&1; then
      as_pg "$PG_BIN_DIR/pg_ctl" -D "$data" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
      if [ -f "$data/postmaster.pid" ]; then
        kill -KILL "$(head -n 1 "$data/postmaster.pid")" 2>/dev/null || true
      fi
    fi
  fi
  rm -rf "$tmp"
  exit "$rc"
}

on_signal() {
  local code=$1
  if [ -n "$child" ]; then
    # A background command starts with SIGINT ignored, so stop it with TERM in both cases.
    kill -TERM "$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
  fi
  exit "$code"
}

trap cleanup EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

if [ "$is_root" = 1 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "error: running as root needs a 'postgres' OS user (Debian's postgresql package creates it)" >&2
    exit 1
  fi
  chown postgres: "$tmp"
  chmod 700 "$tmp"
fi

locale_opt=(--no-locale)
if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then
  locale_opt=(--locale=C.UTF-8)
fi

if ! as_pg "$PG_BIN_DIR/initdb" -D "$data" -U postgres --auth=trust --no-sync -E UTF8 \
    "${locale_opt[@]}" >"$tmp/initdb.log" 2>&1; then
  cat "$tmp/initdb.log" >&2
  echo "error: initdb failed" >&2
  exit 1
fi

port_busy() {
  # Something already accepts connections on 127.0.0.1:$1?
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

port=${PG_TEST_PORT_START:-54329}
last=$((port + 200))
while :; do
  if [ "$port" -gt "$last" ]; then
    echo "error: no free port for PostgreSQL between ${PG_TEST_PORT_START:-54329} and $last" >&2
    exit 1
  fi
  if port_busy "$port"; then
    port=$((port + 1)); continue
  fi
  opts="-p $port -k $tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
  opts+=" -c full_page_writes=off -c max_connections=200"
  started=1
  if as_pg "$PG_BIN_DIR/pg_ctl" -D "$data" -l "$logfile" -w -t 60 -o "$opts" start >/dev/null 2>&1; then
    break
  fi
  started=0
  # Lost a race for the port (another run bound it first)? Try the next one.
  if grep -qiE "could not (bind|create listen socket)|address already in use" "$logfile" 2>/dev/null; then
    : >"$logfile" 2>/dev/null || true
    port=$((port + 1)); continue
  fi
  cat "$logfile" >&2 2>/dev/null || true
  echo "error: PostgreSQL failed to start" >&2
  exit 1
done

export PG_PORT=$port
export PG_ADMIN_URL="postgres://postgres@127.0.0.1:$port/postgres"
echo ">> PostgreSQL $("$PG_BIN_DIR/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (PG_ADMIN_URL=$PG_ADMIN_URL)" >&2

# Run in the background (stdin kept) so INT/TERM reach our traps promptly.
"$@" <&0 &
child=$!
rc=0
wait "$child" || rc=$?
child=""
exit "$rc"
