#!/usr/bin/env bash
# Usage: scripts/apt-install.sh PACKAGE...
# Installs Debian packages non-interactively, as root or through passwordless sudo.
# Waits (up to APT_LOCK_WAIT seconds, default 600) while another apt/dpkg holds the lock.
# With APT_NO_SERVICE_START=1, services shipped by the packages are not started
# (a temporary /usr/sbin/policy-rc.d answers 101).
# All output goes to stderr. Exit 2: cannot install here (not root, no sudo, or no apt-get).
set -euo pipefail

[ "$#" -gt 0 ] || { echo "usage: $0 PACKAGE..." >&2; exit 64; }

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO=(sudo -n)
else
  exit 2
fi
command -v apt-get >/dev/null 2>&1 || exit 2

lock_wait=${APT_LOCK_WAIT:-600}
deadline=$((SECONDS + lock_wait))
log=$(mktemp "${TMPDIR:-/tmp}/apt-install.XXXXXX")
policy_created=0

cleanup() {
  rm -f "$log"
  if [ "$policy_created" = 1 ]; then
    "${SUDO[@]}" rm -f /usr/sbin/policy-rc.d || true
  fi
}
trap cleanup EXIT

if [ "${APT_NO_SERVICE_START:-0}" = 1 ] && [ ! -e /usr/sbin/policy-rc.d ]; then
  "${SUDO[@]}" sh -c 'printf "#!/bin/sh\nexit 101\n" > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d'
  policy_created=1
fi

# run_apt ARGS...: apt-get with retries while the apt/dpkg lock is held by someone else.
run_apt() {
  local rc
  while :; do
    set +e
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive NEEDRESTART_MODE=a \
      apt-get -o DPkg::Lock::Timeout=60 -o Dpkg::Options::=--force-confdef \
      -o Dpkg::Options::=--force-confold "$@" 2>&1 | tee "$log" >&2
    rc=${PIPESTATUS[0]}
    set -e
    [ "$rc" -eq 0 ] && return 0
    if grep -q "dpkg --configure -a" "$log"; then
      echo ">> dpkg was interrupted earlier; running dpkg --configure -a" >&2
      "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive dpkg --configure -a >&2 || true
    elif ! grep -qiE "could not get lock|unable to (acquire|lock)|is another process using it" "$log"; then
      return "$rc"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo ">> gave up waiting for the apt/dpkg lock after ${lock_wait}s" >&2
      return "$rc"
    fi
    echo ">> apt/dpkg is busy (another install running?); retrying in 10s" >&2
    sleep 10
  done
}

echo ">> apt-get update" >&2
run_apt update
echo ">> apt-get install -y $*" >&2
run_apt install -y "$@"
