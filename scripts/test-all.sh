#!/usr/bin/env bash
# `npm test`: every check, in order, stopping at the first failure.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() {
  printf '\n==================== %s ====================\n' "$*"
  "$@"
}

step npm run typecheck
step npm run lint
step npm run test:unit
step npm run test:integration
# The same suite on the embedded database a newcomer gets by default (one connection: this is
# where a query that waits on its own transaction would hang).
step npm run test:integration:pglite
step npm run test:e2e

printf '\n==================== all checks passed ====================\n'
