#!/usr/bin/env bash
# `npm test`: every check. Independent checks run side by side (the machine has 2 cores and each
# of them leaves one partly idle); each one's output is printed whole when it ends, and the run
# stops after the first group that fails.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

logs=$(mktemp -d "${TMPDIR:-/tmp}/carebridge-test.XXXXXX")
trap 'rm -rf "$logs"' EXIT

# together NAME=COMMAND...: runs the commands at once, prints each one's output as a block, fails if any failed.
together() {
  local pids=() names=() failed=0 i name
  for spec in "$@"; do
    name=${spec%%=*}
    names+=("$name")
    (
      start=$(date +%s)
      set +e
      bash -c "${spec#*=}" >"$logs/$name.log" 2>&1
      rc=$?
      echo "$rc $(($(date +%s) - start))" >"$logs/$name.rc"
      exit "$rc"
    ) &
    pids+=($!)
  done
  for i in "${!pids[@]}"; do
    wait "${pids[$i]}" || true
  done
  for name in "${names[@]}"; do
    read -r rc secs <"$logs/$name.rc"
    printf '\n==================== %s (%s s, exit %s) ====================\n' "$name" "$secs" "$rc"
    cat "$logs/$name.log"
    [ "$rc" = 0 ] || failed=1
  done
  if [ "$failed" != 0 ]; then
    printf '\n==================== FAILED ====================\n'
    exit 1
  fi
}

# First the quick checks, and the production build the browser tests run against (it needs no
# database and is the longest part of this group).
together "typecheck=npm run typecheck" "lint=npm run lint" "unit=npm run test:unit" "build=bash scripts/test-e2e.sh --build-only"
# Then the integration suite on PostgreSQL beside the embedded-PGlite pass (vitest.config.ts says
# which files); each starts its own throwaway PostgreSQL (scripts/with-postgres.sh), so they share
# nothing. The browser tests come last, alone: run beside the integration suite's parallel-request
# tests they starved for CPU on two cores (pages timing out, and no quicker overall).
together "integration (PostgreSQL)=npm run test:integration" "integration (embedded PGlite)=npm run test:integration:pglite"
together "e2e (Chromium)=E2E_PREBUILT=1 npm run test:e2e"
printf '\n==================== all checks passed ====================\n'
