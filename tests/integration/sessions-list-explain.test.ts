import { sql, type SQL } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, selectRows } from "@/db/client";
import type { StaffActor } from "@/lib/access/actor";
import { loadStaffActor } from "@/lib/auth/load-staff-actor";
import { clientListQueries, listClients } from "@/lib/clients/list-clients";
import { kindsFor } from "@/lib/access/documents";
import { assignedChartsOf, DOCUMENT_PAGE_SIZE } from "@/lib/documents/list-documents";
import { documentPageSql } from "@/lib/documents/visible-documents";
import { EXTERNAL_SHARE_FILTERS, externalSharesPageQuery } from "@/lib/documents/list-external-shares";
import { listSessions, plannedOnceSessionPages, sessionListQueries } from "@/lib/sessions/list-sessions";
import { SESSION_LIST_TABS, visibleSessionsSql } from "@/lib/sessions/visible-sessions";
import { idOf, loadDataset, PEOPLE } from "../../scripts/bench/dataset";
import { explainPlannedOnce } from "../../scripts/bench/explain-planned-once";

/**
 * The list and search queries must stay index-driven as the tables grow. On the benchmark's own
 * dataset at a CI-sized scale (20,000 sessions, 10,000 shares, 12,000 clients, 20,000 documents,
 * analysed), EXPLAIN every list query — each session tab and the Clients list, first, next and
 * previous page, with and without a search — for each kind of person, and fail on a sequential
 * scan of sessions, shares, clients or documents.
 * At this size the planner may rightly prefer to scan a 12,000-row table for a 2% match, where at
 * 1M rows it would take the index; so the plans are made with sequential scans discouraged
 * (`enable_seqscan = off`): a Seq Scan that remains means no index can serve the query at all.
 */
const LARGE_TABLES = /Seq Scan on (clinical_sessions|session_shares|clients|documents|client_access|document_shares)\b/;

let people: Record<keyof typeof PEOPLE, StaffActor>;

beforeAll(async () => {
  const db = await getDb();
  await loadDataset(db, 0.02, () => {}, { clients: 12_000 });
  const org = idOf("org", 1);
  const entries = await Promise.all(Object.entries(PEOPLE).map(async ([k, n]) => [k, (await loadStaffActor(idOf("user", n), org))!] as const));
  people = Object.fromEntries(entries) as typeof people;
}, 600_000);

async function explain(query: SQL, discourage: ("seqscan" | "bitmapscan" | "sort")[] = ["seqscan"]): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    for (const setting of discourage) await tx.execute(sql.raw(`set local enable_${setting} = off`));
    const rows = await selectRows<{ "QUERY PLAN": string }>(tx, sql`explain ${query}`);
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  });
}

describe("the list queries on the benchmark dataset (CI scale)", () => {
  it("is seeded as intended: large tables, a heavy owner, a heavy recipient, a team member", async () => {
    const db = await getDb();
    const [row] = await selectRows<{ sessions: number; shares: number; clients: number; documents: number }>(
      db,
      sql`select (select count(*)::int from clinical_sessions) as sessions, (select count(*)::int from session_shares) as shares,
        (select count(*)::int from clients) as clients, (select count(*)::int from documents) as documents`,
    );
    expect(row).toMatchObject({ sessions: 20_000, clients: 12_000, documents: 20_000 });
    const [external] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from document_shares`);
    expect(external!.n).toBeGreaterThan(2_000);
    expect(row!.shares).toBeGreaterThan(9_000);
    expect(people.teamMember.teamIds.length).toBeGreaterThanOrEqual(2);
    expect((await listSessions(people.heavyOwner, { tab: "mine" })).nextCursor).not.toBeNull();
    expect((await listSessions(people.heavyRecipient, { tab: "shared" })).nextCursor).not.toBeNull();
    expect((await listSessions(people.teamMember, { tab: "team" })).nextCursor).not.toBeNull();
    expect((await listClients(people.admin, {})).nextCursor).not.toBeNull();
  });

  for (const tab of SESSION_LIST_TABS) {
    for (const q of ["", "review 12", "smith"]) {
      it(`sessions "${tab}"${q ? ` searching "${q}"` : ""}: no sequential scan of a large table`, async () => {
        for (const actor of [people.heavyOwner, people.heavyRecipient, people.teamMember]) {
          for (const { name, query } of sessionListQueries(actor, { tab, q })) {
            const plan = await explain(query);
            expect(plan, `${tab} q=${q} ${name}\n${plan}`).not.toMatch(LARGE_TABLES);
            expect(plan).toMatch(/Index|Bitmap/);
          }
        }
      });
    }
  }

  for (const q of ["", "smith", "olivia jones", "client12@", "12/04/1988", "1988-04"]) {
    it(`clients${q ? ` searching "${q}"` : ""}: no sequential scan of a large table`, async () => {
      for (const actor of [people.admin, people.clinician]) {
        for (const { name, query } of clientListQueries(actor, { q })) {
          const plan = await explain(query);
          expect(plan, `clients q=${q} ${name}\n${plan}`).not.toMatch(LARGE_TABLES);
        }
      }
    });
  }

  it("the first page reads its index in order: no sort of a person's whole history", async () => {
    for (const [tab, actor] of [
      ["mine", people.heavyOwner],
      ["shared", people.heavyRecipient],
      ["team", people.teamMember],
    ] as const) {
      // With sorting and bitmaps discouraged, the arm's own table must be read through its index in
      // the list's order: an index whose order disagrees with the ORDER BY (e.g. NULLS LAST against
      // `desc`) would still need a sort of the person's whole history. The final sort only merges
      // at most a page per team arm, above the per-team loop.
      const plan = await explain(sessionListQueries(actor, { tab })[0]!.query, ["seqscan", "bitmapscan", "sort"]);
      expect(plan, `${tab}\n${plan}`).toMatch(tab === "shared" ? /Index Scan using session_shares_user_idx on session_shares sh\b/ : /Index Scan using clinical_sessions_(owner|team)_idx on clinical_sessions s\b/);
      const arms = tab === "team" ? plan.slice(plan.indexOf("Function Scan on unnest")) : plan;
      expect(arms, `${tab}\n${plan}`).not.toMatch(/Sort Key: (s|sh)\.created_at/);
    }
  });

  it("a page without a search has one plan for everyone (its statement is prepared once): it walks the tab's index in order, whoever asks", async () => {
    // The plan a connection of the planned-once pool makes (db/client.ts selectPlannedOnce): generic,
    // made without anyone's values, so it must not depend on how many rows a person has.
    for (const actor of [people.heavyOwner, people.heavyRecipient, people.teamMember, people.admin, people.clinician]) {
      for (const tab of SESSION_LIST_TABS) {
        for (const page of plannedOnceSessionPages(actor, tab)) {
          const plan = await explainPlannedOnce(await getDb(), page.sql, page.values);
          const where = `${tab} ${page.name} for ${actor.name}\n${plan}`;
          expect(plan, where).toMatch(/\$1\b/); // the generic plan, not one made for these values
          expect(plan, where).not.toMatch(LARGE_TABLES);
          expect(plan, where).not.toMatch(/Bitmap/);
          expect(plan, where).toMatch(tab === "shared" ? /Index Scan (Backward )?using session_shares_user_idx on session_shares sh\b/ : /Index Scan (Backward )?using clinical_sessions_(owner|team)_idx on clinical_sessions s\b/);
          const arms = tab === "team" ? plan.slice(plan.indexOf("Function Scan on unnest")) : plan;
          expect(arms, where).not.toMatch(/Sort Key: (s|sh)\.created_at/);
        }
      }
    }
  });

  it("documents of a long access list: an index-only walk of the live documents, each chart probed in a hash of the list", async () => {
    const actor = people.clinician;
    const query = documentPageSql(actor, { kinds: kindsFor(actor, "view"), window: { limit: DOCUMENT_PAGE_SIZE }, assignedCharts: "many" })!;
    const plan = await explain(query);
    expect(plan).not.toMatch(LARGE_TABLES);
    expect(plan).toMatch(/Index Only Scan using documents_org_kind_live_idx on documents/);
    expect(plan).toMatch(/hashed SubPlan/);
  });

  it("every tab at once (the union the access test compares with can()) also avoids sequential scans", async () => {
    const plan = await explain(sql`select count(*) from (${visibleSessionsSql(people.teamMember, { tabs: SESSION_LIST_TABS })!}) v`);
    expect(plan).not.toMatch(LARGE_TABLES);
  });

  it("Shared externally, every filter: the organisation's shares read from its own indexes, never all sorted", async () => {
    const db = await getDb();
    for (const actor of [people.admin, people.clinician]) {
      const assignedCharts = await assignedChartsOf(db, actor);
      for (const state of EXTERNAL_SHARE_FILTERS) {
        const query = externalSharesPageQuery(db, actor, { state, now: new Date(), openedLinkMaxDays: 30, assignedCharts }).getSQL();
        const where = `${actor.role.name} (${assignedCharts} charts) ${state}`;
        // Sorting discouraged too: an index whose order disagrees with the list's would need a sort of
        // every share. The date-bounded filters (sent, opened, downloaded under the clinic's limit on
        // opened links) may read their few links by date and sort those.
        const bounded = state === "sent" || state === "opened" || state === "downloaded";
        const plan = await explain(query, bounded ? ["seqscan"] : ["seqscan", "sort"]);
        expect(plan, `${where}\n${plan}`).not.toMatch(LARGE_TABLES);
        expect(plan, `${where}\n${plan}`).toMatch(/(Index|Bitmap Index) Scan using document_shares_org_(created|revoked|locked|unopened|opened)_idx/);
        if (!bounded) expect(plan, `${where}\n${plan}`).not.toMatch(/Sort Key: document_shares/);
      }
    }
  });
});
