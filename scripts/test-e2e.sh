#!/usr/bin/env bash
# Usage: scripts/test-e2e.sh [playwright test args...]
#        scripts/test-e2e.sh --build-only    (only `next build`; npm test builds beside the other checks)
# E2E_PREBUILT=1 runs against the existing build instead of building.
# Ensures Chromium, starts a throwaway PostgreSQL (scripts/with-postgres.sh), builds the app, and runs
# Playwright against `next start`. With no arguments the specs are split into E2E_SHARDS (default 2)
# shards that run side by side, each with its own seeded database and its own server (ports E2E_PORT,
# E2E_PORT+1, …), so each shard sees the demo organisation exactly as a one-at-a-time run would — the
# specs change organisation-wide settings and seeded records, which rules out workers sharing one
# database. With arguments (e.g. one spec file) it is one run, as before.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"

export NEXT_TELEMETRY_DISABLED=1

# Built without OUTBOX_VIEWER and served with it: the outbox viewer's switch must work at runtime.
# Built without AUTH_SECRET too: only a starting production server needs it (instrumentation.ts).
build_app() { env -u OUTBOX_VIEWER -u AUTH_SECRET npx next build; }

if [ "${1:-}" = "--build-only" ]; then
  build_app
  exit
fi

if [ "${1:-}" != "--inside-postgres" ]; then
  bash "$here/ensure-chromium.sh"
  exec bash "$here/with-postgres.sh" bash "$here/test-e2e.sh" --inside-postgres "$@"
fi
shift

: "${PG_ADMIN_URL:?PG_ADMIN_URL is not set (run through scripts/with-postgres.sh)}"

export AUTH_SECRET="${AUTH_SECRET:-carebridge-e2e-test-secret-0123456789abcdef0123456789abcdef}"
export AUTH_TRUST_HOST=true
export OUTBOX_VIEWER=1
# The test server sends responses as they are (next.config.ts): gzip cost more CPU than the pages.
export HTTP_COMPRESSION="${HTTP_COMPRESSION:-off}"
# The end-date sweep's route (/api/access/sweep) answers only with this bearer token; specs call it like a cron job.
export SWEEP_CRON_SECRET="${SWEEP_CRON_SECRET:-carebridge-e2e-sweep-secret-0123456789abcdef}"
base_port="${E2E_PORT:-3100}"

shards=1
[ "$#" -eq 0 ] && shards="${E2E_SHARDS:-2}"

logs=$(mktemp -d "${TMPDIR:-/tmp}/carebridge-e2e.XXXXXX")
trap 'rm -rf "$logs"' EXIT

admin_sql() {
  # shellcheck disable=SC2016  # JavaScript, not shell
  SQL="$1" node --input-type=module -e '
    import pg from "pg";
    const c = new pg.Client({ connectionString: process.env.PG_ADMIN_URL });
    await c.connect();
    await c.query(process.env.SQL);
    await c.end();
  '
}
database_url() { echo "postgres://postgres@127.0.0.1:${PG_PORT:?}/$1"; }

# The first database is migrated and seeded; the other shards' are copies of it (a template copy
# takes a moment, a seed several seconds). Done while the app builds.
prepare_databases() {
  admin_sql "create database carebridge_e2e_1"
  DATABASE_URL=$(database_url carebridge_e2e_1) npm run --silent db:migrate
  DATABASE_URL=$(database_url carebridge_e2e_1) npm run --silent db:seed
  for ((i = 2; i <= shards; i++)); do
    admin_sql "create database carebridge_e2e_$i template carebridge_e2e_1"
  done
}

echo ">> creating, migrating and seeding $shards database(s)$([ "${E2E_PREBUILT:-}" = 1 ] || echo ", and building the app side by side")" >&2
prepare_databases >"$logs/databases.log" 2>&1 &
databases=$!
build_rc=0
if [ "${E2E_PREBUILT:-}" = 1 ]; then
  [ -f "${NEXT_DIST_DIR:-.next}/BUILD_ID" ] || { echo "error: E2E_PREBUILT=1 but there is no build" >&2; build_rc=1; }
else
  build_app || build_rc=$?
fi
databases_rc=0
wait "$databases" || databases_rc=$?
cat "$logs/databases.log" >&2
[ "$build_rc" = 0 ] || { echo "error: next build failed" >&2; exit "$build_rc"; }
[ "$databases_rc" = 0 ] || { echo "error: preparing the e2e databases failed" >&2; exit "$databases_rc"; }

# run_shard N FILES...: Playwright against shard N's own server and database.
run_shard() {
  local n=$1
  shift
  local port=$((base_port + n - 1))
  DATABASE_URL=$(database_url "carebridge_e2e_$n") E2E_PORT=$port APP_URL="http://127.0.0.1:$port" \
    E2E_OUTPUT_DIR="test-results/shard-$n" npx playwright test "$@"
}

if [ "$shards" = 1 ]; then
  echo ">> playwright test $*" >&2
  run_shard 1 "$@"
  exit
fi

# Spec files, longest first (tests/e2e/durations.json: seconds each took in a measured run; a new
# file counts as 30 s until it is measured), each to the shard with the least so far, so the
# shards finish close together.
declare -a load files
for ((i = 1; i <= shards; i++)); do load[i]=0; files[i]=""; done
while read -r seconds file; do
  best=1
  for ((i = 2; i <= shards; i++)); do
    [ "${load[i]}" -lt "${load[best]}" ] && best=$i
  done
  load[best]=$((load[best] + seconds))
  files[best]+=" $file"
done < <(
  # shellcheck disable=SC2016  # JavaScript, not shell
  node --input-type=module -e '
    import { readFileSync } from "node:fs";
    const measured = JSON.parse(readFileSync("tests/e2e/durations.json", "utf8"));
    const specs = process.argv.slice(1).map((file) => [measured[file.replace(/^tests\/e2e\//, "")] ?? 30, file]);
    for (const [seconds, file] of specs.sort((a, b) => b[0] - a[0])) console.log(seconds, file);
  ' $(find tests/e2e -name '*.spec.ts' | sort)
)

pids=()
for ((i = 1; i <= shards; i++)); do
  echo ">> shard $i/$shards:${files[i]}" >&2
  # shellcheck disable=SC2086  # the file list is split on purpose
  run_shard "$i" ${files[i]} >"$logs/shard-$i.log" 2>&1 &
  pids+=($!)
done
failed=0
for ((i = 1; i <= shards; i++)); do
  rc=0
  wait "${pids[i - 1]}" || rc=$?
  printf '\n-------------------- e2e shard %s/%s (exit %s) --------------------\n' "$i" "$shards" "$rc"
  cat "$logs/shard-$i.log"
  [ "$rc" = 0 ] || failed=1
done
exit "$failed"
