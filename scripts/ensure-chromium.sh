#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium (Playwright uses it; `npx playwright install`
# cannot download on these machines). Installs it with apt-get when root / passwordless sudo.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
chromium=/usr/bin/chromium

if [ -x "$chromium" ]; then
  exit 0
fi

echo ">> $chromium not found; installing Debian's chromium package" >&2
rc=0
bash "$here/apt-install.sh" chromium || rc=$?
if [ "$rc" -eq 2 ]; then
  cat >&2 <<'MSG'
error: /usr/bin/chromium was not found and cannot be installed automatically
(need root or passwordless sudo, and apt-get). Install it, e.g. on Debian:
    sudo apt-get update && sudo apt-get install -y chromium
MSG
  exit 1
elif [ "$rc" -ne 0 ]; then
  echo "error: installing chromium with apt-get failed (exit $rc)" >&2
  exit 1
fi

if [ ! -x "$chromium" ]; then
  echo "error: chromium was installed but $chromium is still missing" >&2
  exit 1
fi
echo ">> installed $("$chromium" --version 2>/dev/null || echo chromium)" >&2
