import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, onStatement } from "@/db/client";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";
import * as s from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { changeShareLevel } from "@/lib/sessions/change-share-level";
import { createSession } from "@/lib/sessions/create-session";
import { getSession } from "@/lib/sessions/get-session";
import { searchPatientChoices, MAX_PATIENT_CHOICES } from "@/lib/sessions/search-patient-choices";
import { shareSession } from "@/lib/sessions/share-session";
import { updateSession } from "@/lib/sessions/update-session";
import { startAuthSession } from "@/lib/auth/auth-sessions/start-auth-session";
import { listMyOrganisations } from "@/lib/auth/auth-sessions/list-my-organisations";
import { loadStaffActorForAuthSession } from "@/lib/auth/load-staff-actor";
import { emergencyAccessOffer } from "@/lib/emergency-access/emergency-access-offer";
import { getBellSummary } from "@/lib/notifications/get-bell-summary";
import { createClient, createDocument, createMember, createOrganisation, createTeam } from "../support/factories";

let org: Awaited<ReturnType<typeof createOrganisation>>;
let maya: StaffActor;
let leo: StaffActor;
let nina: StaffActor;
let sam: StaffActor; // medical secretary: no Sessions area, sees every chart

beforeAll(async () => {
  org = await createOrganisation("Harbour Health Group");
  maya = await createMember(org, { role: "clinician", name: "Dr Maya Patel" });
  leo = await createMember(org, { role: "clinician", name: "Dr Leo Chen" });
  nina = await createMember(org, { role: "clinician", name: "Dr Nina Okafor" });
  sam = await createMember(org, { role: "medical_secretary", name: "Sam Rivers" });
});

async function newSession(owner = maya) {
  return (await createSession(owner, { title: "Initial assessment", clientId: null, teamId: null, visibility: "private" })).sessionId;
}

async function sharesOf(sessionId: string) {
  const db = await getDb();
  return db.select().from(s.sessionShares).where(eq(s.sessionShares.sessionId, sessionId));
}

describe("notes saved as you type", () => {
  it("refuses a save over text someone else saved since, returns theirs, and keeps both", async () => {
    const sessionId = await newSession();
    await shareSession(maya, { sessionId, userIds: [leo.userId], access: "edit" });
    const { version } = await getSession(maya, sessionId);

    // Both start from the same empty notes; Leo saves first.
    expect(await updateSession(leo, { sessionId, notes: "Leo: mild impingement.", notesBase: "", version })).toEqual({ saved: true, version: version + 1 });
    const answer = await updateSession(maya, { sessionId, notes: "Maya: full range of motion.", notesBase: "", version });
    expect(answer).toMatchObject({ saved: false, conflict: { version: version + 1, notes: "Leo: mild impingement.", changedByName: "Dr Leo Chen" } });
    expect((await getSession(maya, sessionId)).notes).toBe("Leo: mild impingement.");

    // Maya merges both into one text, starting from Leo's version: saved.
    const merged = "Leo: mild impingement.\nMaya: full range of motion.";
    expect(await updateSession(maya, { sessionId, notes: merged, notesBase: "Leo: mild impingement.", version: version + 1 })).toEqual({ saved: true, version: version + 2 });
    expect((await getSession(leo, sessionId)).notes).toBe(merged);
  });

  it("is no conflict when the newer version changed other fields only (the person's own status change)", async () => {
    const sessionId = await newSession();
    const { version } = await getSession(maya, sessionId);
    await updateSession(maya, { sessionId, status: "in_progress" });
    expect(await updateSession(maya, { sessionId, context: "Referred by the GP.", contextBase: "", version })).toEqual({ saved: true, version: version + 2 });
    // Someone else changed the notes, but this save is about the context: saved too.
    await updateSession(maya, { sessionId, notes: "Other text." });
    expect(await updateSession(maya, { sessionId, context: "Referred by the GP, twice.", contextBase: "Referred by the GP.", version: version + 2 })).toMatchObject({ saved: true });
    expect(await getSession(maya, sessionId)).toMatchObject({ status: "in_progress", notes: "Other text.", context: "Referred by the GP, twice." });
  });

  it("refuses a save from someone lowered to View, and writes nothing", async () => {
    const sessionId = await newSession();
    await shareSession(maya, { sessionId, userIds: [leo.userId], access: "edit" });
    await changeShareLevel(maya, { sessionId, userId: leo.userId, access: "view" });
    await expect(updateSession(leo, { sessionId, notes: "Typed while lowered.", notesBase: "", version: 1 })).rejects.toMatchObject({ code: "forbidden" });
    expect((await getSession(maya, sessionId)).notes).toBe("");
  });
});

describe("sharing with several colleagues at once", () => {
  it("shares with each at one level in one call, and tells each of them", async () => {
    const sessionId = await newSession();
    const result = await shareSession(maya, { sessionId, userIds: [leo.userId, nina.userId, leo.userId], access: "edit" });
    expect(result.outcome).toBe("shared");
    expect(result.people.map((p) => p.outcome)).toEqual(["shared", "shared"]);
    expect((await sharesOf(sessionId)).map((r) => r.access)).toEqual(["edit", "edit"]);
    const db = await getDb();
    const notes = await db.select().from(s.notifications).where(and(eq(s.notifications.link, `/sessions/${sessionId}`), eq(s.notifications.kind, "session_shared")));
    expect(notes.map((n) => n.userId).sort()).toEqual([leo.userId, nina.userId].sort());
  });

  it("is all or nothing: one person who can't receive sessions refuses the whole share", async () => {
    const sessionId = await newSession();
    await expect(shareSession(maya, { sessionId, userIds: [leo.userId, sam.userId], access: "view" })).rejects.toMatchObject({ code: "invalid_input", details: { field: "userIds" } });
    expect(await sharesOf(sessionId)).toEqual([]);
  });

  it("50 parallel shares of the same people make one share each, never a duplicate", async () => {
    const sessionId = await newSession();
    const settled = await Promise.allSettled(Array.from({ length: 50 }, () => shareSession(maya, { sessionId, userIds: [leo.userId, nina.userId], access: "view" })));
    // The session's row lock serialises them: the first shares, the others find nothing to change.
    // On a loaded machine some may wait longer than the pool allows: that is "try again", never a second share.
    for (const r of settled) if (r.status === "rejected") expect(isDatabaseUnavailable(r.reason) || r.reason?.code === "conflict").toBe(true);
    expect(settled.filter((r) => r.status === "fulfilled").length).toBeGreaterThan(0);
    const shares = await sharesOf(sessionId);
    expect(shares.map((r) => r.userId).sort()).toEqual([leo.userId, nina.userId].sort());
    const db = await getDb();
    const shared = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.targetId, sessionId), eq(s.auditEvents.action, "session.shared")));
    expect(shared).toHaveLength(2);
  });

  it("keeps who first shared it when someone else changes the level", async () => {
    const sessionId = await newSession();
    await shareSession(maya, { sessionId, userIds: [nina.userId], access: "full" });
    await shareSession(nina, { sessionId, userIds: [leo.userId], access: "edit" });
    await changeShareLevel(maya, { sessionId, userId: leo.userId, access: "view" });
    const leoRow = (await getSession(maya, sessionId)).people.find((p) => p.userId === leo.userId);
    expect(leoRow).toMatchObject({ access: "view", sharedByName: "Dr Nina Okafor", levelChangedByName: "Dr Maya Patel" });
    // Sharing again at another level through the dialog is a level change too.
    await shareSession(nina, { sessionId, userIds: [leo.userId], access: "edit" });
    expect((await getSession(maya, sessionId)).people.find((p) => p.userId === leo.userId)).toMatchObject({ sharedByName: "Dr Nina Okafor", levelChangedByName: "Dr Nina Okafor" });
  });
});

describe("the patient picker's search", () => {
  it("finds, by either name order, at most 20 charts the person may see", async () => {
    const sessionId = await newSession();
    for (let i = 0; i < MAX_PATIENT_CHOICES + 3; i++) await createClient(org.id, { firstName: `Quinn${i}`, lastName: "Harlow", accessFor: [maya.userId] });
    const hidden = await createClient(org.id, { firstName: "Quinnette", lastName: "Harlow" }); // not on Maya's access list
    const other = await createOrganisation();
    await createClient(other.id, { firstName: "Quinn", lastName: "Harlow" });

    const found = await searchPatientChoices(maya, { sessionId, q: "harlow" });
    expect(found).toHaveLength(MAX_PATIENT_CHOICES);
    expect(found.map((c) => c.id)).not.toContain(hidden.id);
    expect(await searchPatientChoices(maya, { sessionId, q: "Harlow Quinn12" })).toMatchObject([{ name: "Quinn12 Harlow" }]);
    expect(await searchPatientChoices(maya, { sessionId, q: "Quinnette" })).toEqual([]);
    expect(await searchPatientChoices(maya, { sessionId, q: "%" })).toEqual([]);
    expect(await searchPatientChoices(maya, { sessionId, q: "" })).toEqual([]);
  });

  it("is refused to anyone who may not change the session's patient", async () => {
    const sessionId = await newSession();
    await shareSession(maya, { sessionId, userIds: [leo.userId], access: "view" });
    await expect(searchPatientChoices(leo, { sessionId, q: "harlow" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(searchPatientChoices(nina, { sessionId, q: "harlow" })).rejects.toMatchObject({ code: "not_found" });
    await expect(searchPatientChoices(sam, { sessionId, q: "harlow" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("serves the new-session form (no session yet) to those who may start sessions, with the same charts", async () => {
    const rowan = await createClient(org.id, { firstName: "Rowan", lastName: "Ashdown", accessFor: [maya.userId] });
    await createClient(org.id, { firstName: "Rowena", lastName: "Ashdown" }); // not on Maya's access list
    // The profile's label tells a person's separate profiles apart in the picker.
    await (await getDb()).update(s.clients).set({ profileLabel: "Psychology" }).where(eq(s.clients.id, rowan.id));
    expect(await searchPatientChoices(maya, { sessionId: null, q: "ashdown" })).toMatchObject([{ name: "Rowan Ashdown", profileLabel: "Psychology" }]);
    // The medical secretary sees every chart but may not start sessions: no search either.
    await expect(searchPatientChoices(sam, { sessionId: null, q: "ashdown" })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("the session page's reads", () => {
  /** The statements `fn` sends, by text (each one a round trip to the database). */
  async function statementsOf<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    const statements: string[] = [];
    const stop = onStatement((q) => statements.push(q));
    try {
      return { result: await fn(), statements };
    } finally {
      stop();
    }
  }

  /** Everything one view of /sessions/[id] reads: the guard's actor, the header (bell, organisations), the not-found panel's offer, and the page. */
  async function viewPage(member: StaffActor, sessionId: string) {
    const authSessionId = await startAuthSession({ userId: member.userId, organisationId: member.organisationId, client: { ip: "203.0.113.9", userAgent: "vitest" } });
    return statementsOf(async () => {
      const found = await loadStaffActorForAuthSession({ userId: member.userId, authSessionId });
      const actor = found.actor!;
      const [bell, organisations, offer, session] = await Promise.all([getBellSummary(actor), listMyOrganisations(actor), emergencyAccessOffer(actor, "session"), getSession(actor, sessionId)]);
      return { actor, bell, organisations, offer, session };
    });
  }

  it("reads the person, the header and the whole page in three statements, four with the audit of someone else's view", async () => {
    const team = await createTeam(org.id, "Shoulder team");
    const db = await getDb();
    await db.insert(s.teamMembers).values({ teamId: team.id, userId: maya.userId });
    const patient = await createClient(org.id, { firstName: "Ada", lastName: "Moss", accessFor: [maya.userId] });
    const { sessionId } = await createSession({ ...maya, teamIds: [team.id] }, { title: "Shoulder review", clientId: patient.id, teamId: team.id, visibility: "team" });
    await shareSession(maya, { sessionId, userIds: [leo.userId], access: "edit" });
    const letter = await createDocument(org.id, { clientId: patient.id, authorId: maya.userId, kind: "letter", title: "Referral letter" });
    await db.update(s.documents).set({ sessionId }).where(eq(s.documents.id, letter.id));

    const own = await viewPage(maya, sessionId);
    expect(own.statements).toHaveLength(3);
    expect(own.result.organisations).toEqual([{ id: org.id, name: "Harbour Health Group" }]);
    expect(own.result.session).toMatchObject({
      title: "Shoulder review",
      owner: { userId: maya.userId, name: "Dr Maya Patel" },
      team: { id: team.id, name: "Shoulder team" },
      myTeams: [{ id: team.id, name: "Shoulder team" }],
      patient: { id: patient.id, name: "Ada Moss" },
      documents: [{ id: letter.id, title: "Referral letter", authorName: "Dr Maya Patel" }],
      people: [{ userId: leo.userId, name: "Dr Leo Chen", access: "edit", effectiveAccess: "edit", sharedByName: "Dr Maya Patel", expiresAt: null }],
      isOwner: true,
    });
    expect(own.result.session.documents[0]!.createdAt).toBeInstanceOf(Date);
    expect(own.result.session.people[0]!.sharedAt).toBeInstanceOf(Date);

    // A colleague's view is audited: one statement more, and nothing else.
    const shared = await viewPage(leo, sessionId);
    expect(shared.statements).toHaveLength(4);
    expect(shared.result.session).toMatchObject({ isOwner: false, abilities: { level: "edit" }, myTeams: [] });
    const views = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.targetId, sessionId), eq(s.auditEvents.action, "session.viewed")));
    expect(views.map((v) => v.actorId)).toEqual([leo.userId]);

    // Someone without access reads the same statements' worth and gets nothing but "not found".
    const refused = await viewPage(nina, sessionId).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "not_found" });
  });
});
