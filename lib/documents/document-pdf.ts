import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { documentFiles } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { pdfFilename } from "@/lib/pdf/render-document-pdf";
import { storedFile, type StoredFile } from "./stored-file";
import { auditDocumentRefusals, loadDocumentFor } from "./load-document";
import { buildRenderModel } from "./render-model";
import { renderedPdf } from "./rendered-pdf";

/** The staff PDF of a document (same renderer as the portal), audited. */
export async function getDocumentPdf(actor: StaffActor, documentId: string): Promise<{ bytes: Buffer; filename: string; etag: string }> {
  return auditDocumentRefusals(actor, "document:view", { type: "document", id: documentId }, async () => {
    const db = await getDb();
    const { doc } = await loadDocumentFor(db, actor, documentId, "document:view");
    const model = await buildRenderModel(db, doc);
    const { bytes, etag } = await renderedPdf(db, model);
    await recordStaffAudit(db, actor, { action: "document.downloaded", target: { type: "document", id: doc.id }, clientId: doc.clientId, metadata: { format: "pdf" } });
    return { bytes, filename: pdfFilename(model.title), etag };
  });
}

/** A document's uploaded file (a "document" kind's PDF, or a file a contact sent back), for staff. */
export async function getDocumentFile(actor: StaffActor, documentId: string): Promise<StoredFile> {
  return auditDocumentRefusals(actor, "document:view", { type: "document", id: documentId }, async () => {
    const db = await getDb();
    const { doc } = await loadDocumentFor(db, actor, documentId, "document:view");
    const [file] = await db.select().from(documentFiles).where(eq(documentFiles.documentId, doc.id));
    if (!file) throw new AppError("not_found");
    await recordStaffAudit(db, actor, { action: "document.downloaded", target: { type: "document", id: doc.id }, clientId: doc.clientId, metadata: { format: "file" } });
    return storedFile(file);
  });
}
