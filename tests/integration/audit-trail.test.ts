import { and, desc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { getAuditSettings, updateAuditSettings } from "@/lib/audit/audit-settings";
import { pruneAuditEvents } from "@/lib/audit/prune-audit-events";
import { recordAudit } from "@/lib/audit/record-audit";
import { getClientChart } from "@/lib/clients/get-client-chart";
import { getDocument } from "@/lib/documents/get-document";
import { getDocumentPdf } from "@/lib/documents/document-pdf";
import { shareDocument } from "@/lib/documents/share-document";
import { findShareById } from "@/lib/portal/find-share";
import { openShareLink } from "@/lib/portal/open-link";
import { downloadSharedDocument } from "@/lib/portal/share-access";
import { makeShareCookie } from "@/lib/portal/share-cookie";
import { createSession } from "@/lib/sessions/create-session";
import { getSession } from "@/lib/sessions/get-session";
import { shareSession } from "@/lib/sessions/share-session";
import { createClient, createContact, createDocument, createMember, createOrganisation, setSharing } from "../support/factories";
import { latestMessageTo, tokenFromLink } from "../support/outbox";

type Org = Awaited<ReturnType<typeof createOrganisation>>;

async function eventsAbout(orgId: string, clientId: string) {
  const db = await getDb();
  return db
    .select()
    .from(s.auditEvents)
    .where(and(eq(s.auditEvents.organisationId, orgId), eq(s.auditEvents.clientId, clientId)))
    .orderBy(desc(s.auditEvents.createdAt));
}

describe("the audit table is append-only in the database", () => {
  let org: Org;
  let eventId: string;

  beforeAll(async () => {
    org = await createOrganisation();
    const admin = await createMember(org, { role: "admin" });
    await recordAudit(await getDb(), { organisationId: org.id, actor: { type: "user", id: admin.userId }, action: "client.viewed", ip: "192.0.2.1", userAgent: "test" });
    const db = await getDb();
    const [row] = await db.select({ id: s.auditEvents.id }).from(s.auditEvents).where(eq(s.auditEvents.organisationId, org.id));
    eventId = row!.id;
  });

  async function theEvent() {
    const db = await getDb();
    const [row] = await db.select().from(s.auditEvents).where(eq(s.auditEvents.id, eventId));
    return row;
  }

  it("refuses an UPDATE, whichever column", async () => {
    const db = await getDb();
    const before = await theEvent();
    await expect(db.update(s.auditEvents).set({ action: "client.updated" }).where(eq(s.auditEvents.id, eventId))).rejects.toThrow();
    await expect(db.execute(sql`update audit_events set created_at = now() - interval '20 years' where id = ${eventId}`)).rejects.toThrow();
    expect(await theEvent()).toEqual(before);
  });

  it("refuses a DELETE, of one event or of all of them", async () => {
    const db = await getDb();
    await expect(db.delete(s.auditEvents).where(eq(s.auditEvents.id, eventId))).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_events`)).rejects.toThrow();
    expect(await theEvent()).toBeDefined();
  });

  it("still accepts new events", async () => {
    const db = await getDb();
    await recordAudit(db, { organisationId: org.id, actor: { type: "system" }, action: "sharing.settings_changed", ip: null });
    const rows = await db.select().from(s.auditEvents).where(eq(s.auditEvents.organisationId, org.id));
    expect(rows).toHaveLength(2);
  });
});

describe("events about a client carry the client", () => {
  let org: Org;
  let admin: StaffActor;
  let colleague: StaffActor;
  let clientId: string;
  let otherClientId: string;

  beforeAll(async () => {
    org = await createOrganisation();
    admin = await createMember(org, { role: "admin", name: "Ada Admin" });
    colleague = await createMember(org, { role: "clinician" });
    clientId = (await createClient(org.id, { accessFor: [colleague.userId] })).id;
    otherClientId = (await createClient(org.id)).id;
    await setSharing(org.id, { sharingEnabled: true, securityLevel: "link" });
  });

  it("a chart view, a session with the client as patient, a document view, download, share and the contact's download", async () => {
    const documentId = (await createDocument(org.id, { clientId, authorId: admin.userId, kind: "letter" })).id;
    const contact = await createContact(org.id);
    await getClientChart(admin, clientId, "overview");
    const { sessionId } = await createSession(colleague, { title: "Review", clientId, teamId: null, visibility: "private" });
    await getDocument(admin, documentId);
    await getDocumentPdf(admin, documentId);
    const { shareId } = await shareDocument(admin, { documentId, contactId: contact.id, purpose: "referral" });
    const token = tokenFromLink((await latestMessageTo(contact.email!, "document-shared"))!.link);
    const req = { ip: "198.51.100.7", userAgent: "Mozilla/5.0 (Macintosh) Chrome/131.0" };
    expect(await openShareLink(token, req)).toMatchObject({ ok: true });
    const opened = (await findShareById(await getDb(), shareId))!;
    await downloadSharedDocument(shareId, makeShareCookie(shareId, opened.share.linkVersion, new Date()), req);
    // A session shared onward is still about its patient: shared with the admin, who opens it.
    await shareSession(colleague, { sessionId, userIds: [admin.userId], access: "view" });
    await getSession(admin, sessionId);

    const events = await eventsAbout(org.id, clientId);
    expect(events.map((e) => e.action).sort()).toEqual(
      [
        "client.viewed",
        "session.created",
        "document.viewed",
        "document.downloaded",
        "document.shared",
        "portal.link_opened",
        "portal.document_downloaded",
        "session.shared",
        "session.viewed",
      ].sort(),
    );
    // Nothing about another client lands on this one's history.
    expect(await eventsAbout(org.id, otherClientId)).toEqual([]);
  });

  it("staff events keep the role the person had at the time, even after it changes", async () => {
    const db = await getDb();
    const before = await eventsAbout(org.id, clientId);
    expect(before.find((e) => e.action === "client.viewed")!.actorRole).toBe("Admin");
    await db.update(s.roles).set({ name: "Practice manager" }).where(eq(s.roles.id, org.roles.admin));
    await getClientChart({ ...admin, role: { ...admin.role, name: "Practice manager" } }, clientId, "overview");
    const after = await eventsAbout(org.id, clientId);
    expect(after.filter((e) => e.action === "client.viewed").map((e) => e.actorRole).sort()).toEqual(["Admin", "Practice manager"]);
  });

  it("events written without the actor loaded (sign-in and the like) look the role up", async () => {
    const db = await getDb();
    const other = await createMember(org, { role: "medical_secretary" });
    await recordAudit(db, { organisationId: org.id, actor: { type: "user", id: other.userId }, action: "auth.signed_in", ip: null });
    const [row] = await db
      .select({ role: s.auditEvents.actorRole })
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.actorId, other.userId), eq(s.auditEvents.action, "auth.signed_in")));
    expect(row!.role).toBe("Medical secretary");
  });
});

describe("retention: a separate, audited job deletes what is past the organisation's retention", () => {
  const YEAR = 365.25 * 24 * 3_600_000;
  const yearsAgo = (n: number) => new Date(Date.now() - n * YEAR);

  async function oldEvent(organisationId: string | null, createdAt: Date) {
    const db = await getDb();
    const [row] = await db
      .insert(s.auditEvents)
      .values({ organisationId, actorType: "system", action: "client.viewed", createdAt })
      .returning({ id: s.auditEvents.id });
    return row!.id;
  }
  async function exists(id: string) {
    const db = await getDb();
    return (await db.select({ id: s.auditEvents.id }).from(s.auditEvents).where(eq(s.auditEvents.id, id))).length === 1;
  }

  it("keeps seven years by default, the organisation's own setting otherwise, and audits each deletion", async () => {
    const db = await getDb();
    const sevenYears = await createOrganisation();
    const tenYears = await createOrganisation();
    await db.update(s.organisations).set({ auditRetentionYears: 10 }).where(eq(s.organisations.id, tenYears.id));
    const expired = await oldEvent(sevenYears.id, yearsAgo(8));
    const recent = await oldEvent(sevenYears.id, yearsAgo(6.9));
    const keptLonger = await oldEvent(tenYears.id, yearsAgo(8));
    const noOrganisation = await oldEvent(null, yearsAgo(7.5));

    // Outside the job, even an expired event cannot be deleted.
    await expect(db.delete(s.auditEvents).where(eq(s.auditEvents.id, expired))).rejects.toThrow();
    // Inside a transaction that sets the job's flag, a recent one still cannot.
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('carebridge.audit_prune', 'on', true)`);
        await tx.delete(s.auditEvents).where(eq(s.auditEvents.id, recent));
      }),
    ).rejects.toThrow();

    const result = await pruneAuditEvents();
    expect(result.deleted[sevenYears.id]).toBe(1);
    expect(result.deleted.none).toBe(1);
    expect(result.deleted[tenYears.id]).toBeUndefined();
    expect([await exists(expired), await exists(recent), await exists(keptLonger), await exists(noOrganisation)]).toEqual([false, true, true, false]);

    const [audit] = await db
      .select()
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.organisationId, sevenYears.id), eq(s.auditEvents.action, "audit.events_pruned")));
    expect(audit).toMatchObject({ actorType: "system", metadata: { deleted: 1 } });

    // The flag was the job's transaction's only: afterwards a plain DELETE is refused again.
    const later = await oldEvent(sevenYears.id, yearsAgo(9));
    await expect(db.delete(s.auditEvents).where(eq(s.auditEvents.id, later))).rejects.toThrow();
    expect(await exists(later)).toBe(true);
  });

  it("works through a backlog in batches, and parallel runs delete each event once", async () => {
    const org = await createOrganisation();
    const ids = [];
    for (let i = 0; i < 7; i++) ids.push(await oldEvent(org.id, yearsAgo(8 + i / 10)));
    const runs = await Promise.all(Array.from({ length: 5 }, () => pruneAuditEvents({ batchSize: 2 })));
    expect(runs.reduce((sum, r) => sum + (r.deleted[org.id] ?? 0), 0)).toBe(7);
    for (const id of ids) expect(await exists(id)).toBe(false);
  });

  it("only admins change the retention and time zone, within bounds, and the change is audited", async () => {
    const org = await createOrganisation();
    const admin = await createMember(org, { role: "admin" });
    const clinician = await createMember(org, { role: "clinician" });
    expect(await getAuditSettings(admin)).toEqual({ auditRetentionYears: 7, timeZone: "Europe/London" });
    await expect(updateAuditSettings(clinician, { auditRetentionYears: 10, timeZone: "Europe/London" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateAuditSettings(admin, { auditRetentionYears: 2, timeZone: "Europe/London" })).rejects.toThrow();
    await expect(updateAuditSettings(admin, { auditRetentionYears: 7, timeZone: "Mars/Olympus" })).rejects.toThrow();
    await updateAuditSettings(admin, { auditRetentionYears: 10, timeZone: "Australia/Sydney" });
    expect(await getAuditSettings(admin)).toEqual({ auditRetentionYears: 10, timeZone: "Australia/Sydney" });
    const db = await getDb();
    const [event] = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.organisationId, org.id), eq(s.auditEvents.action, "audit.settings_changed")));
    expect(event!.metadata).toMatchObject({ auditRetentionYears: 10, previous: { auditRetentionYears: 7, timeZone: "Europe/London" } });
  });
});
