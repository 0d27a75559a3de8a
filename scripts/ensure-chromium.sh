#!/usr/bin/env bash
# Makes sure Debian's headless Chromium is at /usr/bin/chromium-headless-shell (Playwright drives it;
# `npx playwright install` cannot download on these machines). Installs Debian's
# chromium-headless-shell package with apt-get when root / passwordless sudo.
# Why the headless shell and not the full browser: the full browser's new headless mode starts its
# own UI renderers for every browser context, and the test suite opens hundreds of contexts on two
# cores — the shell did the same browser tests with a third less CPU.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
chromium=/usr/bin/chromium-headless-shell

if [ -x "$chromium" ]; then
  exit 0
fi

echo ">> $chromium not found; installing Debian's chromium-headless-shell package" >&2
rc=0
bash "$here/apt-install.sh" chromium-headless-shell || rc=$?
if [ "$rc" -eq 2 ]; then
  cat >&2 <<'MSG'
error: /usr/bin/chromium-headless-shell was not found and cannot be installed automatically
(need root or passwordless sudo, and apt-get). Install it, e.g. on Debian:
    sudo apt-get update && sudo apt-get install -y chromium-headless-shell
MSG
  exit 1
elif [ "$rc" -ne 0 ]; then
  echo "error: installing chromium-headless-shell with apt-get failed (exit $rc)" >&2
  exit 1
fi

if [ ! -x "$chromium" ]; then
  echo "error: chromium-headless-shell was installed but $chromium is still missing" >&2
  exit 1
fi
echo ">> installed $("$chromium" --version 2>/dev/null || echo chromium-headless-shell)" >&2
