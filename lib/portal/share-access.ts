import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { documents, documentFiles, documentShares } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { buildRenderModel, type DocumentRenderModel } from "@/lib/documents/render-model";
import { formatDate } from "@/lib/documents/content";
import { sharedCopyPdf } from "@/lib/documents/rendered-pdf";
import { pdfFilename } from "@/lib/pdf/render-document-pdf";
import { storedFile } from "@/lib/documents/stored-file";
import { contactAudit, findShareById, portalStatus, type PortalShareRow } from "./find-share";
import { readShareCookie } from "./share-cookie";
import type { PortalRequest } from "./types";

/**
 * The sharing portal's guard (the third audience: neither staff nor client). The browser must
 * hold a valid signed cookie for this share and its current link version, and the share must
 * still be usable: not revoked, locked or expired, its document not deleted, sharing still on.
 * A link-and-code share must have been opened with a correct code.
 */
export async function requireShareAccess(shareId: string, cookieValue: string | undefined, now = new Date()): Promise<PortalShareRow | null> {
  const cookie = readShareCookie(cookieValue, shareId, now);
  if (!cookie) return null;
  const db = await getDb();
  const row = await findShareById(db, shareId);
  if (!row || row.share.linkVersion !== cookie.linkVersion) return null;
  if (portalStatus(row, now) !== "active" || !row.share.firstOpenedAt) return null;
  return row;
}

async function loadDocument(row: PortalShareRow) {
  const db = await getDb();
  const [doc] = await db.select().from(documents).where(eq(documents.id, row.document.id));
  return buildRenderModel(db, doc!);
}

/** The document for the contact (a DTO: the render model only), audited as a view. */
export async function viewSharedDocument(row: PortalShareRow, req: PortalRequest): Promise<DocumentRenderModel> {
  const model = await loadDocument(row);
  const db = await getDb();
  await recordAudit(db, { ...contactAudit(row), ip: req.ip, userAgent: req.userAgent, action: "portal.document_viewed", metadata: { documentId: row.document.id } });
  return model;
}

export async function recordSharedDocumentPrinted(row: PortalShareRow, req: PortalRequest): Promise<void> {
  const db = await getDb();
  await recordAudit(db, { ...contactAudit(row), ip: req.ip, userAgent: req.userAgent, action: "portal.document_printed", metadata: { documentId: row.document.id } });
}

/** The PDF for the contact: marks the share downloaded (the sender sees it) and audits, together. */
export async function downloadSharedDocument(row: PortalShareRow, req: PortalRequest, what: "pdf" | "file" = "pdf"): Promise<{ bytes: Buffer; filename: string; etag?: string; contentType?: string } | null> {
  const now = req.now ?? new Date();
  const model = await loadDocument(row);
  let out: { bytes: Buffer; filename: string; etag?: string; contentType?: string };
  if (what === "file") {
    const db = await getDb();
    const [file] = await db.select().from(documentFiles).where(eq(documentFiles.documentId, row.document.id));
    if (!file) return null;
    out = storedFile(file);
  } else {
    // Stamped for this share (never the cached copy every reader gets).
    const bytes = await sharedCopyPdf(model, `Shared with ${row.contact.name} by ${row.org.name} on ${formatDate(row.share.sentAt)}`);
    out = { bytes, filename: pdfFilename(model.title) };
  }
  const db = await getDb();
  await db.transaction(async (tx) => {
    if (!row.share.downloadedAt) await tx.update(documentShares).set({ downloadedAt: now }).where(eq(documentShares.id, row.share.id));
    await recordAudit(tx, { ...contactAudit(row), ip: req.ip, userAgent: req.userAgent, action: "portal.document_downloaded", metadata: { documentId: row.document.id, format: what } });
  });
  return out;
}
