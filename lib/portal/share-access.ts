import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { documents, documentShares } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { buildRenderModel, renderModelOf, type DocumentRenderModel } from "@/lib/documents/render-model";
import { formatDate } from "@/lib/documents/content";
import { sharedCopyPdf } from "@/lib/documents/rendered-pdf";
import { pdfFilename } from "@/lib/pdf/render-document-pdf";
import { storedFile } from "@/lib/documents/stored-file";
import { contactAudit, findShareById, findShareForDownload, portalStatus, type PortalShareRow } from "./find-share";
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
  return row && shareUsable(row, cookie.linkVersion, now) ? row : null;
}

/** The share's own checks, on a row already read: the cookie's link version is current, the link is live and was opened. */
function shareUsable(row: PortalShareRow, linkVersion: number, now: Date): boolean {
  return row.share.linkVersion === linkVersion && portalStatus(row, now) === "active" && Boolean(row.share.firstOpenedAt);
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

/**
 * A portal download of one of the share's documents (`requested`, from `?doc=`; else the share's
 * own): its PDF copy stamped for this share, or its uploaded file. The share, the document and the
 * bytes are read in ONE statement; the same checks as requireShareAccess run on it; the share's
 * kept copy is served if it is this version's (else rendered once and kept); and one statement
 * marks the share downloaded (the sender sees it) and writes the audit event. Null: refused,
 * looking like not found.
 */
export async function downloadSharedDocument(
  shareId: string,
  cookieValue: string | undefined,
  req: PortalRequest,
  what: "pdf" | "file" = "pdf",
  requested: string | null = null,
): Promise<{ bytes: Buffer; filename: string; etag?: string; contentType?: string } | null> {
  const now = req.now ?? new Date();
  const cookie = readShareCookie(cookieValue, shareId, now);
  if (!cookie) return null;
  const db = await getDb();
  const row = await findShareForDownload(db, shareId, what, requested);
  if (!row || !shareUsable(row, cookie.linkVersion, now) || !row.target) return null;
  const { target } = row;
  let out: { bytes: Buffer; filename: string; etag?: string; contentType?: string };
  if (what === "file") {
    if (!row.bytes || !target.file) return null;
    out = storedFile({ bytes: Buffer.from(row.bytes), filename: target.file.filename, contentType: target.file.contentType });
  } else {
    const model = renderModelOf(
      { id: target.id, kind: target.kind, title: target.title, content: target.content, updatedAt: new Date(target.updatedAt) },
      { clinic: { name: row.org.name, address: row.clinicAddress }, client: target.client, authorName: target.authorName, file: target.file && { filename: target.file.filename, size: target.file.size } },
    );
    // Stamped for this share (never the copy every staff reader gets).
    const stored = row.storedFingerprint && row.bytes ? { fingerprint: row.storedFingerprint, bytes: Buffer.from(row.bytes) } : null;
    const copy = await sharedCopyPdf(db, { shareId: row.share.id, model, footer: sharedCopyFooter(row), stored });
    out = { bytes: copy.bytes, filename: pdfFilename(model.title), etag: copy.etag };
  }
  // One statement, so no transaction: the first download marks the share, and every one is audited.
  const markFirst = row.share.downloadedAt
    ? undefined
    : db.update(documentShares).set({ downloadedAt: now }).where(and(eq(documentShares.id, row.share.id), isNull(documentShares.downloadedAt)));
  await recordAudit(
    db,
    { ...contactAudit(row), ip: req.ip, userAgent: req.userAgent, action: "portal.document_downloaded", metadata: { documentId: target.id, format: what } },
    { alongside: markFirst },
  );
  return out;
}
