import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, selectRows } from "@/db/client";
import * as s from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { clientSight, visibleClientRowsFilter, visibleClientsFilter } from "@/lib/access/client-visibility";
import { assertCanClient } from "@/lib/access/clients-assert";
import { CLIENT_PERMISSIONS, emergencyAllowsClient } from "@/lib/access/clients";
import { SESSION_PERMISSIONS, levelAllows, sessionAccess } from "@/lib/access/sessions";
import { loadDocumentFor } from "@/lib/documents/load-document";
import { endEmergencyAccess } from "@/lib/emergency-access/end-emergency-access";
import { grantEmergencyAccess, type EmergencyAccessResult } from "@/lib/emergency-access/grant-emergency-access";
import { emergencyAccessEnd } from "@/lib/emergency-access/live-grant";
import { listEmergencyAccess } from "@/lib/emergency-access/list-emergency-access";
import { reviewEmergencyAccess } from "@/lib/emergency-access/review-emergency-access";
import { updateEmergencyAccessSettings } from "@/lib/emergency-access/settings";
import { loadStaffActor } from "@/lib/auth/load-staff-actor";
import { loadSession } from "@/lib/sessions/load-session";
import { visibleSessionsSql } from "@/lib/sessions/visible-sessions";
import { AppError } from "@/lib/errors";
import { describeAuditAction } from "@/lib/audit/action-groups";
import { createClient, createDocument, createMember, createOrganisation } from "../support/factories";

const HOUR = 3_600_000;
const REASON = "Client collapsed in the waiting room; need allergies now";

type Org = Awaited<ReturnType<typeof createOrganisation>>;
let org: Org, other: Org;
let admin: StaffActor, admin2: StaffActor, owner: StaffActor, secretary: StaffActor;
let otherChartId: string, otherOrgChartId: string, otherOrgSessionId: string;

/** A fresh clinician with nothing on their access list (each test breaks its own glass). */
async function clinician(name = "Dr Leo Chen") {
  return createMember(org, { name });
}

async function newSession(clientId: string | null = null) {
  const db = await getDb();
  const [row] = await db.insert(s.clinicalSessions).values({ organisationId: org.id, ownerId: owner.userId, title: `Consult ${Math.random()}`, clientId, notes: "private notes" }).returning();
  return row!.id;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

async function sessionLevel(actor: StaffActor, sessionId: string, now: Date) {
  const loaded = await loadSession(await getDb(), actor, sessionId, { now });
  return loaded ? sessionAccess(actor, loaded.facts) : "none";
}

async function listedSessions(actor: StaffActor, now: Date): Promise<string[]> {
  const branches = visibleSessionsSql(actor, { tabs: ["mine", "shared", "team"], emergencyAt: now });
  if (!branches) return [];
  const rows = await selectRows<{ id: string }>(await getDb(), sql`select distinct v.id from (${branches}) v`);
  return rows.map((r) => r.id);
}

async function listedCharts(actor: StaffActor, now: Date): Promise<string[]> {
  const rows = await selectRows<{ id: string }>(await getDb(), sql`select c.id from clients c where ${visibleClientRowsFilter(actor, sql`c`, { emergencyAt: now })}`);
  return rows.map((r) => r.id);
}

async function grantsOf(userId: string) {
  const db = await getDb();
  return db.select().from(s.emergencyAccessGrants).where(eq(s.emergencyAccessGrants.userId, userId));
}

beforeAll(async () => {
  org = await createOrganisation("Harbour Health Group");
  other = await createOrganisation("Other Clinic");
  admin = await createMember(org, { role: "admin", name: "Ava Morgan", email: `ava-${Math.random()}@clinic.test` });
  admin2 = await createMember(org, { role: "admin", name: "Ben Admin", email: `ben-${Math.random()}@clinic.test` });
  owner = await createMember(org, { name: "Dr Maya Patel" });
  secretary = await createMember(org, { role: "medical_secretary", name: "Sam Rivers" });
  otherChartId = (await createClient(org.id, { accessFor: [owner.userId] })).id;
  const otherOrgOwner = await createMember(other, { name: "Dr Elsewhere" });
  otherOrgChartId = (await createClient(other.id, { accessFor: [otherOrgOwner.userId] })).id;
  const db = await getDb();
  const [row] = await db.insert(s.clinicalSessions).values({ organisationId: other.id, ownerId: otherOrgOwner.userId, title: "Elsewhere" }).returning();
  otherOrgSessionId = row!.id;
});

describe("emergency access on a chart", () => {
  it("gives exactly View on exactly that chart for exactly its time", async () => {
    const leo = await clinician();
    const chart = await createClient(org.id, { accessFor: [owner.userId] });
    const doc = await createDocument(org.id, { clientId: chart.id, authorId: owner.userId });
    const sessionAboutChart = await newSession(chart.id);
    const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
    const db = await getDb();

    expect(await clientSight(leo, chart.id, db, t0)).toBe("none");
    expect(await codeOf(assertCanClient(leo, "client:view", chart.id, db, t0))).toBe("not_found");

    const result = await grantEmergencyAccess(leo, { kind: "client", recordId: chart.id, reason: REASON, now: t0 });
    expect(result).toMatchObject({ status: "granted" });
    const expiresAt = (result as Extract<EmergencyAccessResult, { expiresAt: Date }>).expiresAt;
    expect(expiresAt.getTime()).toBe(t0.getTime() + 4 * HOUR); // the organisation's default

    const during = new Date(t0.getTime() + 60_000);
    const lastMoment = new Date(expiresAt.getTime() - 1);
    for (const at of [during, lastMoment]) {
      expect(await clientSight(leo, chart.id, db, at)).toBe("emergency");
      // Exactly View: every chart permission that only reads the chart, nothing else.
      for (const permission of CLIENT_PERMISSIONS) {
        const code = await codeOf(assertCanClient(leo, permission, permission === "client:create" ? null : chart.id, db, at));
        if (permission === "client:create") expect(code).toBe("forbidden"); // the role's own rule, no chart involved
        else expect(code, permission).toBe(emergencyAllowsClient(permission) ? "ok" : "forbidden");
      }
      expect(emergencyAllowsClient("client:view")).toBe(true);
      expect(emergencyAllowsClient("client:edit")).toBe(false);
      // Its documents: view, never edit or share.
      expect(await codeOf(loadDocumentFor(db, leo, doc.id, "document:view", { now: at }))).toBe("ok");
      expect(await codeOf(loadDocumentFor(db, leo, doc.id, "document:edit", { now: at }))).toBe("forbidden");
      expect(await codeOf(loadDocumentFor(db, leo, doc.id, "document:share", { now: at }))).not.toBe("ok");
      // Exactly that chart: not another chart, not the sessions about it.
      expect(await clientSight(leo, otherChartId, db, at)).toBe("none");
      expect(await sessionLevel(leo, sessionAboutChart, at)).toBe("none");
      // The lists agree with the check.
      expect(await listedCharts(leo, at)).toEqual([chart.id]);
      expect(await emergencyAccessEnd(db, leo, { kind: "client", id: chart.id }, at)).toEqual(expiresAt);
    }
    // Filing something under the chart never counts the grant (no `emergencyAt`).
    const [plain] = await selectRows<{ ok: boolean }>(db, sql`select ${visibleClientsFilter(leo, sql`${chart.id}::uuid`)} as ok`);
    expect(Boolean(plain!.ok)).toBe(false);

    // Exactly its time: at its end, and after, nothing — no job has run.
    for (const at of [expiresAt, new Date(expiresAt.getTime() + 1), new Date(expiresAt.getTime() + 24 * HOUR)]) {
      expect(await clientSight(leo, chart.id, db, at)).toBe("none");
      expect(await codeOf(assertCanClient(leo, "client:view", chart.id, db, at))).toBe("not_found");
      expect(await codeOf(loadDocumentFor(db, leo, doc.id, "document:view", { now: at }))).toBe("not_found");
      expect(await listedCharts(leo, at)).toEqual([]);
      expect(await emergencyAccessEnd(db, leo, { kind: "client", id: chart.id }, at)).toBeNull();
    }

    const [event] = await db
      .select()
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.action, "emergency_access.granted"), eq(s.auditEvents.actorId, leo.userId)));
    expect(event).toMatchObject({ targetType: "client", targetId: chart.id, clientId: chart.id });
  });
});

describe("the audit log finds each use of emergency access by its client", () => {
  it("granted, ended and reviewed carry the chart, or the session's patient profile; a view through it says so", async () => {
    const leo = await clinician("Dr Leo Logged");
    const chart = await createClient(org.id);
    const sessionId = await newSession(chart.id);
    const onChart = (await grantEmergencyAccess(leo, { kind: "client", recordId: chart.id, reason: REASON })) as { grantId: string };
    const onSession = (await grantEmergencyAccess(leo, { kind: "session", recordId: sessionId, reason: REASON })) as { grantId: string };
    await endEmergencyAccess(admin, { grantId: onSession.grantId });
    await reviewEmergencyAccess(admin, { grantId: onChart.grantId, note: "Checked: allergies only, as the reason said." });
    const db = await getDb();
    const events = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.clientId, chart.id), sql`${s.auditEvents.action} like 'emergency_access.%'`));
    expect(events.map((e) => [e.action, e.targetType]).sort()).toEqual([
      ["emergency_access.ended", "clinical_session"],
      ["emergency_access.granted", "client"],
      ["emergency_access.granted", "clinical_session"],
      ["emergency_access.reviewed", "client"],
    ]);
    expect(describeAuditAction("client.viewed", { tab: "overview", emergencyAccess: true })).toBe("Opened a client chart (emergency access)");
    expect(describeAuditAction("client.viewed", { tab: "overview" })).toBe("Opened a client chart");
  });
});

describe("emergency access on a session", () => {
  it("gives exactly View on exactly that session for exactly its time", async () => {
    const leo = await clinician();
    const sessionId = await newSession();
    const otherSessionId = await newSession();
    const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
    expect(await sessionLevel(leo, sessionId, t0)).toBe("none");

    const result = await grantEmergencyAccess(leo, { kind: "session", recordId: sessionId, reason: REASON, now: t0 });
    expect(result.status).toBe("granted");
    const expiresAt = new Date(t0.getTime() + 4 * HOUR);

    for (const at of [new Date(t0.getTime() + 1000), new Date(expiresAt.getTime() - 1)]) {
      const level = await sessionLevel(leo, sessionId, at);
      expect(level).toBe("view");
      expect(SESSION_PERMISSIONS.filter((p) => levelAllows(level, p))).toEqual(["session:view"]);
      expect(await sessionLevel(leo, otherSessionId, at)).toBe("none");
      expect(await listedSessions(leo, at)).toEqual([sessionId]);
    }
    for (const at of [expiresAt, new Date(expiresAt.getTime() + HOUR)]) {
      expect(await sessionLevel(leo, sessionId, at)).toBe("none");
      expect(await listedSessions(leo, at)).toEqual([]);
    }
  });

  it("never lifts a share above View, and adds nothing to a higher one", async () => {
    const leo = await clinician();
    const sessionId = await newSession();
    const t0 = new Date();
    await grantEmergencyAccess(leo, { kind: "session", recordId: sessionId, reason: REASON, now: t0 });
    const db = await getDb();
    await db.insert(s.sessionShares).values({ sessionId, userId: leo.userId, access: "edit", grantedById: owner.userId });
    expect(await sessionLevel(leo, sessionId, new Date(t0.getTime() + 1000))).toBe("edit");
    expect(await sessionLevel(leo, sessionId, new Date(t0.getTime() + 5 * HOUR))).toBe("edit");
  });
});

describe("who is told, and the review", () => {
  it("tells every admin in the app and by email at once; an admin reviews it once, with a note", async () => {
    const leo = await clinician("Dr Leo Told");
    const chart = await createClient(org.id);
    const { grantId } = (await grantEmergencyAccess(leo, { kind: "client", recordId: chart.id, reason: REASON })) as { grantId: string };
    const db = await getDb();
    for (const a of [admin, admin2]) {
      const notes = await db.select().from(s.notifications).where(and(eq(s.notifications.userId, a.userId), eq(s.notifications.kind, "emergency_access_used")));
      expect(notes.filter((n) => n.text.includes("Dr Leo Told"))).toHaveLength(1);
      const mails = await db.select().from(s.outbox).where(and(eq(s.outbox.to, a.email), eq(s.outbox.template, "emergency-access-used")));
      expect(mails.some((m) => m.subject === "Dr Leo Told used emergency access")).toBe(true);
    }
    for (const nobody of [leo, secretary, owner]) {
      const notes = await db.select().from(s.notifications).where(and(eq(s.notifications.userId, nobody.userId), eq(s.notifications.kind, "emergency_access_used")));
      expect(notes).toHaveLength(0);
    }

    expect((await listEmergencyAccess(admin)).toReview.map((g) => g.id)).toContain(grantId);
    expect(await codeOf(reviewEmergencyAccess(leo, { grantId, note: "Mine" }))).toBe("forbidden");
    await reviewEmergencyAccess(admin, { grantId, note: "Called Dr Chen: the client was in A&E. Justified." });
    expect(await codeOf(reviewEmergencyAccess(admin2, { grantId, note: "Again" }))).toBe("already_reviewed");
    const after = await listEmergencyAccess(admin2);
    expect(after.toReview.map((g) => g.id)).not.toContain(grantId);
    expect(after.reviewed.find((g) => g.id === grantId)).toMatchObject({ reason: REASON, review: { byName: "Ava Morgan", note: "Called Dr Chen: the client was in A&E. Justified." } });
  });

  it("an admin ends a grant early: refused at the holder's next check; ending it twice is not_found", async () => {
    const leo = await clinician();
    const chart = await createClient(org.id);
    const { grantId } = (await grantEmergencyAccess(leo, { kind: "client", recordId: chart.id, reason: REASON })) as { grantId: string };
    expect(await clientSight(leo, chart.id)).toBe("emergency");
    expect(await codeOf(endEmergencyAccess(leo, { grantId }))).toBe("forbidden");
    await endEmergencyAccess(admin, { grantId });
    expect(await clientSight(leo, chart.id)).toBe("none");
    expect(await codeOf(endEmergencyAccess(admin, { grantId }))).toBe("not_found");
    expect((await listEmergencyAccess(admin)).toReview.find((g) => g.id === grantId)).toMatchObject({ state: "ended_early", endedByName: "Ava Morgan" });
  });
});

describe("refusals", () => {
  it("refuses a medical secretary, and writes nothing", async () => {
    const sessionId = await newSession();
    expect(await codeOf(grantEmergencyAccess(secretary, { kind: "session", recordId: sessionId, reason: REASON }))).toBe("forbidden");
    expect(await grantsOf(secretary.userId)).toHaveLength(0);
  });

  it("answers ids of another organisation, unknown ids and malformed ids exactly as not found", async () => {
    const leo = await clinician();
    const answers = [
      await codeOf(grantEmergencyAccess(leo, { kind: "client", recordId: otherOrgChartId, reason: REASON })),
      await codeOf(grantEmergencyAccess(leo, { kind: "session", recordId: otherOrgSessionId, reason: REASON })),
      await codeOf(grantEmergencyAccess(leo, { kind: "client", recordId: crypto.randomUUID(), reason: REASON })),
      await codeOf(grantEmergencyAccess(leo, { kind: "session", recordId: crypto.randomUUID(), reason: REASON })),
      await codeOf(grantEmergencyAccess(leo, { kind: "client", recordId: "not-a-uuid", reason: REASON })),
    ];
    expect(answers).toEqual(["not_found", "not_found", "not_found", "not_found", "not_found"]);
    expect(await grantsOf(leo.userId)).toHaveLength(0);
  });

  it("writes nothing for a record the person can already see", async () => {
    expect(await grantEmergencyAccess(owner, { kind: "client", recordId: otherChartId, reason: REASON })).toEqual({ status: "not_needed" });
    expect(await grantsOf(owner.userId)).toHaveLength(0);
  });

  it("turning the feature off refuses new grants and ends live ones; the role losing the permission ends them too", async () => {
    const leo = await clinician();
    const chart = await createClient(org.id);
    await grantEmergencyAccess(leo, { kind: "client", recordId: chart.id, reason: REASON });
    await updateEmergencyAccessSettings(admin, { emergencyAccessEnabled: false, emergencyAccessHours: 4 });
    try {
      expect(await clientSight(leo, chart.id)).toBe("none");
      expect(await codeOf(grantEmergencyAccess(leo, { kind: "client", recordId: (await createClient(org.id)).id, reason: REASON }))).toBe("emergency_access_off");
    } finally {
      await updateEmergencyAccessSettings(admin, { emergencyAccessEnabled: true, emergencyAccessHours: 2 });
    }
    expect(await clientSight(leo, chart.id)).toBe("emergency");
    // The new length applies to new grants.
    const t0 = new Date();
    const later = (await grantEmergencyAccess(leo, { kind: "session", recordId: await newSession(), reason: REASON, now: t0 })) as { expiresAt: Date };
    expect(later.expiresAt.getTime() - t0.getTime()).toBe(2 * HOUR);

    // A custom role without the permission: the same person, moved to it, loses the live grant.
    const db = await getDb();
    const [role] = await db.insert(s.roles).values({ organisationId: org.id, name: `Locum ${Math.random()}`, patients: "edit", sessions: "edit", clientScope: "assigned" }).returning();
    await db.update(s.memberships).set({ roleId: role!.id }).where(eq(s.memberships.id, leo.membershipId));
    const moved = (await loadStaffActor(leo.userId, org.id))!;
    expect(moved.role.permissions.emergencyAccess).toBe(false);
    expect(await clientSight(moved, chart.id)).toBe("none");
    expect(await codeOf(grantEmergencyAccess(moved, { kind: "client", recordId: chart.id, reason: REASON }))).toBe("forbidden");
  });
});

describe("parallel presses", () => {
  it("50 parallel requests for the same record make one grant, and tell each admin once", async () => {
    const leo = await clinician("Dr Parallel Person");
    const chart = await createClient(org.id);
    const results = await Promise.all(Array.from({ length: 50 }, () => grantEmergencyAccess(leo, { kind: "client", recordId: chart.id, reason: REASON })));
    const grants = await grantsOf(leo.userId);
    expect(grants).toHaveLength(1);
    expect(results.filter((r) => r.status === "granted")).toHaveLength(1);
    expect(results.filter((r) => r.status === "already_granted")).toHaveLength(49);
    expect(new Set(results.map((r) => (r as { grantId: string }).grantId))).toEqual(new Set([grants[0]!.id]));
    const db = await getDb();
    const notes = await db.select().from(s.notifications).where(eq(s.notifications.kind, "emergency_access_used"));
    expect(notes.filter((n) => n.text.includes("Dr Parallel Person"))).toHaveLength(2);
  });
});
