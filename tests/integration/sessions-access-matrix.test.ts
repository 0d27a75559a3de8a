import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, selectRows } from "@/db/client";
import * as s from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { isGrantLive } from "@/lib/access/access-end";
import { BUILT_IN_ROLES } from "@/lib/access/permissions";
import { canSession, type SessionAccessFacts } from "@/lib/access/sessions";
import { removeMember } from "@/lib/organisations/remove-member";
import { addSessionDocument } from "@/lib/sessions/add-session-document";
import { changeShareLevel } from "@/lib/sessions/change-share-level";
import { deleteSession } from "@/lib/sessions/delete-session";
import { getSession } from "@/lib/sessions/get-session";
import { listSessions } from "@/lib/sessions/list-sessions";
import { removeShare } from "@/lib/sessions/remove-share";
import { setSessionPatient } from "@/lib/sessions/set-session-patient";
import { shareSession } from "@/lib/sessions/share-session";
import { updateSession } from "@/lib/sessions/update-session";
import { SESSION_LIST_TABS } from "@/lib/sessions/visible-sessions";
import { createMember, createOrganisation, createTeam } from "../support/factories";

/**
 * The access matrix on real Postgres: every subject against every action, each cell on a fresh
 * session so that one cell's change (a delete, a removed share) cannot hide another's answer.
 * Y = allowed and done; F = refused as "forbidden" (they may see it, not do this); N = "not found"
 * (indistinguishable from a session that does not exist). A refusal changes nothing.
 */
const ACTIONS = ["view", "list", "edit notes", "change status", "add document", "edit context", "change patient", "share", "change level", "remove access", "delete"] as const;
type Action = (typeof ACTIONS)[number];
type Cell = "Y" | "F" | "N";

const SUBJECTS = {
  // subject                             view list notes status doc ctx patient share level remove delete
  owner: /*                           */ "Y    Y    Y     Y      Y   Y   Y       Y     Y     Y      Y",
  "Full access": /*                   */ "Y    Y    Y     Y      Y   Y   Y       Y     Y     Y      F",
  Edit: /*                            */ "Y    Y    Y     Y      Y   Y   Y       F     F     F      F",
  View: /*                            */ "Y    Y    F     F      F   F   F       F     F     F      F",
  "team member, team visibility on": /**/ "Y    Y    F     F      F   F   F       F     F     F      F",
  "team member, team visibility off": "N    N    N     N      N   N   N       N     N     N      N",
  "team member with an Edit share": /**/ "Y    Y    Y     Y      Y   Y   Y       F     F     F      F",
  "same-organisation member, no access": "N N N N N N N N N N N",
  "admin with no share": /*           */ "N    N    N     N      N   N   N       N     N     N      N",
  "former member who held a share": /**/ "N    N    N     N      N   N   N       N     N     N      N",
  "member of another organisation": /**/ "N    N    N     N      N   N   N       N     N     N      N",
  // The role is a ceiling (lib/access/sessions.ts, SESSION_ROLE_CEILING):
  "role sessions:view holding an Edit share": "Y Y F F F F F F F F F",
  "role sessions:none holding a share": "N N N N N N N N N N N",
  // End dates (lib/access/access-end.ts): a share past its end is absent, whether or not the sweep ran.
  "Full share past its end date": /*  */ "N    N    N     N      N   N   N       N     N     N      N",
  "Edit share with an end date ahead": "Y Y Y Y Y Y Y F F F F",
  // Asking is not having: an open access request gives nothing until it is approved.
  "pending request for Edit, no share": "N N N N N N N N N N N",
  "declined request for View, no share": "N N N N N N N N N N N",
  // Left pending past its 14 days (the sweep has not marked it): still nothing.
  "request for Edit past its 14 days": "N N N N N N N N N N N",
} as const;
type Subject = keyof typeof SUBJECTS;

const DAY_MS = 86_400_000;

function expected(subject: Subject, action: Action): Cell {
  const cells = SUBJECTS[subject].trim().split(/\s+/) as Cell[];
  expect(cells).toHaveLength(ACTIONS.length);
  return cells[ACTIONS.indexOf(action)]!;
}

let org: Awaited<ReturnType<typeof createOrganisation>>;
let actors: Record<Subject, StaffActor>;
let spare: StaffActor; // someone to share with
let clientId: string;
let otherClientId: string;
let psychologyId: string;

interface Fixture {
  sessionId: string;
  viewHolder: StaffActor;
}

/** A fresh session owned by `owner` in Psychology, with the shares the subjects hold. */
async function freshSession(visibility: "private" | "team"): Promise<Fixture> {
  const db = await getDb();
  const [session] = await db
    .insert(s.clinicalSessions)
    .values({ organisationId: org.id, ownerId: actors.owner.userId, teamId: psychologyId, visibility, title: `Consult ${Math.random()}`, clientId, notes: "original" })
    .returning();
  const share = (who: Subject, access: "view" | "edit" | "full", expiresAt: Date | null = null) => ({
    sessionId: session!.id,
    userId: actors[who].userId,
    access,
    grantedById: actors.owner.userId,
    expiresAt,
  });
  await db.insert(s.sessionShares).values([
    share("Full access", "full"),
    share("Edit", "edit"),
    share("View", "view"),
    share("team member with an Edit share", "edit"),
    // Rows the policy must ignore: a former member's share (as if the removal had missed it),
    // and shares whose holders' roles were lowered after they were granted.
    share("former member who held a share", "edit"),
    share("role sessions:view holding an Edit share", "edit"),
    share("role sessions:none holding a share", "full"),
    share("Full share past its end date", "full", new Date(Date.now() - 1000)),
    share("Edit share with an end date ahead", "edit", new Date(Date.now() + 86_400_000)),
  ]);
  const request = (who: Subject, level: "view" | "edit", extra: { status?: "declined"; createdAt?: Date; expiresAt: Date }) => ({
    organisationId: org.id,
    requesterId: actors[who].userId,
    targetType: "clinical_session" as const,
    targetId: session!.id,
    level,
    ...extra,
  });
  await db.insert(s.accessRequests).values([
    request("pending request for Edit, no share", "edit", { expiresAt: new Date(Date.now() + 14 * DAY_MS) }),
    request("declined request for View, no share", "view", { status: "declined", expiresAt: new Date(Date.now() + 14 * DAY_MS) }),
    request("request for Edit past its 14 days", "edit", { createdAt: new Date(Date.now() - 15 * DAY_MS), expiresAt: new Date(Date.now() - DAY_MS) }),
  ]);
  return { sessionId: session!.id, viewHolder: actors.View };
}

async function snapshot(sessionId: string) {
  const db = await getDb();
  const [session] = await db.select().from(s.clinicalSessions).where(eq(s.clinicalSessions.id, sessionId));
  const shares = await db.select().from(s.sessionShares).where(eq(s.sessionShares.sessionId, sessionId)).orderBy(s.sessionShares.userId);
  const docs = await db.select().from(s.documents).where(eq(s.documents.sessionId, sessionId));
  const [counts] = await selectRows<{ notifications: number; outbox: number }>(
    db,
    sql`select (select count(*)::int from notifications) as notifications, (select count(*)::int from outbox) as outbox`,
  );
  return { session, shares, docs, counts };
}

const perform: Record<Exclude<Action, "list">, (actor: StaffActor, f: Fixture) => Promise<unknown>> = {
  view: (a, f) => getSession(a, f.sessionId),
  "edit notes": (a, f) => updateSession(a, { sessionId: f.sessionId, notes: "changed notes" }),
  "change status": (a, f) => updateSession(a, { sessionId: f.sessionId, status: "completed" }),
  "add document": (a, f) => addSessionDocument(a, { sessionId: f.sessionId, title: "Summary", body: "Text" }),
  "edit context": (a, f) => updateSession(a, { sessionId: f.sessionId, context: "changed context" }),
  "change patient": (a, f) => setSessionPatient(a, { sessionId: f.sessionId, clientId: otherClientId }),
  share: (a, f) => shareSession(a, { sessionId: f.sessionId, userIds: [spare.userId], access: "view" }),
  "change level": (a, f) => changeShareLevel(a, { sessionId: f.sessionId, userId: f.viewHolder.userId, access: "edit" }),
  "remove access": (a, f) => removeShare(a, { sessionId: f.sessionId, userId: f.viewHolder.userId }),
  delete: (a, f) => deleteSession(a, { sessionId: f.sessionId }),
};

async function listedIds(actor: StaffActor, tab: (typeof SESSION_LIST_TABS)[number]): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let after: string | undefined; ; ) {
    const result = await listSessions(actor, { tab, after });
    result.items.forEach((i) => ids.add(i.id));
    if (!result.nextCursor) return ids;
    after = result.nextCursor;
  }
}

beforeAll(async () => {
  const db = await getDb();
  org = await createOrganisation();
  const other = await createOrganisation();
  const psychology = await createTeam(org.id, "Psychology");
  const physio = await createTeam(org.id, "Physiotherapy");
  psychologyId = psychology.id;
  const [viewRole] = await db.insert(s.roles).values({ organisationId: org.id, name: "Session reader", ...BUILT_IN_ROLES.clinician.permissions, sessions: "view" }).returning();
  const [noSessionsRole] = await db.insert(s.roles).values({ organisationId: org.id, name: "No sessions", ...BUILT_IN_ROLES.clinician.permissions, sessions: "none" }).returning();

  const admin = await createMember(org, { role: "admin" });
  const clinician = (teamIds: string[]) => createMember(org, { role: "clinician", teamIds });
  actors = {
    owner: await clinician([psychology.id]),
    "Full access": await clinician([physio.id]),
    Edit: await clinician([physio.id]),
    View: await clinician([physio.id]),
    "team member, team visibility on": await clinician([psychology.id]),
    "team member, team visibility off": await clinician([psychology.id]),
    "team member with an Edit share": await clinician([psychology.id]),
    "same-organisation member, no access": await clinician([physio.id]),
    "admin with no share": admin,
    "former member who held a share": await clinician([psychology.id]),
    "member of another organisation": await createMember(other, { role: "admin" }),
    "role sessions:view holding an Edit share": await createMember(org, { roleId: viewRole!.id, teamIds: [physio.id] }),
    "role sessions:none holding a share": await createMember(org, { roleId: noSessionsRole!.id, teamIds: [psychology.id] }),
    "Full share past its end date": await clinician([physio.id]),
    "Edit share with an end date ahead": await clinician([physio.id]),
    "pending request for Edit, no share": await clinician([physio.id]),
    "declined request for View, no share": await clinician([physio.id]),
    "request for Edit past its 14 days": await clinician([physio.id]),
  };
  spare = await clinician([]);

  const clientRows = await db
    .insert(s.clients)
    .values([
      { organisationId: org.id, firstName: "Jordan", lastName: "Lee" },
      { organisationId: org.id, firstName: "Amelia", lastName: "Hart" },
    ])
    .returning();
  clientId = clientRows[0]!.id;
  otherClientId = clientRows[1]!.id;
  // Every clinician may see both charts, so "change patient" tests the session policy alone.
  const everyone = [...Object.values(actors), spare].filter((a) => a.organisationId === org.id);
  await db.insert(s.clientAccess).values(everyone.flatMap((a) => [clientRows[0]!, clientRows[1]!].map((c) => ({ clientId: c.id, userId: a.userId })))).onConflictDoNothing();

  // The former member held a real share when they were removed; removing them took it away.
  const before = await freshSession("team");
  await removeMember(admin, { membershipId: actors["former member who held a share"].membershipId });
  const left = await db.select().from(s.sessionShares).where(and(eq(s.sessionShares.sessionId, before.sessionId), eq(s.sessionShares.userId, actors["former member who held a share"].userId)));
  expect(left).toEqual([]);
});

function visibilityFor(subject: Subject): "private" | "team" {
  return subject === "team member, team visibility off" ? "private" : "team";
}

describe("the session access matrix", () => {
  for (const subject of Object.keys(SUBJECTS) as Subject[]) {
    describe(subject, () => {
      for (const action of ACTIONS.filter((a) => a !== "list") as Exclude<Action, "list">[]) {
        const cell = expected(subject, action);
        it(`${action}: ${cell === "Y" ? "allowed" : cell === "F" ? "forbidden" : "not found"}`, async () => {
          const fixture = await freshSession(visibilityFor(subject));
          const actor = actors[subject];
          const before = await snapshot(fixture.sessionId);
          const attempt = perform[action](actor, fixture);
          if (cell === "Y") {
            await attempt;
            if (action !== "view") expect(await snapshot(fixture.sessionId)).not.toEqual(before);
          } else {
            await expect(attempt).rejects.toMatchObject({ code: cell === "F" ? "forbidden" : "not_found" });
            expect(await snapshot(fixture.sessionId)).toEqual(before);
          }
        });
      }

      it(`list: ${expected(subject, "list") === "Y" ? "listed" : "not listed"}`, async () => {
        const fixture = await freshSession(visibilityFor(subject));
        const actor = actors[subject];
        const all = new Set<string>();
        for (const tab of SESSION_LIST_TABS) (await listedIds(actor, tab)).forEach((id) => all.add(id));
        expect(all.has(fixture.sessionId)).toBe(expected(subject, "list") === "Y");
      });
    });
  }
});

describe("the list queries and can() give the same answers", () => {
  it("for every subject, each tab lists exactly the sessions can() lets them view, by the rule the tab names", async () => {
    const db = await getDb();
    // A mixed population: private and team sessions of several owners and teams, some deleted.
    const owners = [actors.owner, actors.Edit, actors["team member, team visibility on"], actors["role sessions:view holding an Edit share"]];
    for (let i = 0; i < 24; i++) {
      const owner = owners[i % owners.length]!;
      const [session] = await db
        .insert(s.clinicalSessions)
        .values({
          organisationId: org.id,
          ownerId: owner.userId,
          teamId: owner.teamIds[0] ?? null,
          visibility: i % 3 === 0 ? "private" : "team",
          title: `Mixed ${i}`,
          deletedAt: i % 7 === 6 ? new Date() : null,
        })
        .returning();
      const holders = Object.values(actors).filter((a, j) => (i + j) % 4 === 0 && a.userId !== owner.userId && a.organisationId === org.id);
      if (holders.length) {
        // Some shares have ended (past their end date), some end later.
        const ends = [null, new Date(Date.now() - 1000), new Date(Date.now() + 86_400_000)];
        await db.insert(s.sessionShares).values(
          holders.map((h, j) => ({ sessionId: session!.id, userId: h.userId, access: (["view", "edit", "full"] as const)[j % 3]!, grantedById: owner.userId, expiresAt: ends[(i + j) % 3] })),
        );
      }
    }

    const everything = await db.select().from(s.clinicalSessions);
    // The policy's facts carry only a live share: one past its end date is absent.
    const shares = (await db.select().from(s.sessionShares)).filter((x) => isGrantLive(x.expiresAt));
    for (const [subject, actor] of Object.entries(actors) as [Subject, StaffActor][]) {
      const factsFor = (row: (typeof everything)[number], share: boolean): SessionAccessFacts => ({
        organisationId: row.organisationId,
        ownerId: row.ownerId,
        teamId: row.teamId,
        visibility: row.visibility,
        deletedAt: row.deletedAt,
        share: share ? (shares.find((x) => x.sessionId === row.id && x.userId === actor.userId)?.access ?? null) : null,
      });
      // A former member's actor is stale: the policy is only ever asked about active members
      // (requireStaff reloads the actor on every request), so nothing may be listed for them.
      const active = subject !== "former member who held a share";
      const allowed = (row: (typeof everything)[number]) => active && canSession(actor, "session:view", factsFor(row, true));
      const byRule = {
        mine: everything.filter((r) => allowed(r) && r.ownerId === actor.userId),
        shared: everything.filter((r) => allowed(r) && r.ownerId !== actor.userId && shares.some((x) => x.sessionId === r.id && x.userId === actor.userId)),
        team: everything.filter((r) => allowed(r) && r.visibility === "team" && r.teamId !== null && actor.teamIds.includes(r.teamId)),
      };
      const union = new Set<string>();
      for (const tab of SESSION_LIST_TABS) {
        const listed = await listedIds(actor, tab);
        listed.forEach((id) => union.add(id));
        expect([...listed].sort(), `${subject} / ${tab}`).toEqual(byRule[tab].map((r) => r.id).sort());
      }
      expect([...union].sort(), `${subject} / all tabs`).toEqual(everything.filter(allowed).map((r) => r.id).sort());
    }
  });
});
