import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { documents, documentShares } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { buildRenderModel, renderModelOf, type DocumentRenderModel } from "@/lib/documents/render-model";
import { formatDate } from "@/lib/documents/content";
import { sharedCopyPdf } from "@/lib/documents/rendered-pdf";
import { pdfFilename } from "@/lib/pdf/render-document-pdf";
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

/**
 * A portal download (the share's PDF copy, or the uploaded file): the share, its document and the
 * bytes read in ONE statement; the same checks as requireShareAccess on it, then the share's kept
 * copy if it is this version's (else rendered once and kept); and one statement that marks the
 * share downloaded (the sender sees it) and writes the audit event. Null: refused, looking like
 * not found.
 */
export async function downloadSharedDocument(
  shareId: string,
  cookieValue: string | undefined,
  req: PortalRequest,
  what: "pdf" | "file" = "pdf",
): Promise<{ bytes: Buffer; filename: string; etag?: string } | null> {
  const now = req.now ?? new Date();
  const cookie = readShareCookie(cookieValue, shareId, now);
  if (!cookie) return null;
  const db = await getDb();
  const row = await findShareForDownload(db, shareId, what);
  if (!row || !shareUsable(row, cookie.linkVersion, now)) return null;
  const model = renderModelOf(
    { id: row.document.id, kind: row.document.kind, updatedAt: row.document.updatedAt, ...row.doc },
    { clinic: { name: row.org.name, address: row.clinicAddress }, client: row.client, authorName: row.authorName, file: row.fileMeta },
  );
  let out: { bytes: Buffer; filename: string; etag?: string };
  if (what === "file") {
    if (!row.bytes || !row.fileMeta) return null;
    out = { bytes: Buffer.from(row.bytes), filename: pdfFilename(row.fileMeta.filename.replace(/\.pdf$/i, "")) };
  } else {
    // Stamped for this share (never the copy every staff reader gets).
    const footer = `Shared with ${row.contact.name} by ${row.org.name} on ${formatDate(row.share.sentAt)}`;
    const stored = row.storedFingerprint && row.bytes ? { fingerprint: row.storedFingerprint, bytes: Buffer.from(row.bytes) } : null;
    const copy = await sharedCopyPdf(db, { shareId: row.share.id, model, footer, stored });
    out = { bytes: copy.bytes, filename: pdfFilename(model.title), etag: copy.etag };
  }
  // One statement, so no transaction: the first download marks the share, and every one is audited.
  const markFirst = row.share.downloadedAt
    ? undefined
    : db.update(documentShares).set({ downloadedAt: now }).where(and(eq(documentShares.id, row.share.id), isNull(documentShares.downloadedAt)));
  await recordAudit(
    db,
    { ...contactAudit(row), ip: req.ip, userAgent: req.userAgent, action: "portal.document_downloaded", metadata: { documentId: row.document.id, format: what } },
    { alongside: markFirst },
  );
  return out;
}
