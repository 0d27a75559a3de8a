import { and, eq, inArray } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { sweepExpiredAccess } from "@/lib/access-ends/sweep-expired-access";
import { changeShare } from "@/lib/documents/change-share";
import { externalSharesPageQuery, listExternalShares, type ExternalShareFilter } from "@/lib/documents/list-external-shares";
import { reshareDocument } from "@/lib/documents/reshare-document";
import { revokeShares } from "@/lib/documents/revoke-shares";
import { shareDocument } from "@/lib/documents/share-document";
import { getLanding } from "@/lib/portal/landing";
import { openShareLink } from "@/lib/portal/open-link";
import { createClient, createContact, createDocument, createMember, createOrganisation, setSharing } from "../support/factories";
import { latestMessageTo, tokenFromLink } from "../support/outbox";

const HOUR = 3_600_000;
const req = { ip: "203.0.113.9", userAgent: "test" };

let org: Awaited<ReturnType<typeof createOrganisation>>;
let sender: StaffActor;
let clientId: string;

beforeAll(async () => {
  org = await createOrganisation("Harbour Lifecycle Clinic");
  await setSharing(org.id, { sharingEnabled: true, securityLevel: "link" });
  sender = await createMember(org, { role: "medical_secretary", name: "Sam Rivers" });
  clientId = (await createClient(org.id, { firstName: "Ella", lastName: "Hughes" })).id;
});

afterEach(() => {
  vi.useRealTimers();
});

/** Stands at `at` (only Date is faked: the database driver's timers run as usual). */
function standAt(at: Date | number) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at);
}

/** A fresh contact and document, shared by `by` at `sentAt`. */
async function shared(sentAt: number, by: StaffActor = sender, title = "Assessment summary") {
  const contact = await createContact(org.id, { name: "Dr Priya Shah" });
  const doc = await createDocument(org.id, { clientId, authorId: by.userId, title });
  standAt(sentAt);
  const { shareId } = await shareDocument(by, { documentId: doc.id, contactId: contact.id, purpose: "referral" });
  vi.useRealTimers();
  return { shareId, contact, documentId: doc.id, token: tokenFromLink((await latestMessageTo(contact.email!, "document-shared"))!.link) };
}

async function unopenedNotices(userId: string) {
  const db = await getDb();
  return db.select().from(s.notifications).where(and(eq(s.notifications.userId, userId), eq(s.notifications.kind, "share_unopened")));
}

async function remindersTo(email: string) {
  const db = await getDb();
  return db.select().from(s.outbox).where(and(eq(s.outbox.to, email), eq(s.outbox.template, "share-link-reminder")));
}

async function auditsOf(shareId: string, action: string) {
  const db = await getDb();
  return db.select().from(s.auditEvents).where(and(eq(s.auditEvents.targetId, shareId), eq(s.auditEvents.action, action)));
}

describe("the sender hears when a link expires unopened", () => {
  it("not at 23:59:59.999, once at 24 hours — with a Resend link — and never again", async () => {
    const me = await createMember(org, { role: "medical_secretary" });
    const t0 = Date.now();
    const { shareId, documentId } = await shared(t0, me);

    await sweepExpiredAccess({ now: new Date(t0 + 24 * HOUR - 1) });
    expect(await unopenedNotices(me.userId)).toHaveLength(0);

    // Ten sweeps at once (cron overlapping a manual run): one notification.
    await Promise.all(Array.from({ length: 10 }, () => sweepExpiredAccess({ now: new Date(t0 + 24 * HOUR) })));
    await sweepExpiredAccess({ now: new Date(t0 + 30 * HOUR) });
    const notices = await unopenedNotices(me.userId);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ text: "Dr Priya Shah did not open “Assessment summary” — Resend", link: `/documents/${documentId}?resend=${shareId}` });
    expect(await auditsOf(shareId, "document.share_unopened")).toHaveLength(1);
  });

  it("is not told about a link that was opened, or revoked", async () => {
    const me = await createMember(org, { role: "medical_secretary" });
    const t0 = Date.now();
    const opened = await shared(t0, me);
    expect(await openShareLink(opened.token, req)).toMatchObject({ ok: true });
    const revoked = await shared(t0, me);
    await changeShare(me, { shareId: revoked.shareId, change: "revoke" });

    await sweepExpiredAccess({ now: new Date(t0 + 25 * HOUR) });
    expect(await unopenedNotices(me.userId)).toHaveLength(0);
  });

  it("a resend of the same share starts a new 24 hours and may be reported again", async () => {
    const me = await createMember(org, { role: "medical_secretary" });
    const t0 = Date.now();
    const { shareId } = await shared(t0, me);
    await sweepExpiredAccess({ now: new Date(t0 + 24 * HOUR) });
    expect(await unopenedNotices(me.userId)).toHaveLength(1);

    standAt(t0 + 26 * HOUR);
    await changeShare(me, { shareId, change: "resend" });
    vi.useRealTimers();
    await sweepExpiredAccess({ now: new Date(t0 + 50 * HOUR - 1) });
    expect(await unopenedNotices(me.userId)).toHaveLength(1);
    await sweepExpiredAccess({ now: new Date(t0 + 50 * HOUR) });
    expect(await unopenedNotices(me.userId)).toHaveLength(2);
  });

  it("Resend sends the document again to the same contact as a new share, for the same purpose", async () => {
    const { shareId, contact, documentId, token } = await shared(Date.now() - 25 * HOUR);
    const again = await reshareDocument(sender, { shareId });
    expect(again.documentId).toBe(documentId);
    const db = await getDb();
    const [fresh] = await db.select().from(s.documentShares).where(eq(s.documentShares.id, again.shareId));
    expect(fresh).toMatchObject({ documentId, contactId: contact.id, purpose: "referral", firstOpenedAt: null });
    const newToken = tokenFromLink((await latestMessageTo(contact.email!, "document-shared"))!.link);
    expect(newToken).not.toBe(token);
    expect(await getLanding(newToken)).toMatchObject({ state: "ready" });

    // Another organisation's share is not found.
    const other = await createOrganisation();
    const stranger = await createMember(other, { role: "admin" });
    await expect(reshareDocument(stranger, { shareId })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the contact's reminder 4 hours before the link expires", () => {
  let remindingOrg: Awaited<ReturnType<typeof createOrganisation>>;
  let me: StaffActor;
  let chart: string;

  beforeAll(async () => {
    remindingOrg = await createOrganisation("Reminding Clinic");
    await setSharing(remindingOrg.id, { sharingEnabled: true, securityLevel: "link" });
    const db = await getDb();
    await db.update(s.organisations).set({ remindBeforeLinkExpiry: true }).where(eq(s.organisations.id, remindingOrg.id));
    me = await createMember(remindingOrg, { role: "medical_secretary", name: "Sam Rivers" });
    chart = (await createClient(remindingOrg.id)).id;
  });

  async function sharedHere(sentAt: number) {
    const contact = await createContact(remindingOrg.id, { name: "Dr Priya Shah" });
    const doc = await createDocument(remindingOrg.id, { clientId: chart, authorId: me.userId });
    standAt(sentAt);
    const { shareId } = await shareDocument(me, { documentId: doc.id, contactId: contact.id, purpose: "referral" });
    vi.useRealTimers();
    return { shareId, contact, token: tokenFromLink((await latestMessageTo(contact.email!, "document-shared"))!.link) };
  }

  it("not before 20 hours, once at 20 hours (50 sweeps at once), with a fresh link that works until the same expiry", async () => {
    const t0 = Date.now();
    const { shareId, contact, token } = await sharedHere(t0);

    await sweepExpiredAccess({ now: new Date(t0 + 20 * HOUR - 1) });
    expect(await remindersTo(contact.email!)).toHaveLength(0);

    await Promise.all(Array.from({ length: 50 }, () => sweepExpiredAccess({ now: new Date(t0 + 20 * HOUR) })));
    await sweepExpiredAccess({ now: new Date(t0 + 23 * HOUR) });
    const reminders = await remindersTo(contact.email!);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.subject).toBe("Reminder: Reminding Clinic shared a document with you");
    expect(reminders[0]!.text).toContain("Sam Rivers at Reminding Clinic shared a document with you that you have not opened yet.");
    expect(await auditsOf(shareId, "document.share_reminder_sent")).toHaveLength(1);

    const fresh = tokenFromLink((await latestMessageTo(contact.email!, "share-link-reminder"))!.link);
    expect(await getLanding(token)).toEqual({ state: "unavailable" });
    expect(await getLanding(fresh, new Date(t0 + 24 * HOUR - 1000))).toMatchObject({ state: "ready" });
    expect(await getLanding(fresh, new Date(t0 + 24 * HOUR))).toEqual({ state: "expired" });
  });

  it("counts the documents of a share of several, as the first email did", async () => {
    const t0 = Date.now();
    const contact = await createContact(remindingOrg.id, { name: "Dr Priya Shah" });
    const [first, second] = await Promise.all([0, 1].map(() => createDocument(remindingOrg.id, { clientId: chart, authorId: me.userId })));
    standAt(t0);
    await shareDocument(me, { documentId: first!.id, moreDocumentIds: [second!.id], contactId: contact.id, purpose: "referral" });
    vi.useRealTimers();
    await sweepExpiredAccess({ now: new Date(t0 + 20 * HOUR) });
    const [reminder] = await remindersTo(contact.email!);
    expect(reminder!.subject).toBe("Reminder: Reminding Clinic shared 2 documents with you");
    expect(reminder!.text).toContain("Sam Rivers at Reminding Clinic shared 2 documents with you that you have not opened yet.");
    expect(reminder!.text).toContain("View documents");
  });

  it("not after the link was opened or revoked, nor when the clinic has reminders off", async () => {
    const t0 = Date.now();
    const opened = await sharedHere(t0);
    expect(await openShareLink(opened.token, req)).toMatchObject({ ok: true });
    const revoked = await sharedHere(t0);
    await changeShare(me, { shareId: revoked.shareId, change: "revoke" });
    const quiet = await shared(t0); // the first organisation: reminders off (the default)

    await sweepExpiredAccess({ now: new Date(t0 + 21 * HOUR) });
    for (const c of [opened.contact, revoked.contact, quiet.contact]) expect(await remindersTo(c.email!)).toHaveLength(0);
  });

  it("not once the link has expired (a sweep that ran late sends no reminder for a dead link)", async () => {
    const t0 = Date.now();
    const { contact } = await sharedHere(t0);
    await sweepExpiredAccess({ now: new Date(t0 + 24 * HOUR) });
    expect(await remindersTo(contact.email!)).toHaveLength(0);
  });
});

describe("Shared externally: list by state and bulk revoke", () => {
  it("lists the organisation's shares by state, newest first, paged", async () => {
    const admin = await createMember(org, { role: "admin" });
    const t0 = Date.now();
    const sent = await shared(t0 - HOUR);
    const expired = await shared(t0 - 30 * HOUR);
    const opened = await shared(t0 - 2 * HOUR);
    await openShareLink(opened.token, req);
    const revoked = await shared(t0 - 3 * HOUR);
    await changeShare(sender, { shareId: revoked.shareId, change: "revoke" });

    const ids = async (state?: ExternalShareFilter) => (await listExternalShares(admin, { state })).items.map((i) => i.id);
    expect(await ids("sent")).toContain(sent.shareId);
    expect(await ids("sent")).not.toContain(expired.shareId);
    expect(await ids("expired")).toContain(expired.shareId);
    expect(await ids("opened")).toEqual(expect.arrayContaining([opened.shareId]));
    expect(await ids("revoked")).toEqual(expect.arrayContaining([revoked.shareId]));
    expect(await ids()).not.toContain(revoked.shareId);
    // The SQL filter and the state each row shows (shareDisplayState) agree.
    for (const state of ["sent", "opened", "downloaded", "expired", "locked", "revoked"] as const) {
      for (const item of (await listExternalShares(admin, { state })).items) expect(item.state, item.id).toBe(state);
    }
    // With a limit on opened links too, an unopened link of the last hour is still "Sent" (the filter
    // once compared its missing opening date and lost every unopened link).
    await setSharing(org.id, { openedLinkMaxDays: 30 });
    try {
      expect(await ids("sent")).toContain(sent.shareId);
      expect(await ids("sent")).not.toContain(expired.shareId);
      for (const state of ["sent", "opened", "expired"] as const) {
        for (const item of (await listExternalShares(admin, { state })).items) expect(item.state, item.id).toBe(state);
      }
    } finally {
      await setSharing(org.id, { openedLinkMaxDays: null });
    }

    // Keyset pages: every live share once, in order, forwards and back.
    const seen: string[] = [];
    let page = await listExternalShares(admin);
    const first = page.items.map((i) => i.id);
    seen.push(...first);
    while (page.nextCursor) {
      page = await listExternalShares(admin, { after: page.nextCursor });
      seen.push(...page.items.map((i) => i.id));
    }
    expect(new Set(seen).size).toBe(seen.length);
    if (seen.length > 25) {
      const second = await listExternalShares(admin, { after: (await listExternalShares(admin)).nextCursor! });
      expect((await listExternalShares(admin, { before: second.prevCursor! })).items.map((i) => i.id)).toEqual(first);
    }

    // Another organisation sees none of them.
    const other = await createOrganisation();
    const stranger = await createMember(other, { role: "admin" });
    expect((await listExternalShares(stranger)).items).toEqual([]);
  });

  it("a clinician sees the shares of live documents on their own live charts only, read either way (few or many charts)", async () => {
    const clinician = await createMember(org, { role: "clinician" });
    const contact = await createContact(org.id);
    const shareOn = async (chart: string) =>
      (await shareDocument(sender, { documentId: (await createDocument(org.id, { clientId: chart, authorId: sender.userId })).id, contactId: contact.id, purpose: "referral" })).shareId;
    const myChart = (await createClient(org.id, { accessFor: [clinician.userId] })).id;
    const mine = await shareOn(myChart);
    const archivedChart = await createClient(org.id, { accessFor: [clinician.userId] });
    const onArchived = await shareOn(archivedChart.id);
    const ofDeleted = await shareOn(myChart);
    const db = await getDb();
    await db.update(s.clients).set({ archivedAt: new Date() }).where(eq(s.clients.id, archivedChart.id));
    const [deleted] = await db.select({ documentId: s.documentShares.documentId }).from(s.documentShares).where(eq(s.documentShares.id, ofDeleted));
    await db.update(s.documents).set({ deletedAt: new Date() }).where(eq(s.documents.id, deleted!.documentId));
    const elsewhere = await shareOn(clientId);
    for (const assignedCharts of ["few", "many"] as const) {
      const ids = (await externalSharesPageQuery(db, clinician, { state: "live", now: new Date(), openedLinkMaxDays: null, assignedCharts })).map((r) => r.share.id);
      expect(ids, assignedCharts).toContain(mine);
      expect(ids, assignedCharts).not.toContain(onArchived);
      expect(ids, assignedCharts).not.toContain(ofDeleted);
      expect(ids, assignedCharts).not.toContain(elsewhere);
    }
    expect((await listExternalShares(clinician)).items.map((i) => i.id)).toEqual([mine]);
    // An admin sees every chart's shares, the archived chart's and the deleted document's still not.
    const adminIds = (await listExternalShares(await createMember(org, { role: "admin" }))).items.map((i) => i.id);
    expect(adminIds).toEqual(expect.arrayContaining([mine, elsewhere]));
    expect(adminIds).not.toContain(onArchived);
    expect(adminIds).not.toContain(ofDeleted);
  });

  it("bulk revoke: 50 at once revoke each share once, audited per share, and the links are refused", async () => {
    const t0 = Date.now();
    const picked = [await shared(t0), await shared(t0), await shared(t0)];
    const shareIds = picked.map((p) => p.shareId);
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => revokeShares(sender, { shareIds })));
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(results.reduce((n, r) => n + (r.status === "fulfilled" ? r.value.revoked : 0), 0)).toBe(3);
    for (const p of picked) {
      expect(await auditsOf(p.shareId, "document.share_revoked")).toHaveLength(1);
      expect(await openShareLink(p.token, req)).toEqual({ ok: false, reason: "unavailable" });
    }
  });

  it("bulk revoke is refused whole when one share is not the actor's to revoke or of another organisation", async () => {
    const t0 = Date.now();
    const mine = await shared(t0);
    const other = await createOrganisation();
    await setSharing(other.id, { sharingEnabled: true, securityLevel: "link" });
    const stranger = await createMember(other, { role: "admin" });
    const strangersChart = (await createClient(other.id)).id;
    const strangersDoc = await createDocument(other.id, { clientId: strangersChart, authorId: stranger.userId });
    const strangersContact = await createContact(other.id);
    const theirs = await shareDocument(stranger, { documentId: strangersDoc.id, contactId: strangersContact.id, purpose: "referral" });

    await expect(revokeShares(sender, { shareIds: [mine.shareId, theirs.shareId] })).rejects.toMatchObject({ code: "not_found" });
    // A clinician who cannot see the chart may not revoke its shares either.
    const clinician = await createMember(org, { role: "clinician" });
    await expect(revokeShares(clinician, { shareIds: [mine.shareId] })).rejects.toMatchObject({ code: "not_found" });

    const db = await getDb();
    const rows = await db.select({ revokedAt: s.documentShares.revokedAt }).from(s.documentShares).where(inArray(s.documentShares.id, [mine.shareId, theirs.shareId]));
    expect(rows.map((r) => r.revokedAt)).toEqual([null, null]);
  });
});
