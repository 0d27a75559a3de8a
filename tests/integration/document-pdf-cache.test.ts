import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { getDocumentPdf } from "@/lib/documents/document-pdf";
import { createClient, createDocument, createMember, createOrganisation } from "../support/factories";

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
