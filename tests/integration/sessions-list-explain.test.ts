import { sql, type SQL } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, selectRows } from "@/db/client";
import type { StaffActor } from "@/lib/access/actor";
import { loadStaffActor } from "@/lib/auth/load-staff-actor";
import { listSessions } from "@/lib/sessions/list-sessions";
import { SESSION_LIST_TABS, sessionCountSql, sessionPageSql, visibleSessionsSql } from "@/lib/sessions/visible-sessions";
import { createOrganisation } from "../support/factories";

/**
 * The list queries must stay index-driven as the tables grow: on 100,000 sessions and 100,000
 * shares, EXPLAIN every list query (each tab, with and without a search, page and count) and
 * require that neither clinical_sessions nor session_shares is read by a sequential scan.
 */
const SESSIONS = 100_000;
const PEOPLE = 500;
const TEAMS = 50;

let actor: StaffActor;

beforeAll(async () => {
  const db = await getDb();
  const org = await createOrganisation("Large clinic");
  const other = await createOrganisation("Neighbouring clinic");
  // Each seeding step is one `insert … select generate_series` statement.
  await db.execute(sql`
    insert into users (id, email, name)
    select ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'person' || i || '@large.test', 'Person ' || i
    from generate_series(1, ${PEOPLE}) i`);
  await db.execute(sql`
    insert into memberships (organisation_id, user_id, role_id)
    select case when i % 10 = 0 then ${other.id}::uuid else ${org.id}::uuid end,
      ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
      case when i % 10 = 0 then ${other.roles.clinician}::uuid else ${org.roles.clinician}::uuid end
    from generate_series(1, ${PEOPLE}) i`);
  await db.execute(sql`
    insert into teams (id, organisation_id, name)
    select ('00000000-0000-4000-9000-' || lpad(to_hex(t), 12, '0'))::uuid, ${org.id}::uuid, 'Team ' || t
    from generate_series(1, ${TEAMS}) t`);
  await db.execute(sql`
    insert into team_members (team_id, user_id)
    select ('00000000-0000-4000-9000-' || lpad(to_hex(1 + i % ${TEAMS}), 12, '0'))::uuid, ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid
    from generate_series(1, ${PEOPLE}) i where i % 10 <> 0`);
  await db.execute(sql`
    insert into clients (id, organisation_id, first_name, last_name)
    select ('00000000-0000-4000-a000-' || lpad(to_hex(c), 12, '0'))::uuid, ${org.id}::uuid, 'Client' || c, 'Surname' || c
    from generate_series(1, 2000) c`);
  await db.execute(sql`
    insert into clinical_sessions (id, organisation_id, owner_id, team_id, visibility, title, status, client_id, created_at, deleted_at)
    select ('00000000-0000-4000-b000-' || lpad(to_hex(i), 12, '0'))::uuid,
      case when i % 10 = 0 then ${other.id}::uuid else ${org.id}::uuid end,
      ('00000000-0000-4000-8000-' || lpad(to_hex(1 + i % ${PEOPLE}), 12, '0'))::uuid,
      ('00000000-0000-4000-9000-' || lpad(to_hex(1 + (1 + i % ${PEOPLE}) % ${TEAMS}), 12, '0'))::uuid,
      (case when i % 3 = 0 then 'team' else 'private' end)::session_visibility,
      'Session ' || i,
      (array['draft','in_progress','ready_for_review','completed'])[1 + i % 4]::session_status,
      case when i % 5 = 0 then null else ('00000000-0000-4000-a000-' || lpad(to_hex(1 + i % 2000), 12, '0'))::uuid end,
      now() - make_interval(mins => i),
      case when i % 97 = 0 then now() else null end
    from generate_series(1, ${SESSIONS}) i`);
  await db.execute(sql`
    insert into session_shares (session_id, user_id, access, granted_by_id, created_at)
    select ('00000000-0000-4000-b000-' || lpad(to_hex(i), 12, '0'))::uuid,
      ('00000000-0000-4000-8000-' || lpad(to_hex(1 + (i * 7 + 3) % ${PEOPLE}), 12, '0'))::uuid,
      (array['view','edit','full'])[1 + i % 3]::share_access,
      ('00000000-0000-4000-8000-' || lpad(to_hex(1 + i % ${PEOPLE}), 12, '0'))::uuid,
      now() - make_interval(mins => i)
    from generate_series(1, ${SESSIONS}) i
    where (1 + (i * 7 + 3) % ${PEOPLE}) <> (1 + i % ${PEOPLE})`);
  await db.execute(sql`analyze`);
  actor = (await loadStaffActor("00000000-0000-4000-8000-000000000007", org.id))!;
}, 300_000);

async function explain(query: SQL): Promise<string> {
  const db = await getDb();
  const rows = await selectRows<{ "QUERY PLAN": string }>(db, sql`explain ${query}`);
  return rows.map((r) => r["QUERY PLAN"]).join("\n");
}

describe("the session list queries on 100,000 sessions", () => {
  it("are seeded as intended", async () => {
    const db = await getDb();
    const [row] = await selectRows<{ sessions: number; shares: number }>(db, sql`select (select count(*)::int from clinical_sessions) as sessions, (select count(*)::int from session_shares) as shares`);
    expect(row!.sessions).toBeGreaterThanOrEqual(SESSIONS);
    expect(row!.shares).toBeGreaterThanOrEqual(SESSIONS * 0.99);
    expect(actor.teamIds).toHaveLength(1);
    for (const tab of SESSION_LIST_TABS) expect((await listSessions(actor, { tab })).total, tab).toBeGreaterThan(20);
  });

  for (const tab of SESSION_LIST_TABS) {
    for (const q of ["", "client1"]) {
      it(`"${tab}"${q ? " with a search" : ""}: no sequential scan on sessions or shares (page and count)`, async () => {
        const branches = visibleSessionsSql(actor, { tabs: [tab], q })!;
        for (const [name, query] of [
          ["page 1", sessionPageSql(branches, { limit: 20, offset: 0 })],
          ["page 3", sessionPageSql(branches, { limit: 20, offset: 40 })],
          ["count", sessionCountSql(branches)],
        ] as const) {
          const plan = await explain(query);
          console.info(`EXPLAIN ${tab}${q ? ` q=${q}` : ""} ${name}\n${plan}\n`);
          expect(plan, `${tab} ${name}`).not.toMatch(/Seq Scan on (clinical_sessions|session_shares)\b/);
          expect(plan).toMatch(/Index|Bitmap/);
        }
      });
    }
  }

  it("every tab at once (the union the access test compares with can()) also avoids sequential scans", async () => {
    const plan = await explain(sessionCountSql(visibleSessionsSql(actor, { tabs: SESSION_LIST_TABS })!));
    console.info(`EXPLAIN all tabs count\n${plan}\n`);
    expect(plan).not.toMatch(/Seq Scan on (clinical_sessions|session_shares)\b/);
  });
});
