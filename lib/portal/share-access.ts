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

/**
 * One document of the share, by an id the caller has checked belongs to it (sharedDocumentId);
 * a single-document share passes its own document.
 */
export async function loadSharedDocument(documentId: string): Promise<DocumentRenderModel> {
  const db = await getDb();
  const [doc] = await db.select().from(documents).where(eq(documents.id, documentId));
  return buildRenderModel(db, doc!);
}

/** The document for the contact (a DTO: the render model only), audited as a view. */
export async function viewSharedDocument(row: PortalShareRow, req: PortalRequest, documentId = row.document.id): Promise<DocumentRenderModel> {
  const model = await loadSharedDocument(documentId);
  const db = await getDb();
  await recordAudit(db, { ...contactAudit(row), ip: req.ip, userAgent: req.userAgent, action: "portal.document_viewed", metadata: { documentId } });
  return model;
}

export async function recordSharedDocumentPrinted(row: PortalShareRow, req: PortalRequest, documentId = row.document.id): Promise<void> {
  const db = await getDb();
  await recordAudit(db, { ...contactAudit(row), ip: req.ip, userAgent: req.userAgent, action: "portal.document_printed", metadata: { documentId } });
}

/** The footer stamped on every PDF a contact takes away: who it was shared with, by whom, when. */
export function sharedCopyFooter(row: PortalShareRow): string {
  return `Shared with ${row.contact.name} by ${row.org.name} on ${formatDate(row.share.sentAt)}`;
}

/**
 * Marks the share downloaded (the sender sees it) and audits each document taken, together; a ZIP
 * of all is audited as such too.
 */
export async function recordSharedDownload(row: PortalShareRow, req: PortalRequest, taken: { documentId: string; format: "pdf" | "file" | "zip" }[]): Promise<void> {
  const now = req.now ?? new Date();
  const db = await getDb();
  await db.transaction(async (tx) => {
    if (!row.share.downloadedAt) await tx.update(documentShares).set({ downloadedAt: now }).where(eq(documentShares.id, row.share.id));
    for (const t of taken) await recordAudit(tx, { ...contactAudit(row), ip: req.ip, userAgent: req.userAgent, action: "portal.document_downloaded", metadata: { documentId: t.documentId, format: t.format } });
    const zipped = taken.filter((t) => t.format === "zip").map((t) => t.documentId);
    if (zipped.length) await recordAudit(tx, { ...contactAudit(row), ip: req.ip, userAgent: req.userAgent, action: "portal.documents_zipped", metadata: { documentIds: zipped } });
  });
}

/** The PDF for the contact: marks the share downloaded and audits, together. */
export async function downloadSharedDocument(row: PortalShareRow, req: PortalRequest, what: "pdf" | "file" = "pdf", documentId = row.document.id): Promise<{ bytes: Buffer; filename: string; etag?: string; contentType?: string } | null> {
  const model = await loadSharedDocument(documentId);
  let out: { bytes: Buffer; filename: string; etag?: string; contentType?: string };
  if (what === "file") {
    const db = await getDb();
    const [file] = await db.select().from(documentFiles).where(eq(documentFiles.documentId, documentId));
    if (!file) return null;
    out = storedFile(file);
  } else {
    // Stamped for this share (never the cached copy every reader gets).
    const bytes = await sharedCopyPdf(model, sharedCopyFooter(row));
    out = { bytes, filename: pdfFilename(model.title) };
  }
  await recordSharedDownload(row, req, [{ documentId, format: what }]);
  return out;
}
