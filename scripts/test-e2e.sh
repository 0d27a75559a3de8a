#!/usr/bin/env bash
# Usage: scripts/test-e2e.sh [playwright test args...]
# Ensures Chromium, starts a throwaway PostgreSQL (scripts/with-postgres.sh), creates and
# migrates+seeds the `carebridge_e2e` database, builds the app, and runs Playwright, whose
# webServer (`next start` on 127.0.0.1:3100) inherits DATABASE_URL and the auth settings.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"

if [ "${1:-}" != "--inside-postgres" ]; then
  bash "$here/ensure-chromium.sh"
  exec bash "$here/with-postgres.sh" bash "$here/test-e2e.sh" --inside-postgres "$@"
fi
shift

: "${PG_ADMIN_URL:?PG_ADMIN_URL is not set (run through scripts/with-postgres.sh)}"

export NEXT_TELEMETRY_DISABLED=1
export AUTH_SECRET="${AUTH_SECRET:-carebridge-e2e-test-secret-0123456789abcdef0123456789abcdef}"
export AUTH_TRUST_HOST=true
export E2E_PORT="${E2E_PORT:-3100}"
export APP_URL="http://127.0.0.1:${E2E_PORT}"
export OUTBOX_VIEWER=1
# The access sweep's route (/api/access/sweep) answers only with this bearer secret.
export SWEEP_CRON_SECRET="${SWEEP_CRON_SECRET:-carebridge-e2e-sweep-secret-0123456789abcdef}"

db=carebridge_e2e
psql_bin=""
if [ -n "${PG_BIN_DIR:-}" ] && [ -x "$PG_BIN_DIR/psql" ]; then
  psql_bin=$PG_BIN_DIR/psql
elif command -v psql >/dev/null 2>&1; then
  psql_bin=$(command -v psql)
fi
echo ">> creating database $db" >&2
if [ -n "$psql_bin" ]; then
  "$psql_bin" "$PG_ADMIN_URL" -v ON_ERROR_STOP=1 -qAtc "create database $db"
else
  # shellcheck disable=SC2016  # JavaScript, not shell
  DB_NAME=$db node --input-type=module -e '
    import pg from "pg";
    const c = new pg.Client({ connectionString: process.env.PG_ADMIN_URL });
    await c.connect();
    await c.query(`create database ${process.env.DB_NAME}`);
    await c.end();
  '
fi
export DATABASE_URL="postgres://postgres@127.0.0.1:${PG_PORT:?}/$db"

echo ">> npm run db:migrate" >&2
npm run db:migrate
echo ">> npm run db:seed" >&2
npm run db:seed
echo ">> next build" >&2
# Built without OUTBOX_VIEWER and served with it: the outbox viewer's switch must work at runtime.
# Built without AUTH_SECRET too: only a starting production server needs it (instrumentation.ts).
env -u OUTBOX_VIEWER -u AUTH_SECRET npx next build
echo ">> playwright test $*" >&2
npx playwright test "$@"
