import { and, desc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, selectRows } from "@/db/client";
import * as s from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { BUILT_IN_ROLES } from "@/lib/access/permissions";
import { changeMemberRole } from "@/lib/organisations/change-member-role";
import { removeMember } from "@/lib/organisations/remove-member";
import { setAccessEnd } from "@/lib/access-ends/set-access-end";
import { changeShareLevel } from "@/lib/sessions/change-share-level";
import { createSession } from "@/lib/sessions/create-session";
import { deleteSession } from "@/lib/sessions/delete-session";
import { getSession } from "@/lib/sessions/get-session";
import { listSessions } from "@/lib/sessions/list-sessions";
import { removeShare } from "@/lib/sessions/remove-share";
import { searchColleagues } from "@/lib/sessions/search-colleagues";
import { setSessionPatient } from "@/lib/sessions/set-session-patient";
import { setSessionVisibility } from "@/lib/sessions/set-session-visibility";
import { shareSession } from "@/lib/sessions/share-session";
import { getSessionHandover } from "@/lib/sessions/transfer-sessions";
import { updateSession } from "@/lib/sessions/update-session";
import { createMember, createOrganisation, createTeam } from "../support/factories";

let org: Awaited<ReturnType<typeof createOrganisation>>;
let admin: StaffActor;
let maya: StaffActor;
let leo: StaffActor;
let nina: StaffActor;
let sam: StaffActor; // medical secretary: no Sessions area
let reader: StaffActor; // custom role, sessions: view
let psychologyId: string;

beforeAll(async () => {
  const db = await getDb();
  org = await createOrganisation("Harbour Health Group");
  psychologyId = (await createTeam(org.id, "Psychology")).id;
  const physio = await createTeam(org.id, "Physiotherapy");
  admin = await createMember(org, { role: "admin", name: "Ava Morgan", email: "ava@harbour.test" });
  maya = await createMember(org, { role: "clinician", name: "Dr Maya Patel", email: "maya@harbour.test", teamIds: [psychologyId] });
  leo = await createMember(org, { role: "clinician", name: "Dr Leo Chen", email: "leo@harbour.test", teamIds: [physio.id] });
  nina = await createMember(org, { role: "clinician", name: "Dr Nina Okafor", email: "nina@harbour.test", teamIds: [psychologyId] });
  sam = await createMember(org, { role: "medical_secretary", name: "Sam Rivers", email: "sam@harbour.test" });
  const [readerRole] = await db.insert(s.roles).values({ organisationId: org.id, name: "Reader", ...BUILT_IN_ROLES.clinician.permissions, sessions: "view" }).returning();
  reader = await createMember(org, { roleId: readerRole!.id, name: "Rae Reader", email: "rae@harbour.test" });
});

async function newSession(owner = maya, opts: { visibility?: "private" | "team"; title?: string } = {}) {
  const { sessionId } = await createSession(owner, { title: opts.title ?? "Initial assessment", clientId: null, teamId: owner.teamIds[0] ?? null, visibility: opts.visibility ?? "private" });
  return sessionId;
}

async function messagesTo(email: string) {
  const db = await getDb();
  return db.select().from(s.outbox).where(eq(s.outbox.to, email)).orderBy(desc(s.outbox.createdAt));
}

async function notificationsOf(userId: string) {
  const db = await getDb();
  return db.select().from(s.notifications).where(eq(s.notifications.userId, userId)).orderBy(desc(s.notifications.createdAt));
}

async function auditOf(sessionId: string) {
  const db = await getDb();
  return db.select().from(s.auditEvents).where(and(eq(s.auditEvents.targetType, "clinical_session"), eq(s.auditEvents.targetId, sessionId))).orderBy(s.auditEvents.createdAt);
}

describe("sharing a session", () => {
  it("gives the colleague access, an in-app notification and an email linking to the session, and is audited", async () => {
    const sessionId = await newSession();
    const mailsBefore = (await messagesTo(leo.email)).length;
    expect(await shareSession(maya, { sessionId, userIds: [leo.userId], access: "edit", message: "Could you add your view on the knee?" })).toMatchObject({ outcome: "shared" });

    expect((await getSession(leo, sessionId)).abilities).toMatchObject({ level: "edit", editNotes: true, share: false, delete: false });
    const [note] = await notificationsOf(leo.userId);
    expect(note).toMatchObject({ kind: "session_shared", link: `/sessions/${sessionId}`, organisationId: org.id });
    expect(note!.text).toContain("Dr Maya Patel gave you Edit access to");
    const mails = await messagesTo(leo.email);
    expect(mails).toHaveLength(mailsBefore + 1);
    expect(mails[0]).toMatchObject({ template: "session-shared", channel: "email" });
    expect(mails[0]!.text).toContain(`/sessions/${sessionId}`);
    expect(mails[0]!.text).toContain("Could you add your view on the knee?");
    const events = await auditOf(sessionId);
    expect(events.find((e) => e.action === "session.shared")).toMatchObject({ actorId: maya.userId, metadata: { userId: leo.userId, to: "edit" } });
  });

  it("changes the level of someone who already has access instead of adding a second share, and tells them", async () => {
    const db = await getDb();
    const sessionId = await newSession();
    await shareSession(maya, { sessionId, userIds: [leo.userId], access: "view" });
    expect(await shareSession(maya, { sessionId, userIds: [leo.userId], access: "full" })).toMatchObject({ outcome: "changed" });
    expect(await shareSession(maya, { sessionId, userIds: [leo.userId], access: "full" })).toMatchObject({ outcome: "unchanged" });
    const shares = await db.select().from(s.sessionShares).where(eq(s.sessionShares.sessionId, sessionId));
    expect(shares).toHaveLength(1);
    expect(shares[0]).toMatchObject({ userId: leo.userId, access: "full" });
    const [note] = await notificationsOf(leo.userId);
    expect(note).toMatchObject({ kind: "session_access_changed", link: `/sessions/${sessionId}` });
    expect((await messagesTo(leo.email))[0]).toMatchObject({ template: "session-access-changed" });
    expect((await auditOf(sessionId)).map((e) => e.action)).toEqual(["session.created", "session.shared", "session.share_level_changed"]);
  });

  it("reaches any active member of the organisation, on any team, and nobody else", async () => {
    const sessionId = await newSession();
    const other = await createOrganisation();
    const outsider = await createMember(other, { role: "clinician" });
    const leaver = await createMember(org, { role: "clinician" });
    await removeMember(admin, { membershipId: leaver.membershipId });

    for (const target of [maya, outsider, leaver, sam]) {
      await expect(shareSession(maya, { sessionId, userIds: [target.userId], access: "view" })).rejects.toMatchObject({ code: "invalid_input", details: { field: "userIds" } });
    }
    // A role with sessions: view may only be given View.
    await expect(shareSession(maya, { sessionId, userIds: [reader.userId], access: "edit" })).rejects.toMatchObject({ code: "invalid_input", details: { field: "access" } });
    await shareSession(maya, { sessionId, userIds: [reader.userId], access: "view" });
    const db = await getDb();
    expect(await db.select().from(s.sessionShares).where(eq(s.sessionShares.sessionId, sessionId))).toHaveLength(1);
  });

  it("lets a Full holder share onwards and manage others, but never the owner, and their shares survive their own removal", async () => {
    const sessionId = await newSession();
    await shareSession(maya, { sessionId, userIds: [leo.userId], access: "full" });
    await shareSession(leo, { sessionId, userIds: [nina.userId], access: "view" });
    await changeShareLevel(leo, { sessionId, userId: nina.userId, access: "edit" });
    await expect(changeShareLevel(leo, { sessionId, userId: maya.userId, access: "view" })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(removeShare(leo, { sessionId, userId: maya.userId })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(shareSession(leo, { sessionId, userIds: [maya.userId], access: "view" })).rejects.toMatchObject({ code: "invalid_input" });
    expect((await getSession(maya, sessionId)).abilities.level).toBe("owner");

    await removeShare(maya, { sessionId, userId: leo.userId });
    const detail = await getSession(maya, sessionId);
    expect(detail.people.map((p) => [p.name, p.access, p.sharedByName])).toEqual([["Dr Nina Okafor", "edit", "Dr Leo Chen"]]);
    await expect(getSession(leo, sessionId)).rejects.toMatchObject({ code: "not_found" });
  });

  it("a Full holder whose access ends on a day cannot move or clear that end, nor change their own level; the owner can", async () => {
    const sessionId = await newSession();
    const endsOn = new Date(Date.now() + 7 * 24 * 3_600_000);
    await shareSession(maya, { sessionId, userIds: [leo.userId], access: "full", endsOn });
    await expect(setAccessEnd(leo, { grant: "session_share", sessionId, userId: leo.userId, endsOn: null })).rejects.toMatchObject({ code: "own_access" });
    await expect(changeShareLevel(leo, { sessionId, userId: leo.userId, access: "edit" })).rejects.toMatchObject({ code: "own_access" });
    const [share] = await (await getDb()).select().from(s.sessionShares).where(and(eq(s.sessionShares.sessionId, sessionId), eq(s.sessionShares.userId, leo.userId)));
    expect(share).toMatchObject({ access: "full", expiresAt: endsOn });
    // Others' access they still manage; the owner manages theirs.
    await shareSession(leo, { sessionId, userIds: [nina.userId], access: "view", endsOn });
    await setAccessEnd(leo, { grant: "session_share", sessionId, userId: nina.userId, endsOn: null });
    await setAccessEnd(maya, { grant: "session_share", sessionId, userId: leo.userId, endsOn: null });
    expect((await getSession(maya, sessionId)).people.map((p) => [p.name, p.expiresAt])).toEqual([
      ["Dr Leo Chen", null],
      ["Dr Nina Okafor", null],
    ]);
  });

  it("removing someone ends their access at their next request, without an email or a notification; their unread notice of it is read", async () => {
    const sessionId = await newSession();
    await shareSession(maya, { sessionId, userIds: [leo.userId], access: "edit" });
    const [mails, notes] = [(await messagesTo(leo.email)).length, (await notificationsOf(leo.userId)).length];
    const unreadAbout = async () => (await notificationsOf(leo.userId)).filter((n) => n.link === `/sessions/${sessionId}` && !n.readAt);
    expect(await unreadAbout()).toHaveLength(1);
    await removeShare(maya, { sessionId, userId: leo.userId });
    expect(await unreadAbout()).toEqual([]);
    await expect(getSession(leo, sessionId)).rejects.toMatchObject({ code: "not_found" });
    await expect(updateSession(leo, { sessionId, notes: "late edit" })).rejects.toMatchObject({ code: "not_found" });
    expect((await messagesTo(leo.email)).length).toBe(mails);
    expect((await notificationsOf(leo.userId)).length).toBe(notes);
    expect((await auditOf(sessionId)).find((e) => e.action === "session.share_removed")).toMatchObject({ actorId: maya.userId, metadata: { userId: leo.userId, access: "edit" } });
  });

  it("lowering a level takes effect at the next request: the next save is refused", async () => {
    const sessionId = await newSession();
    await shareSession(maya, { sessionId, userIds: [leo.userId], access: "edit" });
    await updateSession(leo, { sessionId, notes: "Leo's notes" });
    await changeShareLevel(maya, { sessionId, userId: leo.userId, access: "view" });
    await expect(updateSession(leo, { sessionId, notes: "Leo's second try" })).rejects.toMatchObject({ code: "forbidden" });
    const detail = await getSession(leo, sessionId);
    expect(detail.notes).toBe("Leo's notes");
    expect(detail.abilities).toMatchObject({ level: "view", editNotes: false });
  });
});

describe("team visibility and direct shares", () => {
  it("are additive: the highest level wins, and changing visibility never touches the shares", async () => {
    const sessionId = await newSession(maya, { visibility: "team" });
    expect((await getSession(nina, sessionId)).abilities.level).toBe("view");
    await shareSession(maya, { sessionId, userIds: [nina.userId], access: "edit" });
    expect((await getSession(nina, sessionId)).abilities.level).toBe("edit");
    await setSessionVisibility(maya, { sessionId, visibility: "private", teamId: null });
    expect((await getSession(nina, sessionId)).abilities.level).toBe("edit");
    await removeShare(maya, { sessionId, userId: nina.userId });
    await expect(getSession(nina, sessionId)).rejects.toMatchObject({ code: "not_found" });
    await setSessionVisibility(maya, { sessionId, visibility: "team", teamId: psychologyId });
    expect((await getSession(nina, sessionId)).abilities.level).toBe("view");
    // Only the owner sets visibility.
    await expect(setSessionVisibility(nina, { sessionId, visibility: "private", teamId: null })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("shows who has access: the people, their level and who shared it; the owner has no share to change", async () => {
    const sessionId = await newSession(maya, { visibility: "team" });
    await shareSession(maya, { sessionId, userIds: [leo.userId], access: "view" });
    const detail = await getSession(leo, sessionId);
    expect(detail.owner.name).toBe("Dr Maya Patel");
    expect(detail.team?.name).toBe("Psychology");
    expect(detail.people).toMatchObject([{ name: "Dr Leo Chen", access: "view", sharedByName: "Dr Maya Patel" }]);
    expect(detail.abilities).toMatchObject({ share: false, manageAccess: false });
  });
});

describe("the patient profile", () => {
  it("can only be a client whose chart the editor may see; the session never opens the chart to anyone", async () => {
    const db = await getDb();
    const [mine, notMine] = await db
      .insert(s.clients)
      .values([
        { organisationId: org.id, firstName: "Ida", lastName: "Listed" },
        { organisationId: org.id, firstName: "Ugo", lastName: "Unlisted" },
      ])
      .returning();
    await db.insert(s.clientAccess).values({ clientId: mine!.id, userId: leo.userId });
    const sessionId = await newSession();
    await shareSession(maya, { sessionId, userIds: [leo.userId], access: "edit" });
    await expect(setSessionPatient(leo, { sessionId, clientId: notMine!.id })).rejects.toMatchObject({ code: "invalid_input", details: { field: "clientId" } });
    await setSessionPatient(leo, { sessionId, clientId: mine!.id });
    expect((await getSession(maya, sessionId)).patient).toMatchObject({ name: "Ida Listed" });
    expect((await auditOf(sessionId)).filter((e) => e.action === "session.patient_changed")).toMatchObject([{ actorId: leo.userId, metadata: { from: null, to: mine!.id } }]);
  });
});

describe("role ceilings", () => {
  it("a role with sessions: view cannot create sessions, and a share granted before the role was lowered counts as View", async () => {
    await expect(createSession(reader, { title: "Mine", clientId: null, teamId: null, visibility: "private" })).rejects.toMatchObject({ code: "forbidden" });
    const sessionId = await newSession();
    await shareSession(maya, { sessionId, userIds: [leo.userId], access: "full" });
    const [readerRole] = await (await getDb()).select().from(s.roles).where(eq(s.roles.name, "Reader"));
    await changeMemberRole(admin, { membershipId: leo.membershipId, roleId: readerRole!.id });
    const lowered = { ...leo, role: { ...leo.role, permissions: { ...leo.role.permissions, sessions: "view" as const } } };
    expect((await getSession(lowered, sessionId)).abilities).toMatchObject({ level: "view", share: false });
    expect((await getSession(maya, sessionId)).people[0]).toMatchObject({ access: "full", effectiveAccess: "view" });
    await changeMemberRole(admin, { membershipId: leo.membershipId, roleId: org.roles.clinician });
  });
});

describe("deleting a session", () => {
  it("is for the owner only, soft, audited, and hides the session from everyone including the owner", async () => {
    const db = await getDb();
    const sessionId = await newSession(maya, { visibility: "team", title: "To be deleted" });
    await shareSession(maya, { sessionId, userIds: [leo.userId], access: "full" });
    await expect(deleteSession(leo, { sessionId })).rejects.toMatchObject({ code: "forbidden" });
    await deleteSession(maya, { sessionId });
    const [row] = await db.select().from(s.clinicalSessions).where(eq(s.clinicalSessions.id, sessionId));
    expect(row!.deletedAt).toBeInstanceOf(Date);
    for (const who of [maya, leo, nina]) await expect(getSession(who, sessionId)).rejects.toMatchObject({ code: "not_found" });
    expect((await listSessions(maya, { tab: "mine", q: "To be deleted" })).items).toEqual([]);
    expect((await auditOf(sessionId)).filter((e) => e.action === "session.deleted")).toMatchObject([{ actorId: maya.userId }]);
    // Leo's bell no longer calls him to it: the share's notice is read.
    const notices = (await notificationsOf(leo.userId)).filter((n) => n.link === `/sessions/${sessionId}`);
    expect(notices.length).toBeGreaterThan(0);
    for (const n of notices) expect(n.readAt).toBeInstanceOf(Date);
  });
});

describe("auditing views", () => {
  it("records every view by someone other than the owner, and none by the owner", async () => {
    const sessionId = await newSession(maya, { visibility: "team" });
    await getSession(maya, sessionId);
    await getSession(nina, sessionId);
    await getSession(nina, sessionId);
    const views = (await auditOf(sessionId)).filter((e) => e.action === "session.viewed");
    expect(views.map((v) => v.actorId)).toEqual([nina.userId, nina.userId]);
    expect(views[0]!.metadata).toEqual({ level: "view" });
  });

  it("audits a refused look at a session as access.refused, and says only 'not found'", async () => {
    const sessionId = await newSession();
    await expect(getSession(leo, sessionId)).rejects.toMatchObject({ code: "not_found" });
    await expect(getSession(leo, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "not_found" });
    await expect(getSession(leo, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
    const db = await getDb();
    const refused = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.action, "access.refused"), eq(s.auditEvents.targetId, sessionId)));
    expect(refused).toMatchObject([{ actorId: leo.userId, metadata: { needed: "session:view" } }]);
  });
});

describe("the share dialog's colleague search", () => {
  it("finds active members by name or email across teams, never the owner, the searcher, former members or roles without sessions", async () => {
    const sessionId = await newSession();
    await shareSession(maya, { sessionId, userIds: [leo.userId], access: "full" });
    const names = async (actor: StaffActor, q: string) => (await searchColleagues(actor, { sessionId, q })).map((c) => c.name);
    expect(await names(maya, "dr")).toEqual(["Dr Leo Chen", "Dr Nina Okafor"]);
    expect(await names(maya, "NINA@harbour")).toEqual(["Dr Nina Okafor"]);
    // A medical secretary (no Sessions area) is listed without levels: the dialog says why they can't be chosen.
    expect(await searchColleagues(maya, { sessionId, q: "sam" })).toMatchObject([{ name: "Sam Rivers", levels: [] }]);
    expect(await names(leo, "dr")).toEqual(["Dr Nina Okafor"]); // not the owner, not themselves
    expect(await names(maya, "%")).toEqual([]);
    const [rae] = await searchColleagues(maya, { sessionId, q: "rae" });
    expect(rae).toMatchObject({ name: "Rae Reader", levels: ["view"], currentAccess: null });
    const [leoHit] = await searchColleagues(maya, { sessionId, q: "leo" });
    expect(leoHit).toMatchObject({ currentAccess: "full", levels: ["view", "edit", "full"] });
  });

  it("is refused to anyone who may not share the session", async () => {
    const sessionId = await newSession(maya, { visibility: "team" });
    await shareSession(maya, { sessionId, userIds: [leo.userId], access: "edit" });
    await expect(searchColleagues(leo, { sessionId, q: "dr" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(searchColleagues(admin, { sessionId, q: "dr" })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the session lists", () => {
  it("search by title or client name, newest first, 20 to a page", async () => {
    const db = await getDb();
    const owner = await createMember(org, { role: "clinician", teamIds: [psychologyId] });
    const [client] = await db.insert(s.clients).values({ organisationId: org.id, firstName: "Zoe", lastName: "Quill" }).returning();
    const base = Date.parse("2026-01-01T09:00:00Z");
    for (let i = 0; i < 25; i++) {
      await db.insert(s.clinicalSessions).values({
        organisationId: org.id,
        ownerId: owner.userId,
        title: i === 3 ? "Follow-up 50% done" : `Review ${i}`,
        clientId: i === 7 ? client!.id : null,
        createdAt: new Date(base + i * 60_000),
      });
    }
    const first = await listSessions(owner, { tab: "mine" });
    expect(first.items).toHaveLength(20);
    expect(first.items[0]!.title).toBe("Review 24");
    expect(first.prevCursor).toBeNull();
    const second = await listSessions(owner, { tab: "mine", after: first.nextCursor! });
    expect(second.items.map((i) => i.title)).toEqual(["Review 4", "Follow-up 50% done", "Review 2", "Review 1", "Review 0"]);
    expect(second.nextCursor).toBeNull();
    // Previous from page 2 is page 1 again, in the same order.
    const back = await listSessions(owner, { tab: "mine", before: second.prevCursor! });
    expect(back.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
    expect(back.prevCursor).toBeNull();
    expect(back.nextCursor).not.toBeNull();
    // A cursor the app did not make starts the list at the top.
    expect((await listSessions(owner, { tab: "mine", after: "not-a-cursor" })).items[0]!.title).toBe("Review 24");
    expect((await listSessions(owner, { tab: "mine", q: "zoe qu" })).items.map((i) => [i.title, i.clientName])).toEqual([["Review 7", "Zoe Quill"]]);
    expect((await listSessions(owner, { tab: "mine", q: "50%" })).items.map((i) => i.title)).toEqual(["Follow-up 50% done"]);
    expect((await listSessions(owner, { tab: "mine", q: "review 1" })).items).toHaveLength(11);
    // A larger page (the benchmark reads pages of 50) holds all 25, newest first, with no next page;
    // a size the list does not offer falls back to 20.
    const large = await listSessions(owner, { tab: "mine", pageSize: 50 });
    expect(large.items.map((i) => i.id)).toEqual([...first.items, ...second.items].map((i) => i.id));
    expect(large.nextCursor).toBeNull();
    expect((await listSessions(owner, { tab: "mine", pageSize: 1000 })).items).toHaveLength(20);
  });

  it("'Shared with me' shows who shared it, my level and when", async () => {
    const sessionId = await newSession(maya, { title: "Shared consult" });
    await shareSession(maya, { sessionId, userIds: [leo.userId], access: "edit" });
    const { items } = await listSessions(leo, { tab: "shared", q: "Shared consult" });
    expect(items).toMatchObject([{ id: sessionId, sharedByName: "Dr Maya Patel", myLevel: "edit", ownerName: "Dr Maya Patel" }]);
    expect(items[0]!.sharedAt).toBeInstanceOf(Date);
  });

  it("a role without the Sessions area lists nothing, even with a share row", async () => {
    const db = await getDb();
    const sessionId = await newSession();
    await db.insert(s.sessionShares).values({ sessionId, userId: sam.userId, access: "full", grantedById: maya.userId });
    for (const tab of ["mine", "shared", "team"] as const) expect((await listSessions(sam, { tab })).items).toEqual([]);
    await expect(getSession(sam, sessionId)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("a member leaving the organisation", () => {
  it("needs a successor for the sessions they own; ownership moves in the same transaction, audited, and the new owner is notified", async () => {
    const db = await getDb();
    const leaver = await createMember(org, { role: "clinician", name: "Dr Lee Leaving", teamIds: [psychologyId] });
    const successor = await createMember(org, { role: "clinician", name: "Dr Sue Successor" });
    const owned = [await newSession(leaver, { title: "Leaver's first" }), await newSession(leaver, { title: "Leaver's second", visibility: "team" })];
    await shareSession(leaver, { sessionId: owned[0]!, userIds: [successor.userId], access: "view" });
    await shareSession(leaver, { sessionId: owned[1]!, userIds: [leo.userId], access: "edit" });
    const heldByLeaver = await newSession(maya);
    await shareSession(maya, { sessionId: heldByLeaver, userIds: [leaver.userId], access: "edit" });

    expect(await getSessionHandover(admin, leaver.membershipId)).toMatchObject({ ownedSessions: 2 });
    expect((await getSessionHandover(admin, leaver.membershipId)).successors.map((c) => c.name)).not.toContain("Sam Rivers");
    const count = async () => (await selectRows<{ n: number }>(db, sql`select count(*)::int as n from session_shares where user_id = ${leaver.userId}`))[0]!.n;

    // No successor, or one who cannot own sessions: refused, and nothing changed.
    await expect(removeMember(admin, { membershipId: leaver.membershipId })).rejects.toMatchObject({ code: "invalid_input", details: { field: "successorMembershipId" } });
    await expect(removeMember(admin, { membershipId: leaver.membershipId, successorMembershipId: sam.membershipId })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(removeMember(admin, { membershipId: leaver.membershipId, successorMembershipId: leaver.membershipId })).rejects.toMatchObject({ code: "invalid_input" });
    expect(await count()).toBe(1);
    expect((await getSession(leaver, owned[0]!)).abilities.level).toBe("owner");

    await removeMember(admin, { membershipId: leaver.membershipId, successorMembershipId: successor.membershipId });
    expect(await count()).toBe(0);
    await expect(getSession(leaver, heldByLeaver)).rejects.toMatchObject({ code: "not_found" });
    await expect(getSession(leaver, owned[0]!)).rejects.toMatchObject({ code: "not_found" });
    for (const id of owned) expect((await getSession(successor, id)).abilities.level).toBe("owner");
    // The successor's old View share is folded into ownership; others' shares stay.
    expect((await getSession(successor, owned[0]!)).people).toEqual([]);
    expect((await getSession(leo, owned[1]!)).abilities.level).toBe("edit");
    expect((await listSessions(successor, { tab: "mine" })).items.map((i) => i.title).sort()).toEqual(["Leaver's first", "Leaver's second"]);
    const [note] = await notificationsOf(successor.userId);
    expect(note).toMatchObject({ kind: "session_ownership_transferred", link: "/sessions?tab=mine" });
    expect(note!.text).toContain("Dr Lee Leaving");
    for (const id of owned) {
      expect((await auditOf(id)).filter((e) => e.action === "session.ownership_transferred")).toMatchObject([{ actorId: admin.userId, metadata: { from: leaver.userId, to: successor.userId } }]);
    }
    const [removed] = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.action, "member.removed"), eq(s.auditEvents.targetId, leaver.membershipId)));
    expect(removed!.metadata).toMatchObject({ sessionSharesRemoved: 1, sessionsTransferred: 2, successorUserId: successor.userId });
    // Maya's notice of the share she gave them is read: invited back one day, their bell starts clear.
    const leaverNotices = await notificationsOf(leaver.userId);
    expect(leaverNotices.length).toBeGreaterThan(0);
    for (const n of leaverNotices) expect(n.readAt).toBeInstanceOf(Date);
  });
});
