#!/usr/bin/env bash
# Makes sure PostgreSQL server binaries (initdb, pg_ctl, postgres) are present.
# Prints their directory as the last line on stdout; everything else goes to stderr.
# Prefers PostgreSQL 15 (what production-like machines have), accepts any version.
# If none is found and we are root (or have passwordless sudo) with apt-get,
# installs Debian's `postgresql` package; otherwise explains what to install and exits 1.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

find_bin_dir() {
  if [ -n "${PG_BIN_DIR:-}" ] && [ -x "$PG_BIN_DIR/initdb" ] && [ -x "$PG_BIN_DIR/pg_ctl" ]; then
    echo "$PG_BIN_DIR"; return 0
  fi
  if [ -x /usr/lib/postgresql/15/bin/initdb ] && [ -x /usr/lib/postgresql/15/bin/pg_ctl ]; then
    echo /usr/lib/postgresql/15/bin; return 0
  fi
  local d best=""
  # Newest version first.
  while IFS= read -r d; do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then best=$d; break; fi
  done < <(printf "%s\n" /usr/lib/postgresql/*/bin | sort -t/ -k5,5 -V -r)
  if [ -z "$best" ] && command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    best=$(dirname "$(command -v initdb)")
  fi
  [ -n "$best" ] || return 1
  echo "$best"
}

if dir=$(find_bin_dir); then
  echo "$dir"
  exit 0
fi

echo ">> PostgreSQL server binaries not found; installing Debian's postgresql package" >&2
rc=0
APT_NO_SERVICE_START=1 bash "$here/apt-install.sh" postgresql || rc=$?
if [ "$rc" -eq 2 ]; then
  cat >&2 <<'MSG'
error: PostgreSQL server binaries (initdb, pg_ctl) were not found and cannot be installed
automatically (need root or passwordless sudo, and apt-get).
Install them, e.g. on Debian/Ubuntu:
    sudo apt-get update && sudo apt-get install -y postgresql
(any version works; 15 is preferred), or set PG_BIN_DIR to a directory holding initdb and pg_ctl.
MSG
  exit 1
elif [ "$rc" -ne 0 ]; then
  echo "error: installing postgresql with apt-get failed (exit $rc)" >&2
  exit 1
fi

if dir=$(find_bin_dir); then
  echo "$dir"
  exit 0
fi
echo "error: postgresql was installed but initdb/pg_ctl are still not under /usr/lib/postgresql/*/bin" >&2
exit 1
