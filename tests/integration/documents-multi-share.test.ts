import { and, eq, inArray } from "drizzle-orm";
import { unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { buildDisclosureRecord } from "@/lib/clients/build-disclosure-record";
import { changeShare } from "@/lib/documents/change-share";
import { DocumentsRefused, refusedDocumentsText } from "@/lib/documents/documents-refused";
import { getDocument } from "@/lib/documents/get-document";
import { listDocuments } from "@/lib/documents/list-documents";
import { listExternalShares } from "@/lib/documents/list-external-shares";
import { shareDocument } from "@/lib/documents/share-document";
import { downloadSharedZip } from "@/lib/portal/download-shared-zip";
import { findShareById, portalStatus } from "@/lib/portal/find-share";
import { getLanding } from "@/lib/portal/landing";
import { openShareLink } from "@/lib/portal/open-link";
import { sendShareCode } from "@/lib/portal/send-code";
import { downloadSharedDocument, requireShareAccess } from "@/lib/portal/share-access";
import { listSharedDocuments, sharedDocumentId } from "@/lib/portal/shared-documents";
import { resetRateLimits } from "@/lib/rate-limit";
import { createClient, createContact, createDocument, createMember, createOrganisation, setSharing } from "../support/factories";
import { latestMessageTo, tokenFromLink } from "../support/outbox";

const req = { ip: "198.51.100.9", userAgent: "test" };

type Org = Awaited<ReturnType<typeof createOrganisation>>;

async function countRows(table: typeof s.documentShares | typeof s.shareDocuments, where: ReturnType<typeof eq>) {
  const db = await getDb();
  return (await db.select().from(table).where(where)).length;
}

describe("several documents in one share", () => {
  let org: Org;
  let admin: StaffActor;
  let clinician: StaffActor;
  let clientId: string;
  let contact: Awaited<ReturnType<typeof createContact>>;
  let letter: string;
  let lab: string;
  let invoice: string;

  beforeAll(async () => {
    org = await createOrganisation("Multi Clinic");
    await setSharing(org.id, { sharingEnabled: true, securityLevel: "link" });
    admin = await createMember(org, { role: "admin" });
    clinician = await createMember(org, { role: "clinician" });
    clientId = (await createClient(org.id, { accessFor: [clinician.userId] })).id;
    contact = await createContact(org.id, { name: "Dr Multi GP" });
    letter = (await createDocument(org.id, { clientId, authorId: admin.userId, kind: "letter", title: "Referral letter" })).id;
    lab = (await createDocument(org.id, { clientId, authorId: admin.userId, kind: "lab_result", title: "Blood count" })).id;
    invoice = (await createDocument(org.id, { clientId, authorId: admin.userId, kind: "invoice", title: "Invoice March" })).id;
  });

  it("sends three documents in one share: one email, one link; each document's page lists it; the record of disclosures names each", async () => {
    const { shareId } = await shareDocument(admin, { documentId: letter, moreDocumentIds: [lab, invoice], contactId: contact.id, purpose: "referral" });
    const db = await getDb();
    const more = await db.select().from(s.shareDocuments).where(eq(s.shareDocuments.shareId, shareId)).orderBy(s.shareDocuments.position);
    expect(more.map((m) => m.documentId)).toEqual([lab, invoice]);
    const email = await latestMessageTo(contact.email!, "document-shared");
    expect(email?.text).toContain("has shared 3 documents with you");
    expect(email?.text).not.toMatch(/Blood count|Invoice March|Referral letter/);
    const [audit] = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.action, "document.shared"), eq(s.auditEvents.targetId, shareId)));
    expect(audit?.metadata).toMatchObject({ documentId: letter, documentIds: [letter, lab, invoice] });
    for (const id of [letter, lab, invoice]) {
      const page = await getDocument(admin, id);
      expect(page.shares.find((x) => x.id === shareId)).toMatchObject({ documentCount: 3, state: "sent" });
    }
    // The documents list shows the link beside each of its documents, not only the first, and
    // "Shared externally" lists it once, under its first, counting the others.
    const listed = await listDocuments(admin);
    for (const id of [letter, lab, invoice]) {
      expect(listed.items.find((d) => d.id === id)?.shares.find((x) => x.id === shareId), id).toMatchObject({ contactName: "Dr Multi GP", documentCount: 3, state: "sent" });
    }
    const external = (await listExternalShares(admin)).items.filter((x) => x.id === shareId);
    expect(external).toEqual([expect.objectContaining({ documentId: letter, documentTitle: "Referral letter", moreDocuments: 2 })]);
    const record = await buildDisclosureRecord(db, { organisationId: org.id, clientId, now: new Date() });
    expect(record.disclosures.filter((d) => d.recipientName === "Dr Multi GP").map((d) => d.documentTitle).sort()).toEqual(["Blood count", "Invoice March", "Referral letter"]);
    // The dialog's list offers the client's other documents.
    expect((await getDocument(admin, letter)).share.moreDocuments.map((d) => d.id).sort()).toEqual([lab, invoice].sort());
  });

  it("refuses the share whole when one document may not go, and says which", async () => {
    const before = await countRows(s.documentShares, eq(s.documentShares.contactId, contact.id));
    // A clinician may share letters and lab results, not invoices.
    const attempt = shareDocument(clinician, { documentId: letter, moreDocumentIds: [lab, invoice], contactId: contact.id, purpose: "referral" });
    await expect(attempt).rejects.toBeInstanceOf(DocumentsRefused);
    const error = (await attempt.catch((e: unknown) => e)) as DocumentsRefused;
    expect(error.code).toBe("documents_not_shareable");
    expect(error.refused).toEqual([{ documentId: invoice, title: "Invoice March", kind: "invoice", reason: "forbidden", areas: ["invoices"] }]);
    expect(refusedDocumentsText(error.refused)).toContain("Invoice “Invoice March”");
    expect(await countRows(s.documentShares, eq(s.documentShares.contactId, contact.id))).toBe(before);
    // Without the invoice it goes.
    await expect(shareDocument(clinician, { documentId: letter, moreDocumentIds: [lab], contactId: contact.id, purpose: "referral" })).resolves.toHaveProperty("shareId");
  });

  it("refuses documents of another client (named) and ids the sender cannot see (not named), sharing nothing", async () => {
    const other = (await createClient(org.id)).id;
    const elsewhere = await createDocument(org.id, { clientId: other, authorId: admin.userId, title: "Other client's letter" });
    const foreignOrg = await createOrganisation();
    const foreignClient = await createClient(foreignOrg.id);
    const foreignAdmin = await createMember(foreignOrg, { role: "admin" });
    const foreign = await createDocument(foreignOrg.id, { clientId: foreignClient.id, authorId: foreignAdmin.userId, title: "Foreign letter" });
    const before = await countRows(s.documentShares, eq(s.documentShares.contactId, contact.id));

    const mixed = (await shareDocument(admin, { documentId: letter, moreDocumentIds: [elsewhere.id], contactId: contact.id, purpose: "referral" }).catch((e: unknown) => e)) as DocumentsRefused;
    expect(mixed.code).toBe("documents_not_shareable");
    expect(mixed.refused).toEqual([{ documentId: elsewhere.id, title: "Other client's letter", kind: "letter", reason: "other_client" }]);

    const hidden = (await shareDocument(admin, { documentId: letter, moreDocumentIds: [foreign.id, invoice], contactId: contact.id, purpose: "referral" }).catch((e: unknown) => e)) as DocumentsRefused;
    expect(hidden.code).toBe("invalid_input");
    expect(hidden.refused).toEqual([{ documentId: foreign.id, reason: "not_found" }]);
    expect(refusedDocumentsText(hidden.refused)).not.toContain("Foreign");
    expect(await countRows(s.documentShares, eq(s.documentShares.contactId, contact.id))).toBe(before);
  });

  it("the contact opens one link and gets a list, each document, and all of them as one ZIP — each audited", async () => {
    resetRateLimits();
    const { shareId } = await shareDocument(admin, { documentId: letter, moreDocumentIds: [lab, invoice], contactId: contact.id, purpose: "referral" });
    const token = tokenFromLink((await latestMessageTo(contact.email!, "document-shared"))!.link);
    const landing = await getLanding(token);
    expect(landing).toMatchObject({ state: "ready", documentCount: 3, documentKind: "Letter, Lab result and Invoice" });
    const opened = await openShareLink(token, req);
    if (!opened.ok) throw new Error(opened.reason);
    const row = (await requireShareAccess(shareId, opened.cookie))!;
    expect((await listSharedDocuments(row)).map((d) => d.title)).toEqual(["Referral letter", "Blood count", "Invoice March"]);

    // One document by its id; a document of the same client that is not in the share is not served.
    const stray = await createDocument(org.id, { clientId, authorId: admin.userId, title: "Not shared" });
    expect(await sharedDocumentId(row, lab)).toBe(lab);
    expect(await sharedDocumentId(row, stray.id)).toBeNull();
    const pdf = await downloadSharedDocument(shareId, opened.cookie, req, "pdf", lab);
    expect(pdf?.filename).toBe("blood-count.pdf");
    expect(await downloadSharedDocument(shareId, opened.cookie, req, "pdf", stray.id)).toBeNull();

    const zip = await downloadSharedZip(row, req);
    if (!zip || zip === "too_large") throw new Error("no zip");
    const entries = unzipSync(new Uint8Array(zip.bytes));
    expect(Object.keys(entries)).toEqual(["1-referral-letter.pdf", "2-blood-count.pdf", "3-invoice-march.pdf"]);
    for (const bytes of Object.values(entries)) expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    const db = await getDb();
    // Each document's copy stamped for this share is kept apart (the next download is not a render).
    const kept = await db.select({ documentId: s.documentSharePdfs.documentId }).from(s.documentSharePdfs).where(eq(s.documentSharePdfs.shareId, shareId));
    expect(kept.map((k) => k.documentId).sort()).toEqual([letter, lab, invoice].sort());
    expect((await downloadSharedDocument(shareId, opened.cookie, req, "pdf", lab))?.bytes.equals(pdf!.bytes)).toBe(true);

    const events = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.targetId, shareId), inArray(s.auditEvents.action, ["portal.document_downloaded", "portal.documents_zipped"])));
    expect(events.filter((e) => e.action === "portal.documents_zipped").map((e) => e.metadata)).toEqual([{ documentIds: [letter, lab, invoice] }]);
    expect(events.filter((e) => e.action === "portal.document_downloaded").map((e) => e.metadata)).toEqual(
      expect.arrayContaining([{ documentId: lab, format: "pdf" }, ...[letter, lab, invoice].map((documentId) => ({ documentId, format: "zip" }))]),
    );
    const [share] = await db.select().from(s.documentShares).where(eq(s.documentShares.id, shareId));
    expect(share?.downloadedAt).not.toBeNull();
    await db.delete(s.documents).where(eq(s.documents.id, stray.id));
  });

  it("the code for a share of several counts the documents it opens, by text and by email", async () => {
    resetRateLimits();
    const db = await getDb();
    const mobile = "+447700900421";
    for (const [level, template] of [
      ["link_and_sms", "security-code"],
      ["link_and_email_code", "security-code-email"],
    ] as const) {
      const coded = await createContact(org.id, { name: "Dr Coded GP", mobile: "+44 7700 900421" });
      const { shareId } = await shareDocument(admin, { documentId: letter, moreDocumentIds: [lab], contactId: coded.id, purpose: "referral" });
      await db.update(s.documentShares).set({ securityLevel: level }).where(eq(s.documentShares.id, shareId));
      const token = tokenFromLink((await latestMessageTo(coded.email!, "document-shared"))!.link);
      expect(await sendShareCode(token, req)).toMatchObject({ ok: true });
      const message = await latestMessageTo(level === "link_and_sms" ? mobile : coded.email!, template);
      if (level === "link_and_sms") {
        expect(message!.text).toMatch(/^\d{6} is your Carebridge code to view 2 documents from Multi Clinic\. It expires in/);
      } else {
        expect(message!.subject).toBe("Your code to view 2 documents from Multi Clinic");
        expect(message!.text).toContain("Enter this code on the page where you opened Multi Clinic's documents:");
      }
      expect(message!.text).not.toMatch(/Blood count|Referral letter/);
    }
  });

  it("a deleted document drops out of the list; the link stops only when every document is deleted", async () => {
    resetRateLimits();
    const a = await createDocument(org.id, { clientId, authorId: admin.userId, title: "First" });
    const b = await createDocument(org.id, { clientId, authorId: admin.userId, title: "Second" });
    const { shareId } = await shareDocument(admin, { documentId: a.id, moreDocumentIds: [b.id], contactId: contact.id, purpose: "referral" });
    const token = tokenFromLink((await latestMessageTo(contact.email!, "document-shared"))!.link);
    const opened = await openShareLink(token, req);
    if (!opened.ok) throw new Error(opened.reason);
    const db = await getDb();
    await db.update(s.documents).set({ deletedAt: new Date() }).where(eq(s.documents.id, a.id));
    const row = (await requireShareAccess(shareId, opened.cookie))!;
    expect((await listSharedDocuments(row)).map((d) => d.title)).toEqual(["Second"]);
    expect(await sharedDocumentId(row, a.id)).toBeNull();
    expect(await downloadSharedDocument(shareId, opened.cookie, req, "pdf", a.id)).toBeNull();
    expect((await downloadSharedDocument(shareId, opened.cookie, req, "pdf", b.id))?.filename).toBe("second.pdf");
    await db.update(s.documents).set({ deletedAt: new Date() }).where(eq(s.documents.id, b.id));
    expect(portalStatus((await findShareById(db, shareId))!, new Date())).toBe("revoked");
    expect(await requireShareAccess(shareId, opened.cookie)).toBeNull();
  });

  it("resend checks every document again and sends one new link for all; revoke works while any document is left", async () => {
    const a = await createDocument(org.id, { clientId, authorId: admin.userId, kind: "letter", title: "Resend letter" });
    const b = await createDocument(org.id, { clientId, authorId: admin.userId, kind: "lab_result", title: "Resend lab" });
    const { shareId } = await shareDocument(clinician, { documentId: a.id, moreDocumentIds: [b.id], contactId: contact.id, purpose: "referral" });
    await changeShare(clinician, { shareId, change: "resend" });
    expect((await latestMessageTo(contact.email!, "document-shared"))?.text).toContain("has shared 2 documents with you");
    // The lab result is refiled as an invoice, which a clinician may not share: the resend is refused whole, naming it.
    const db = await getDb();
    await db.update(s.documents).set({ kind: "invoice", content: { number: "INV-2", items: [{ description: "Review", quantity: 1, unitPrice: 65 }], taxRate: 0, dueDate: "2026-12-15", paid: false } }).where(eq(s.documents.id, b.id));
    const refused = (await changeShare(clinician, { shareId, change: "resend" }).catch((e: unknown) => e)) as DocumentsRefused;
    expect(refused.refused).toMatchObject([{ documentId: b.id, reason: "forbidden", title: "Resend lab" }]);
    // The first document deleted: the share is still the sender's to revoke.
    await db.update(s.documents).set({ deletedAt: new Date() }).where(eq(s.documents.id, a.id));
    await changeShare(admin, { shareId, change: "revoke" });
    const [share] = await db.select().from(s.documentShares).where(eq(s.documentShares.id, shareId));
    expect(share?.revokedAt).not.toBeNull();
  });

  it("50 parallel shares of three documents: 50 shares, each with its own three, 50 emails; one idempotency key makes one", async () => {
    const pgContact = await createContact(org.id, { name: "Parallel GP" });
    const results = await Promise.all(
      Array.from({ length: 50 }, () => shareDocument(admin, { documentId: letter, moreDocumentIds: [lab, invoice], contactId: pgContact.id, purpose: "continuing_care" })),
    );
    const ids = new Set(results.map((r) => r.shareId));
    expect(ids.size).toBe(50);
    const db = await getDb();
    const rows = await db.select().from(s.shareDocuments).where(inArray(s.shareDocuments.shareId, [...ids]));
    expect(rows).toHaveLength(100);
    expect((await db.select().from(s.outbox).where(and(eq(s.outbox.to, pgContact.email!), eq(s.outbox.template, "document-shared")))).length).toBe(50);

    const once = await createContact(org.id, { name: "Once GP" });
    const key = crypto.randomUUID();
    const same = await Promise.all(
      Array.from({ length: 50 }, () =>
        shareDocument(admin, { documentId: letter, moreDocumentIds: [lab, invoice], contactId: once.id, purpose: "continuing_care", idempotencyKey: key }),
      ),
    );
    const made = await db.select().from(s.documentShares).where(eq(s.documentShares.contactId, once.id));
    expect(made).toHaveLength(1);
    expect(await countRows(s.shareDocuments, eq(s.shareDocuments.shareId, made[0]!.id))).toBe(2);
    expect(same).toEqual(Array.from({ length: 50 }, () => ({ shareId: made[0]!.id })));
  }, 120_000);
});
