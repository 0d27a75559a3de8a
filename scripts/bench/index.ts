// npm run bench -- [--scale 0.1] [--iterations 200] [--reload] [--url http://localhost:3000]
// Loads the performance dataset into DATABASE_URL (once per scale) and prints each row of the
// performance table as measured / goal / PASS or MISS. Every ratio is taken side by side in one run.
// See NOTES-perf.md (and the README's performance section) for what it loads and how to read it.
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import { closeDb, driverFor, getDb, migrateDb, selectRows } from "../../db/client";
import { clinicalSessions } from "../../db/schema";
import type { StaffActor } from "../../lib/access/actor";
import { loadStaffActor } from "../../lib/auth/load-staff-actor";
import { clientListQueries, listClients } from "../../lib/clients/list-clients";
import { canSeeExternalShares, kindsFor } from "../../lib/access/documents";
import { assignedChartsOf, DOCUMENT_PAGE_SIZE, listDocuments } from "../../lib/documents/list-documents";
import { EXTERNAL_SHARE_FILTERS, externalSharesPageQuery, listExternalShares } from "../../lib/documents/list-external-shares";
import { documentPageSql } from "../../lib/documents/visible-documents";
import { getBellSummary } from "../../lib/notifications/get-bell-summary";
import { listSessions, plannedOnceSessionPages, SESSION_PAGE_SIZE, sessionListQueries } from "../../lib/sessions/list-sessions";
import { loadSessionFor } from "../../lib/sessions/load-session";
import { SESSION_LIST_TABS } from "../../lib/sessions/visible-sessions";
import { idOf, isEmptyDatabase, LARGE_MEMBERS, loadDataset, loadedScale, PEOPLE, truncateAll } from "./dataset";
import { explainPlannedOnce } from "./explain-planned-once";
import { ms, printTable, ratio, sideBySide, timed, type ResultRow } from "./measure";
import { measureHttp } from "./http";

const { values: args } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    iterations: { type: "string", default: "200" },
    reload: { type: "boolean", default: false },
    "load-only": { type: "boolean", default: false },
    url: { type: "string" },
  },
});
// Loading a million rows runs single statements of minutes; the app's 15-second limit is for requests.
process.env.DATABASE_STATEMENT_TIMEOUT_MS ||= String(60 * 60_000);
const scale = Number(args.scale);
const iterations = Math.max(10, Number(args.iterations));
if (!(scale > 0 && scale <= 1)) throw new Error("--scale must be in (0, 1]");
if (driverFor(process.env.DATABASE_URL) !== "postgres") {
  console.error("npm run bench needs DATABASE_URL pointing at a PostgreSQL server (a database it may fill).");
  process.exit(2);
}

const log = (s: string) => console.log(s);
await migrateDb();
const db = await getDb();

const loaded = await loadedScale(db);
if (loaded === scale && !args.reload) {
  log(`Dataset at scale ${scale} already loaded: skipping the load.`);
} else {
  if (loaded === null && !(await isEmptyDatabase(db))) {
    console.error("This database holds data that is not the benchmark's: give npm run bench an empty database.");
    process.exit(2);
  }
  if (loaded !== null) {
    log(`Removing the dataset at scale ${loaded}…`);
    await truncateAll(db);
  }
  log(`Loading the dataset at scale ${scale}…`);
  const t = performance.now();
  await loadDataset(db, scale, log);
  log(`Loaded in ${((performance.now() - t) / 1000).toFixed(0)} s.`);
}
if (args["load-only"]) {
  await closeDb();
  process.exit(0);
}

const org = idOf("org", 1);
const actorOf = async (n: number): Promise<StaffActor> => {
  const a = await loadStaffActor(idOf("user", n), org);
  if (!a) throw new Error(`bench person ${n} has no active membership`);
  return a;
};
const heavyOwner = await actorOf(PEOPLE.heavyOwner);
const heavyRecipient = await actorOf(PEOPLE.heavyRecipient);
const teamMember = await actorOf(PEOPLE.teamMember);
const admin = await actorOf(PEOPLE.admin);
const clinician = await actorOf(PEOPLE.clinician);

const [counts] = await selectRows<{ sessions: number; shares: number; clients: number; documents: number; mine: number; shared: number; team: number }>(
  db,
  sql`select (select count(*)::int from clinical_sessions) as sessions, (select count(*)::int from session_shares) as shares,
    (select count(*)::int from clients) as clients, (select count(*)::int from documents) as documents,
    (select count(*)::int from clinical_sessions where owner_id = ${heavyOwner.userId}) as mine,
    (select count(*)::int from session_shares where user_id = ${heavyRecipient.userId}) as shared,
    (select count(*)::int from clinical_sessions where team_id = any(${sql`array[${sql.join(
      teamMember.teamIds.map((t) => sql`${t}`),
      sql`, `,
    )}]::uuid[]`}) and visibility = 'team') as team`,
);
log(
  `Dataset: ${counts!.sessions.toLocaleString("en")} sessions, ${counts!.shares.toLocaleString("en")} shares, ${counts!.clients.toLocaleString("en")} clients, ${counts!.documents.toLocaleString("en")} documents; ` +
    `heavy owner ${counts!.mine.toLocaleString("en")} sessions, heavy recipient ${counts!.shared.toLocaleString("en")} shares, team member's teams ${counts!.team.toLocaleString("en")} team sessions.`,
);
log(`Measuring (${iterations} iterations each; the Sessions list at the issue's page of 50 and the app's of ${SESSION_PAGE_SIZE})…\n`);

const rows: ResultRow[] = [];

// R1: the app's own "may U view S" path vs a primary-key lookup of the same row.
const viewable = await selectRows<{ id: string }>(
  db,
  sql`(select id from clinical_sessions where owner_id = ${teamMember.userId} and deleted_at is null limit 20)
      union all (select session_id from session_shares where user_id = ${teamMember.userId} limit 20)
      union all (select id from clinical_sessions where team_id = ${teamMember.teamIds[0]!} and visibility = 'team' and deleted_at is null limit 20)`,
);
{
  const ids = viewable.map((r) => r.id);
  const t = await sideBySide(
    (i) => loadSessionFor(db, teamMember, ids[i % ids.length]!, "session:view"),
    (i) => db.select().from(clinicalSessions).where(eq(clinicalSessions.id, ids[i % ids.length]!)),
    iterations,
  );
  const r = t.subject.p50 / t.baseline.p50;
  rows.push({ measure: "R1 may U view S vs primary-key lookup, p50", measured: ratio(r), goal: "≤ 1.3×", pass: r <= 1.3, detail: `${ms(t.subject.p50)} vs ${ms(t.baseline.p50)}` });
}

// R2: first page of each tab vs the owner-only page (a plain indexed query of the same size). The
// issue sets its goal for a page of 50; the app shows SESSION_PAGE_SIZE, reported beside it.
const ISSUE_PAGE_SIZE = 50;
const ownerOnly =
  (actor: StaffActor, size = SESSION_PAGE_SIZE) =>
  () =>
    selectRows(
      db,
      sql`select id, title, status, created_at from clinical_sessions where owner_id = ${actor.userId} and deleted_at is null order by created_at desc, id desc limit ${size}`,
    );
for (const [tab, actor, label] of [
  ["mine", heavyOwner, "My sessions (heavy owner)"],
  ["shared", heavyRecipient, "Shared with me (heavy recipient)"],
  ["team", teamMember, "My teams (largest team)"],
] as const) {
  const t = await sideBySide(() => listSessions(actor, { tab, pageSize: ISSUE_PAGE_SIZE }), ownerOnly(actor, ISSUE_PAGE_SIZE), iterations);
  const app = await sideBySide(() => listSessions(actor, { tab }), ownerOnly(actor), iterations);
  const r = t.subject.p50 / t.baseline.p50;
  const r95 = t.subject.p95 / t.baseline.p50;
  rows.push({
    measure: `R2 ${label} first page of ${ISSUE_PAGE_SIZE} vs owner-only page, p50`,
    measured: ratio(r),
    goal: "≤ 3×",
    pass: r <= 3,
    detail:
      `${ms(t.subject.p50)} (p95 ${ms(t.subject.p95)}, ${ratio(r95)}) vs ${ms(t.baseline.p50)}; ` +
      `the app's page of ${SESSION_PAGE_SIZE}: ${ratio(app.subject.p50 / app.baseline.p50)} (${ms(app.subject.p50)} vs ${ms(app.baseline.p50)})`,
  });
}
{
  const t = await sideBySide(
    (i) => listSessions(teamMember, { tab: "team", q: `review ${1 + (i % 9)}`, pageSize: ISSUE_PAGE_SIZE }),
    ownerOnly(teamMember, ISSUE_PAGE_SIZE),
    iterations,
  );
  // The issue's R2 goal is for the three first pages; it quotes this search's p95 only as today's
  // figure, so the row is kept to be watched and does not decide the exit code.
  rows.push({
    measure: `R2 title search in My teams, page of ${ISSUE_PAGE_SIZE}, vs owner-only page, p95 (reference)`,
    measured: ratio(t.subject.p95 / t.baseline.p50),
    goal: "—",
    pass: "reference",
    detail: `${ms(t.subject.p95)} (p50 ${ms(t.subject.p50)}, ${ratio(t.subject.p50 / t.baseline.p50)}) vs ${ms(t.baseline.p50)}`,
  });
}
{
  // Page 200 must cost what page 1 does: follow the cursor 10 pages deep and time the 10th.
  let cursor: string | undefined;
  for (let p = 0; p < 10; p++) cursor = (await listSessions(heavyOwner, { tab: "mine", after: cursor })).nextCursor ?? cursor;
  const t = await sideBySide(() => listSessions(heavyOwner, { tab: "mine", after: cursor }), () => listSessions(heavyOwner, { tab: "mine" }), iterations);
  const r = t.subject.p50 / t.baseline.p50;
  rows.push({ measure: "R2 My sessions page 11 vs page 1, p50", measured: ratio(r), goal: "≤ 1.5×", pass: r <= 1.5, detail: `${ms(t.subject.p50)} vs ${ms(t.baseline.p50)}` });
}

// R2: sequential scans of the large tables in any list or search plan.
{
  const explained: { name: string; query?: ReturnType<typeof sql>; plan?: () => Promise<string> }[] = [];
  for (const actor of [heavyOwner, heavyRecipient, teamMember, admin, clinician]) {
    for (const tab of SESSION_LIST_TABS) {
      for (const q of ["", "review 12", "smith"]) explained.push(...sessionListQueries(actor, { tab, q }).map((e) => ({ name: `sessions ${tab} q=${q} ${e.name}`, query: e.query })));
      // Without a search the app runs the plan made once for everyone (lib/sessions/list-sessions.ts).
      for (const page of plannedOnceSessionPages(actor, tab)) explained.push({ name: `sessions ${tab} ${page.name}, planned once`, plan: () => explainPlannedOnce(db, page.sql, page.values) });
    }
    for (const q of ["", "smith", "olivia jones", "12/04/1988", "1988-04", "client12@"]) explained.push(...clientListQueries(actor, { q }).map((e) => ({ name: `clients q=${q} ${e.name}`, query: e.query })));
    // The way the list reads this person's documents, as the app chooses it.
    const assignedCharts = await assignedChartsOf(db, actor);
    const query = documentPageSql(actor, { kinds: kindsFor(actor, "view"), window: { limit: DOCUMENT_PAGE_SIZE }, assignedCharts });
    if (query) explained.push({ name: `documents (${assignedCharts} assigned charts)`, query });
    for (const state of EXTERNAL_SHARE_FILTERS) {
      if (!canSeeExternalShares(actor)) break;
      const query = externalSharesPageQuery(db, actor, { state, now: new Date(), openedLinkMaxDays: 30, assignedCharts }).getSQL();
      explained.push({ name: `shared externally ${state}`, query });
    }
  }
  const offenders: string[] = [];
  for (const e of explained) {
    const plan = e.plan ? await e.plan() : (await selectRows<{ "QUERY PLAN": string }>(db, sql`explain ${e.query!}`)).map((r) => r["QUERY PLAN"]).join("\n");
    const m = plan.match(/Seq Scan on (clinical_sessions|session_shares|clients|documents|client_access|notifications|document_shares)\b/g);
    if (m) offenders.push(`${e.name}: ${[...new Set(m)].join(", ")}`);
  }
  rows.push({
    measure: "R2 list/search plans with a Seq Scan on a large table",
    measured: `${offenders.length} of ${explained.length}`,
    goal: "none",
    pass: offenders.length === 0,
    detail: offenders.slice(0, 5).join("; ") || undefined,
  });
}

// Clients list for an admin of the large organisation: first page, search by name, by date of birth.
for (const [label, q] of [
  ["first page", ""],
  ["search by name", "olivia smith"],
  ["search by date of birth", "12/04/1988"],
] as const) {
  const t = await timed(() => listClients(admin, { q }), iterations);
  rows.push({ measure: `Clients list, admin, ${label}, p50`, measured: ms(t.p50), goal: "≤ 50 ms", pass: t.p50 <= 50, detail: `p95 ${ms(t.p95)}` });
}

// The documents list for an admin of the large organisation (600,000 documents at scale 1).
{
  const t = await timed(() => listDocuments(admin), iterations);
  rows.push({ measure: "Documents list, admin, first page, p50", measured: ms(t.p50), goal: "≤ 50 ms", pass: t.p50 <= 50, detail: `p95 ${ms(t.p95)}` });
}

// The notification bell for the heaviest share recipient.
{
  const t = await timed(() => getBellSummary(heavyRecipient), iterations);
  rows.push({ measure: "Notification bell, heavy share recipient, p50", measured: ms(t.p50), goal: "≤ 5 ms", pass: t.p50 <= 5, detail: `p95 ${ms(t.p95)}` });
}

// "Shared externally" (125,000 external shares at scale 1): the large organisation's admin, the
// default view and the rare "revoked" filter, and a small clinic's admin beside the large organisation.
{
  const smallAdmin = await loadStaffActor(idOf("user", LARGE_MEMBERS + 1), idOf("org", 2));
  if (!smallAdmin) throw new Error("the first small clinic has no admin");
  for (const [label, actor, state] of [
    ["admin, first page", admin, "live"],
    ["admin, revoked", admin, "revoked"],
    ["a small clinic's admin, first page", smallAdmin, "live"],
  ] as const) {
    const t = await timed(() => listExternalShares(actor, { state }), iterations);
    rows.push({ measure: `Shared externally, ${label}, p50`, measured: ms(t.p50), goal: "≤ 50 ms", pass: t.p50 <= 50, detail: `p95 ${ms(t.p95)}` });
  }
}

// R3 and R4 need the production server (next build && next start, same DATABASE_URL).
rows.push(...(await measureHttp(args.url, { db, teamMember, admin, sessionIds: viewable.map((v) => v.id), log })));

console.log("");
printTable(rows);
await closeDb();
process.exit(rows.some((r) => r.pass === false) ? 1 : 0);
