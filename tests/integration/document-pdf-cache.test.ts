import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, onStatement } from "@/db/client";
import * as s from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { getDocumentPdf } from "@/lib/documents/document-pdf";
import { shareDocument } from "@/lib/documents/share-document";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";
import { downloadSharedDocument } from "@/lib/portal/share-access";
import { makeShareCookie } from "@/lib/portal/share-cookie";
import { createClient, createContact, createDocument, createMember, createOrganisation, setSharing } from "../support/factories";

/**
 * Lead 9 of the performance issue: a download serves the stored PDF of the document's current
 * version instead of rendering it again, and only after the reader's own access check.
 */
describe("stored PDFs", () => {
  let admin: StaffActor;
  let outsider: StaffActor;
  let clientId: string;
  let documentId: string;

  beforeAll(async () => {
    const org = await createOrganisation();
    admin = await createMember(org, { role: "admin" });
    outsider = await createMember(org, { role: "clinician" }); // not on the chart's access list
    clientId = (await createClient(org.id, { firstName: "Zoe", lastName: "Quill" })).id;
    documentId = (await createDocument(org.id, { clientId, authorId: admin.userId, kind: "letter", title: "Referral" })).id;
  });

  async function stored() {
    const db = await getDb();
    const [row] = await db.select().from(s.documentPdfs).where(eq(s.documentPdfs.documentId, documentId));
    return row;
  }

  it("renders on the first download, stores the bytes, and serves the stored bytes afterwards", async () => {
    expect(await stored()).toBeUndefined();
    const first = await getDocumentPdf(admin, documentId);
    expect(first.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const row = (await stored())!;
    expect(row.fingerprint).toBe(first.etag);
    expect(row.size).toBe(first.bytes.length);
    // Mark the stored copy: if the next download rendered afresh, it would not carry the mark.
    const db = await getDb();
    const marked = Buffer.concat([first.bytes, Buffer.from("\n% stored copy\n")]);
    await db.update(s.documentPdfs).set({ bytes: marked }).where(eq(s.documentPdfs.documentId, documentId));
    const second = await getDocumentPdf(admin, documentId);
    expect(second.etag).toBe(first.etag);
    expect(second.bytes.equals(marked)).toBe(true);
  });

  it("is still refused to someone who may not see the document, stored copy or not", async () => {
    await expect(getDocumentPdf(outsider, documentId)).rejects.toMatchObject({ code: "not_found" });
  });

  it("renders again when the document, or anything the PDF shows, changes", async () => {
    const db = await getDb();
    const before = (await stored())!;
    await db.update(s.documents).set({ title: "Referral (amended)", updatedAt: sql`now()` }).where(eq(s.documents.id, documentId));
    const afterEdit = await getDocumentPdf(admin, documentId);
    expect(afterEdit.etag).not.toBe(before.fingerprint);
    expect(afterEdit.bytes.toString("latin1")).not.toContain("% stored copy");
    expect((await stored())!.fingerprint).toBe(afterEdit.etag);

    // The client's name is on the letter: renaming the chart is a new version of the PDF too.
    await db.update(s.clients).set({ lastName: "Quill-Hart" }).where(eq(s.clients.id, clientId));
    const afterRename = await getDocumentPdf(admin, documentId);
    expect(afterRename.etag).not.toBe(afterEdit.etag);
  });
});

/**
 * The portal's download (issue 11, R4): one read for the share, its document and this share's kept
 * copy, then one statement marking and auditing; the copy is rendered once per version and share,
 * and is never another share's (its footer names the recipient).
 */
describe("the portal's PDF download", () => {
  let admin: StaffActor;
  let documentId: string;
  const req = { ip: "198.51.100.7", userAgent: "vitest" };

  beforeAll(async () => {
    const org = await createOrganisation();
    admin = await createMember(org, { role: "admin" });
    const clientId = (await createClient(org.id, { firstName: "Ivy", lastName: "Lark" })).id;
    documentId = (await createDocument(org.id, { clientId, authorId: admin.userId, kind: "letter", title: "Discharge letter" })).id;
    await setSharing(org.id, { sharingEnabled: true, securityLevel: "link" });
  });

  /** A share of the document, opened by its contact, and the cookie the contact's browser holds. */
  async function openedShare(name: string) {
    const contact = await createContact(admin.organisationId, { name });
    const { shareId } = await shareDocument(admin, { documentId, contactId: contact.id, purpose: "referral" });
    const db = await getDb();
    await db.update(s.documentShares).set({ firstOpenedAt: new Date() }).where(eq(s.documentShares.id, shareId));
    return { shareId, cookie: makeShareCookie(shareId, 1, new Date()) };
  }

  async function download(share: { shareId: string; cookie: string }) {
    const statements: string[] = [];
    const stop = onStatement((q) => statements.push(q));
    try {
      return { result: await downloadSharedDocument(share.shareId, share.cookie, req), statements };
    } finally {
      stop();
    }
  }

  it("renders a share's copy once, then serves it in two statements; another share never gets it", async () => {
    const priya = await openedShare("Dr Priya Shah");
    const first = await download(priya);
    expect(first.result!.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const db = await getDb();
    const [kept] = await db.select().from(s.documentSharePdfs).where(eq(s.documentSharePdfs.shareId, priya.shareId));
    expect(kept!.fingerprint).toBe(first.result!.etag);
    // Mark the kept copy: a fresh render would not carry the mark.
    const marked = Buffer.concat([first.result!.bytes, Buffer.from("\n% kept copy\n")]);
    await db.update(s.documentSharePdfs).set({ bytes: marked }).where(eq(s.documentSharePdfs.shareId, priya.shareId));

    const again = await download(priya);
    expect(again.result!.bytes.equals(marked)).toBe(true);
    expect(again.statements).toHaveLength(2); // the read, and the audit
    const [share] = await db.select().from(s.documentShares).where(eq(s.documentShares.id, priya.shareId));
    expect(share!.downloadedAt).not.toBeNull();
    const audited = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.targetId, priya.shareId), eq(s.auditEvents.action, "portal.document_downloaded")));
    expect(audited).toHaveLength(2);

    // Another contact's copy names them, and is rendered for them.
    const omar = await openedShare("Dr Omar Reyes");
    const theirs = await download(omar);
    expect(theirs.result!.bytes.toString("latin1")).not.toContain("% kept copy");
    expect(theirs.result!.etag).not.toBe(first.result!.etag);
  });

  it("renders again when the document changes, and serves nothing once the share is revoked or the cookie is stale", async () => {
    const share = await openedShare("Dr Lena Fox");
    const before = (await download(share)).result!;
    const db = await getDb();
    await db.update(s.documents).set({ title: "Discharge letter (amended)", updatedAt: sql`now()` }).where(eq(s.documents.id, documentId));
    const after = (await download(share)).result!;
    expect(after.etag).not.toBe(before.etag);

    expect((await download({ ...share, cookie: makeShareCookie(share.shareId, 2, new Date()) })).result).toBeNull();
    await db.update(s.documentShares).set({ revokedAt: new Date() }).where(eq(s.documentShares.id, share.shareId));
    expect((await download(share)).result).toBeNull();
  });

  it("marks the share downloaded once under 50 parallel first downloads, and audits each", async () => {
    const share = await openedShare("Dr Sam Hale");
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => downloadSharedDocument(share.shareId, share.cookie, req)));
    for (const r of results) if (r.status === "rejected") expect(isDatabaseUnavailable(r.reason)).toBe(true);
    const db = await getDb();
    const [row] = await db.select().from(s.documentShares).where(eq(s.documentShares.id, share.shareId));
    expect(row!.downloadedAt).not.toBeNull();
    const audited = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.targetId, share.shareId), eq(s.auditEvents.action, "portal.document_downloaded")));
    expect(audited).toHaveLength(results.filter((r) => r.status === "fulfilled").length);
    expect(await db.select().from(s.documentSharePdfs).where(eq(s.documentSharePdfs.shareId, share.shareId))).toHaveLength(1);
  });
});
