import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { BUILT_IN_ROLES } from "@/lib/access/permissions";
import { changeShare } from "@/lib/documents/change-share";
import { getDocumentFile } from "@/lib/documents/document-pdf";
import { getDocument } from "@/lib/documents/get-document";
import { listClientDocuments } from "@/lib/documents/list-documents";
import { shareDocument } from "@/lib/documents/share-document";
import { findShareById, type PortalShareRow } from "@/lib/portal/find-share";
import { openShareLink } from "@/lib/portal/open-link";
import { discardReply } from "@/lib/replies/discard-reply";
import { fileReply } from "@/lib/replies/file-reply";
import { MAX_REPLY_BYTES } from "@/lib/replies/file-type";
import { getReplyFile } from "@/lib/replies/get-reply-file";
import { REPLIES_PER_SHARE_PER_DAY } from "@/lib/replies/limits";
import { listChartReplies } from "@/lib/replies/list-chart-replies";
import { sendReply } from "@/lib/replies/send-reply";
import { createClient, createContact, createDocument, createMember, createOrganisation, setSharing } from "../support/factories";
import { latestMessageTo, tokenFromLink } from "../support/outbox";

const PDF = Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", "latin1");
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32, 2)]);
const HOUR = 60 * 60 * 1000;
const req = (now?: Date) => ({ ip: "203.0.113.9", userAgent: "test", now });

type Org = Awaited<ReturnType<typeof createOrganisation>>;
let org: Org;
let sender: StaffActor; // a clinician on the chart's list, who shares
let colleague: StaffActor; // a clinician on the list: manages the chart's documents
let secretary: StaffActor; // sees every chart and edits every area: files any kind
let reader: StaffActor; // on the list with patients at view only: sees the chart, not others' replies
let stranger: StaffActor; // a clinician not on the list
let otherAdmin: StaffActor; // another organisation's admin
let clientId: string;
let documentId: string;

/** A share of the test document, opened by the contact: the portal guard's row. */
async function openedShare(opts: { contactEmail?: string } = {}): Promise<PortalShareRow> {
  const email = opts.contactEmail ?? `gp-${Math.random().toString(36).slice(2)}@gp.test`;
  const contact = await createContact(org.id, { name: "Dr Priya Shah", email });
  const { shareId } = await shareDocument(sender, { documentId, contactId: contact.id, purpose: "continuing_care" });
  const token = tokenFromLink((await latestMessageTo(email, "document-shared"))!.link);
  expect(await openShareLink(token, req())).toMatchObject({ ok: true, shareId });
  const db = await getDb();
  return (await findShareById(db, shareId))!;
}

async function replyRow(replyId: string) {
  const db = await getDb();
  const [row] = await db.select().from(s.documentReplies).where(eq(s.documentReplies.id, replyId));
  return row!;
}

beforeAll(async () => {
  org = await createOrganisation();
  await setSharing(org.id, { sharingEnabled: true, securityLevel: "link" });
  sender = await createMember(org, { role: "clinician", name: "Maya Sender" });
  colleague = await createMember(org, { role: "clinician" });
  secretary = await createMember(org, { role: "medical_secretary" });
  const db = await getDb();
  const [readerRole] = await db
    .insert(s.roles)
    .values({ organisationId: org.id, name: "Chart reader", ...BUILT_IN_ROLES.clinician.permissions, patients: "view" })
    .returning();
  reader = await createMember(org, { roleId: readerRole!.id });
  stranger = await createMember(org, { role: "clinician" });
  otherAdmin = await createMember(await createOrganisation(), { role: "admin" });
  clientId = (await createClient(org.id, { accessFor: [sender.userId, colleague.userId, reader.userId] })).id;
  documentId = (await createDocument(org.id, { clientId, authorId: sender.userId, title: "Assessment summary" })).id;
});

describe("sending a document back (portal)", () => {
  it("takes PDF, PNG and JPEG by their content, whatever the name says, and stores what the file really is", async () => {
    const row = await openedShare();
    const pdf = await sendReply(row, req(), { filename: "scan.png", bytes: PDF, note: " Signed consent form " });
    const png = await sendReply(row, req(), { filename: "C:\\Users\\gp\\photo.PNG", bytes: PNG, note: "" });
    const jpeg = await sendReply(row, req(), { filename: "../../etc/x-ray", bytes: JPEG, note: "" });
    expect(await replyRow(pdf.replyId)).toMatchObject({ contentType: "application/pdf", filename: "scan.pdf", note: "Signed consent form", size: PDF.length, clientId, organisationId: org.id });
    expect(await replyRow(png.replyId)).toMatchObject({ contentType: "image/png", filename: "photo.png" });
    expect(await replyRow(jpeg.replyId)).toMatchObject({ contentType: "image/jpeg", filename: "x-ray.jpg" });
  });

  it("refuses anything else by content (a renamed executable, HTML, text, an empty file), and writes nothing", async () => {
    const row = await openedShare();
    for (const bytes of [Buffer.from("MZ\x90\x00 this is a program", "latin1"), Buffer.from("<html><script>alert(1)</script>"), Buffer.from("%PDF"), Buffer.alloc(0)]) {
      await expect(sendReply(row, req(), { filename: "report.pdf", bytes, note: "" })).rejects.toMatchObject({ code: "reply_file_type" });
    }
    const db = await getDb();
    expect(await db.select().from(s.documentReplies).where(eq(s.documentReplies.shareId, row.share.id))).toHaveLength(0);
  });

  it("refuses a file over 10 MB before anything is written (the boundary itself: tests/unit/reply-file-type.test.ts)", async () => {
    const row = await openedShare();
    const over = Buffer.concat([PDF, Buffer.alloc(MAX_REPLY_BYTES + 1 - PDF.length, 0x20)]);
    await expect(sendReply(row, req(), { filename: "bigger.pdf", bytes: over, note: "" })).rejects.toMatchObject({ code: "reply_too_large" });
  });

  it("refuses a note over 2,000 characters", async () => {
    const row = await openedShare();
    await expect(sendReply(row, req(), { filename: "a.pdf", bytes: PDF, note: "x".repeat(2001) })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("allows 5 per share in any 24 hours (clock injected): the 6th is refused, and one is free again 24 hours after the first", async () => {
    const row = await openedShare();
    const t0 = new Date(Date.now() + HOUR);
    for (let i = 0; i < REPLIES_PER_SHARE_PER_DAY; i++) await sendReply(row, req(new Date(t0.getTime() + i * HOUR)), { filename: `p${i}.pdf`, bytes: PDF, note: "" });
    const lastMinute = new Date(t0.getTime() + 24 * HOUR - 1);
    await expect(sendReply(row, req(lastMinute), { filename: "p5.pdf", bytes: PDF, note: "" })).rejects.toMatchObject({ code: "reply_limit_reached" });
    // Discarding does not give one back: the cap counts what came in.
    const [first] = (await listChartReplies(sender, clientId)).replies.filter((r) => r.filename === "p0.pdf");
    await discardReply(sender, { replyId: first!.id });
    await expect(sendReply(row, req(lastMinute), { filename: "p5.pdf", bytes: PDF, note: "" })).rejects.toMatchObject({ code: "reply_limit_reached" });
    await expect(sendReply(row, req(new Date(t0.getTime() + 24 * HOUR)), { filename: "p5.pdf", bytes: PDF, note: "" })).resolves.toBeTruthy();
  });

  it("counts the cap in Postgres under the share's lock: 50 parallel uploads, exactly 5 land", async () => {
    const row = await openedShare();
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => sendReply(row, req(), { filename: `r${i}.pdf`, bytes: PDF, note: "" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(REPLIES_PER_SHARE_PER_DAY);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "reply_limit_reached" });
    const db = await getDb();
    expect(await db.select({ id: s.documentReplies.id }).from(s.documentReplies).where(eq(s.documentReplies.shareId, row.share.id))).toHaveLength(REPLIES_PER_SHARE_PER_DAY);
  });

  it("refuses once the share is revoked, or resent (the old link's page), like an unknown share", async () => {
    const revoked = await openedShare();
    await changeShare(sender, { shareId: revoked.share.id, change: "revoke" });
    await expect(sendReply(revoked, req(), { filename: "a.pdf", bytes: PDF, note: "" })).rejects.toMatchObject({ code: "not_found" });
    const resent = await openedShare();
    await changeShare(sender, { shareId: resent.share.id, change: "resend" });
    await expect(sendReply(resent, req(), { filename: "a.pdf", bytes: PDF, note: "" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("tells the sender in the app and audits the upload as the contact's", async () => {
    const row = await openedShare();
    const { replyId } = await sendReply(row, req(), { filename: "letter.pdf", bytes: PDF, note: "" });
    const db = await getDb();
    const notes = await db.select().from(s.notifications).where(and(eq(s.notifications.userId, sender.userId), eq(s.notifications.kind, "reply_received")));
    expect(notes.at(-1)).toMatchObject({ text: expect.stringContaining("Dr Priya Shah sent a document back about 'Assessment summary'"), link: `/clients/${clientId}/documents#inbox` });
    const [event] = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.action, "reply.received"), eq(s.auditEvents.targetId, replyId)));
    expect(event).toMatchObject({ actorType: "contact", actorId: row.contact.id, clientId, organisationId: org.id });
  });
});

describe("the chart's Inbox", () => {
  let row: PortalShareRow;
  let replyId: string;

  beforeAll(async () => {
    row = await openedShare();
    replyId = (await sendReply(row, req(), { filename: "potassium.pdf", bytes: PDF, note: "Repeat bloods" })).replyId;
  });

  it("shows the reply to the sender and to whoever manages the chart's documents, not to others", async () => {
    for (const who of [sender, colleague, secretary]) {
      const inbox = await listChartReplies(who, clientId);
      expect(inbox.replies.map((r) => r.id)).toContain(replyId);
      expect(inbox.replies.find((r) => r.id === replyId)).toMatchObject({ contactName: "Dr Priya Shah", note: "Repeat bloods", inReplyTo: { documentId, title: "Assessment summary" } });
    }
    // Patients at View: sees the chart, but only replies to their own shares.
    expect((await listChartReplies(reader, clientId)).replies).toEqual([]);
    await expect(getReplyFile(reader, replyId)).rejects.toMatchObject({ code: "not_found" });
    // Not on the chart's list, or another organisation: as if there were no chart.
    await expect(listChartReplies(stranger, clientId)).rejects.toMatchObject({ code: "not_found" });
    await expect(listChartReplies(otherAdmin, clientId)).rejects.toMatchObject({ code: "not_found" });
    await expect(getReplyFile(stranger, replyId)).rejects.toMatchObject({ code: "not_found" });
    await expect(getReplyFile(otherAdmin, replyId)).rejects.toMatchObject({ code: "not_found" });
    await expect(fileReply(otherAdmin, { replyId, kind: "letter", title: "X" })).rejects.toMatchObject({ code: "not_found" });
    await expect(discardReply(stranger, { replyId })).rejects.toMatchObject({ code: "not_found" });
  });

  it("gives the file back as stored, audited as a download", async () => {
    const file = await getReplyFile(sender, replyId);
    expect(file).toMatchObject({ filename: "potassium.pdf", contentType: "application/pdf" });
    expect(Buffer.from(file.bytes).equals(PDF)).toBe(true);
    const db = await getDb();
    const events = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.action, "reply.downloaded"), eq(s.auditEvents.targetId, replyId)));
    expect(events).toHaveLength(1);
  });

  it("refuses filing as a kind the role may not create (a clinician's invoices are view-only)", async () => {
    await expect(fileReply(colleague, { replyId, kind: "invoice", title: "Invoice" })).rejects.toMatchObject({ code: "forbidden" });
    expect((await replyRow(replyId)).filedAt).toBeNull();
  });

  it("files it as a lab result: a normal document of the chart with the contact's file, read-only, and the reply leaves the Inbox", async () => {
    const { documentId: filedId } = await fileReply(sender, { replyId, kind: "lab_result", title: "Potassium — repeat" });
    const listed = await listClientDocuments(sender, clientId);
    expect(listed.items.find((d) => d.id === filedId)).toMatchObject({ kind: "lab_result", title: "Potassium — repeat" });
    const file = await getDocumentFile(sender, filedId);
    expect(Buffer.from(file.bytes).equals(PDF)).toBe(true);
    const page = await getDocument(sender, filedId);
    expect(page.canEdit).toBe(false);
    expect(page.model.received).toMatchObject({ from: "Dr Priya Shah", note: "Repeat bloods" });
    expect(page.model.file).toMatchObject({ filename: "potassium.pdf" });
    expect(await replyRow(replyId)).toMatchObject({ filedKind: "lab_result", documentId: filedId, handledById: sender.userId, bytes: null });
    expect((await listChartReplies(sender, clientId)).replies.map((r) => r.id)).not.toContain(replyId);
    await expect(fileReply(secretary, { replyId, kind: "letter", title: "Again" })).rejects.toMatchObject({ code: "reply_handled" });
    const db = await getDb();
    expect(await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.action, "reply.filed"), eq(s.auditEvents.targetId, replyId)))).toHaveLength(1);
  });

  it("files a reply once when 50 people press File at the same moment", async () => {
    const { replyId: id } = await sendReply(row, req(), { filename: "race.pdf", bytes: PDF, note: "" });
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => fileReply(i % 2 ? colleague : secretary, { replyId: id, kind: "letter", title: `Race ${i}` })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "reply_handled" });
    const db = await getDb();
    expect(await db.select().from(s.documents).where(and(eq(s.documents.clientId, clientId), like(s.documents.title, "Race %")))).toHaveLength(1);
  });

  it("discards: the file is deleted at once, the row kept for the record, audited", async () => {
    const { replyId: id } = await sendReply(row, req(), { filename: "wrong-patient.jpg", bytes: JPEG, note: "Sorry, wrong file" });
    await discardReply(colleague, { replyId: id });
    expect(await replyRow(id)).toMatchObject({ discardedAt: expect.any(Date), handledById: colleague.userId, bytes: null });
    await expect(getReplyFile(sender, id)).rejects.toMatchObject({ code: "reply_handled" });
    await expect(discardReply(sender, { replyId: id })).rejects.toMatchObject({ code: "reply_handled" });
    const db = await getDb();
    expect(await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.action, "reply.discarded"), eq(s.auditEvents.targetId, id)))).toHaveLength(1);
  });
});
