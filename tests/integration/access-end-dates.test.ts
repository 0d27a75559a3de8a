import { and, desc, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { canSeeClient } from "@/lib/access/client-visibility";
import { setAccessEnd } from "@/lib/access-ends/set-access-end";
import { sweepExpiredAccess } from "@/lib/access-ends/sweep-expired-access";
import { endOfClinicDay, formatLastDay } from "@/lib/access-ends/end-date";
import { findPortalProfile, listMyProfiles } from "@/lib/client-portal/portal-profiles";
import { createSession } from "@/lib/sessions/create-session";
import { getSession } from "@/lib/sessions/get-session";
import { listSessions } from "@/lib/sessions/list-sessions";
import { shareSession } from "@/lib/sessions/share-session";
import { POST as sweepRoute } from "@/app/api/access/sweep/route";
import { createClient, createMember, createOrganisation } from "../support/factories";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let org: Awaited<ReturnType<typeof createOrganisation>>;
let admin: StaffActor;
let maya: StaffActor;
let nina: StaffActor;

beforeAll(async () => {
  org = await createOrganisation("Harbour Health Group");
  admin = await createMember(org, { role: "admin", name: "Ava Morgan", email: "ava.ends@harbour.test" });
  maya = await createMember(org, { role: "clinician", name: "Dr Maya Patel", email: "maya.ends@harbour.test" });
  nina = await createMember(org, { role: "clinician", name: "Dr Nina Okafor", email: "nina.ends@harbour.test" });
});

afterEach(() => {
  vi.useRealTimers();
});

/** Stands at `at` (only Date is faked: the database driver's timers run as usual). */
function standAt(at: Date | number) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at);
}

async function sharedWithNina(endsOn: Date, title = "Follow-up consultation") {
  const { sessionId } = await createSession(maya, { title, clientId: null, teamId: null, visibility: "private" });
  await shareSession(maya, { sessionId, userIds: [nina.userId], access: "edit", endsOn });
  return sessionId;
}

async function notificationsOf(userId: string, kind: string) {
  const db = await getDb();
  return db.select().from(s.notifications).where(and(eq(s.notifications.userId, userId), eq(s.notifications.kind, kind))).orderBy(desc(s.notifications.createdAt));
}

async function emailsTo(email: string, template: string) {
  const db = await getDb();
  return db.select().from(s.outbox).where(and(eq(s.outbox.to, email), eq(s.outbox.template, template)));
}

describe("end dates in the policy (no sweep needed)", () => {
  it("a session share counts until its end instant and is absent from then on — page, list and people", async () => {
    const end = new Date(Date.now() + 10 * DAY);
    const sessionId = await sharedWithNina(end);

    standAt(end.getTime() - 1);
    expect((await getSession(nina, sessionId)).abilities.editNotes).toBe(true);
    expect((await listSessions(nina, { tab: "shared" })).items.map((i) => i.id)).toContain(sessionId);
    expect((await getSession(maya, sessionId)).people.map((p) => [p.name, p.expiresAt?.getTime()])).toEqual([["Dr Nina Okafor", end.getTime()]]);

    standAt(end);
    await expect(getSession(nina, sessionId)).rejects.toMatchObject({ code: "not_found" });
    expect((await listSessions(nina, { tab: "shared" })).items.map((i) => i.id)).not.toContain(sessionId);
    expect((await getSession(maya, sessionId)).people).toEqual([]);
  });

  it("sharing again after the end starts a fresh share", async () => {
    const end = new Date(Date.now() + DAY);
    const sessionId = await sharedWithNina(end);
    standAt(end.getTime() + HOUR);
    expect(await shareSession(maya, { sessionId, userIds: [nina.userId], access: "view" })).toMatchObject({ outcome: "shared" });
    expect((await getSession(nina, sessionId)).abilities.level).toBe("view");
  });

  it("a chart's access-list entry and a portal login's profile end on their date", async () => {
    const db = await getDb();
    const end = new Date(Date.now() + 5 * DAY);
    const client = await createClient(org.id, { firstName: "Olivia", lastName: "Jones", accessFor: [nina.userId] });
    await db.update(s.clientAccess).set({ expiresAt: end }).where(eq(s.clientAccess.clientId, client.id));
    const [account] = await db.insert(s.portalAccounts).values({ email: `olivia.${client.id}@example.test`, name: "Olivia Jones" }).returning();
    await db.insert(s.portalAccountProfiles).values({ portalAccountId: account!.id, clientId: client.id, status: "accepted", expiresAt: end, invitedById: admin.userId });
    const portalClient = { accountId: account!.id, name: "Olivia Jones", email: account!.email, sessionId: "n/a" };

    standAt(end.getTime() - 1);
    expect(await canSeeClient(nina, client.id)).toBe(true);
    expect(await findPortalProfile(portalClient, client.id)).not.toBeNull();

    standAt(end);
    expect(await canSeeClient(nina, client.id)).toBe(false);
    expect(await findPortalProfile(portalClient, client.id)).toBeNull();
    expect(await listMyProfiles(portalClient)).toEqual([]);
  });

  it("an end date is the whole last day, clinic time (\"Until 31 Jan\")", () => {
    expect(endOfClinicDay("2027-01-31").toISOString()).toBe("2027-02-01T00:00:00.000Z");
    expect(endOfClinicDay("2027-07-31").toISOString()).toBe("2027-07-31T23:00:00.000Z"); // BST
    expect(formatLastDay(endOfClinicDay("2027-01-31"), new Date("2027-01-02T12:00:00Z"))).toBe("31 Jan");
    expect(formatLastDay(endOfClinicDay("2027-01-31"), new Date("2026-11-30T12:00:00Z"))).toBe("31 Jan 2027");
  });
});

describe("the sweep", () => {
  it("warns the granter once, exactly from 3 days before the end, by notification and by email with Extend and Let it end", async () => {
    const end = new Date(Date.now() + 20 * DAY);
    const sessionId = await sharedWithNina(end, "Warned assessment");
    const warnings = () => notificationsOf(maya.userId, "access_ending_soon").then((n) => n.filter((x) => x.link === `/sessions/${sessionId}?share=1`));

    await sweepExpiredAccess({ now: new Date(end.getTime() - 3 * DAY - 1) });
    expect(await warnings()).toHaveLength(0);

    // 50 sweeps at once (cron overlapping a manual run): one warning.
    await Promise.all(Array.from({ length: 50 }, () => sweepExpiredAccess({ now: new Date(end.getTime() - 3 * DAY) })));
    await sweepExpiredAccess({ now: new Date(end.getTime() - DAY) });
    const [warning, ...more] = await warnings();
    expect(more).toHaveLength(0);
    expect(warning!.text).toMatch(/^Dr Nina Okafor's access to “Warned assessment” ends after \d+ \w{3}/);
    const emails = (await emailsTo(maya.email, "access-ending")).filter((e) => e.text.includes("Warned assessment"));
    expect(emails).toHaveLength(1);
    expect(emails[0]!.text).toContain(`Extend http://localhost:3000/sessions/${sessionId}?share=1`);
    expect(emails[0]!.text).toContain("Let it end");
  });

  it("warns the admin who gave a chart's access-list entry or a portal login's profile, from 3 days before, with Extend on the right tab", async () => {
    const db = await getDb();
    const end = new Date(Date.now() + 50 * DAY);
    const client = await createClient(org.id, { firstName: "Warned", lastName: "Chart", accessFor: [nina.userId] });
    await db.update(s.clientAccess).set({ expiresAt: end, grantedById: admin.userId }).where(eq(s.clientAccess.clientId, client.id));
    const [account] = await db.insert(s.portalAccounts).values({ email: `warned.${client.id}@example.test`, name: "Warned Chart" }).returning();
    await db.insert(s.portalAccountProfiles).values({ portalAccountId: account!.id, clientId: client.id, status: "accepted", expiresAt: end, invitedById: admin.userId, invitedName: "Warned Chart" });
    const warnings = async () => (await notificationsOf(admin.userId, "access_ending_soon")).filter((n) => n.link.includes(client.id));

    await sweepExpiredAccess({ now: new Date(end.getTime() - 3 * DAY - 1) });
    expect(await warnings()).toHaveLength(0);
    await sweepExpiredAccess({ now: new Date(end.getTime() - 3 * DAY) });
    await sweepExpiredAccess({ now: new Date(end.getTime() - HOUR) });
    expect((await warnings()).map((n) => n.link).sort()).toEqual([`/clients/${client.id}/access`, `/clients/${client.id}/portal`]);
    const emails = (await emailsTo(admin.email, "access-ending")).filter((e) => e.text.includes("Warned Chart's"));
    expect(emails.map((e) => e.text.match(/Extend (\S+)/)?.[1]).sort()).toEqual([`http://localhost:3000/clients/${client.id}/access`, `http://localhost:3000/clients/${client.id}/portal`]);
    // Still live until the end instant: warning is not ending.
    expect(await canSeeClient(nina, client.id)).toBe(true);
  });

  it("moving the end date re-arms the warning", async () => {
    const end = new Date(Date.now() + 30 * DAY);
    const sessionId = await sharedWithNina(end, "Extended assessment");
    await sweepExpiredAccess({ now: new Date(end.getTime() - 2 * DAY) });
    const later = new Date(end.getTime() + 30 * DAY);
    await setAccessEnd(maya, { grant: "session_share", sessionId, userId: nina.userId, endsOn: later });
    await sweepExpiredAccess({ now: new Date(end.getTime() + HOUR) });
    expect((await getSession(maya, sessionId)).people).toHaveLength(1); // not ended: the new date counts
    await sweepExpiredAccess({ now: new Date(later.getTime() - 3 * DAY) });
    const warnings = (await notificationsOf(maya.userId, "access_ending_soon")).filter((n) => n.link === `/sessions/${sessionId}?share=1`);
    expect(warnings).toHaveLength(2);
  });

  it("removes grants from their end instant, audits each ending and tells the granter", async () => {
    const db = await getDb();
    const end = new Date(Date.now() + 40 * DAY);
    const sessionId = await sharedWithNina(end, "Ending assessment");
    const client = await createClient(org.id, { firstName: "Ending", lastName: "Chart", accessFor: [nina.userId] });
    await db.update(s.clientAccess).set({ expiresAt: end, grantedById: admin.userId }).where(eq(s.clientAccess.clientId, client.id));
    const [account] = await db.insert(s.portalAccounts).values({ email: `ending.${client.id}@example.test`, name: "Ending Chart" }).returning();
    await db.insert(s.portalAccountProfiles).values({ portalAccountId: account!.id, clientId: client.id, status: "accepted", expiresAt: end, invitedById: admin.userId, invitedName: "Ending Chart" });

    await sweepExpiredAccess({ now: new Date(end.getTime() - 1) });
    expect(await db.select().from(s.sessionShares).where(eq(s.sessionShares.sessionId, sessionId))).toHaveLength(1);

    await Promise.all(Array.from({ length: 10 }, () => sweepExpiredAccess({ now: end })));
    expect(await db.select().from(s.sessionShares).where(eq(s.sessionShares.sessionId, sessionId))).toHaveLength(0);
    expect(await db.select().from(s.clientAccess).where(eq(s.clientAccess.clientId, client.id))).toHaveLength(0);
    const [profile] = await db.select().from(s.portalAccountProfiles).where(eq(s.portalAccountProfiles.clientId, client.id));
    expect(profile).toMatchObject({ status: "revoked", revokedAt: end });

    const endings = await db.select().from(s.auditEvents).where(eq(s.auditEvents.action, "access.ended"));
    expect(endings.filter((e) => e.targetId === sessionId)).toHaveLength(1);
    expect(endings.filter((e) => e.targetId === client.id).map((e) => (e.metadata as { grant: string }).grant).sort()).toEqual(["client_access", "portal_profile"]);
    expect((await notificationsOf(maya.userId, "access_ended")).map((n) => n.text)).toContain("Dr Nina Okafor's access to “Ending assessment” has ended, on the end date you set.");
    expect((await notificationsOf(admin.userId, "access_ended")).filter((n) => n.link.includes(client.id)).map((n) => n.text).sort()).toEqual([
      "Dr Nina Okafor's access to Ending Chart's chart has ended, on the end date you set.",
      "Ending Chart's client-portal access to Ending Chart's profile has ended, on the end date you set.",
    ]);
  });

  it("runs from the route only with the secret (Bearer, like a cron job)", async () => {
    vi.stubEnv("SWEEP_CRON_SECRET", "sweep-secret-for-tests-0123456789");
    try {
      const call = (auth?: string) => sweepRoute(new Request("http://localhost/api/access/sweep", { method: "POST", headers: auth ? { authorization: auth } : {} }));
      expect((await call()).status).toBe(404);
      expect((await call("Bearer wrong")).status).toBe(404);
      expect((await call("Bearer sweep-secret-for-tests-012345678X")).status).toBe(404);
      const ok = await call("Bearer sweep-secret-for-tests-0123456789");
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ warned: expect.any(Number), ended: expect.any(Number), reminded: expect.any(Number), unopened: expect.any(Number) });
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
