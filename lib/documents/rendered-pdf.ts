import "server-only";
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { documentPdfs, documentSharePdfs } from "@/db/schema";
import { renderDocumentPdf } from "@/lib/pdf/render-document-pdf";
import type { DocumentRenderModel } from "./render-model";

/** Bump when the PDF layout changes, so every stored PDF is rendered again. */
const RENDERER_VERSION = 2; // 2: page numbers in the footer

/** A hash of everything the PDF shows: the document's version in the widest sense. */
export function pdfFingerprint(model: DocumentRenderModel, footer?: string): string {
  return createHash("sha256")
    .update(JSON.stringify({ v: RENDERER_VERSION, model, ...(footer === undefined ? {} : { footer }) }))
    .digest("base64url")
    .slice(0, 32);
}

/**
 * The document's PDF: the stored bytes when they were rendered from this very version, otherwise
 * rendered now and stored for the next download. The caller has already checked the reader's
 * access (and audits the download); the bytes depend only on the document, never on the reader.
 * `etag` is the fingerprint, for the response's ETag header.
 */
export async function renderedPdf(exec: Executor, model: DocumentRenderModel): Promise<{ bytes: Buffer; etag: string }> {
  const fingerprint = pdfFingerprint(model);
  return cachedPdf(exec, model, fingerprint);
}

/**
 * The copy for one external share: its footer names the recipient ("Shared with Dr Priya Shah on
 * 30 November 2026"), so it is kept for that share and document only (document_share_pdfs), never
 * in document_pdfs, whose bytes are served to every reader of the document. `stored` is the kept
 * copy as the caller already read it (the download reads it with the share, after the share's
 * checks passed); left out, it is read here. Served when its fingerprint is this version's,
 * otherwise rendered now and kept for the next download.
 */
export async function sharedCopyPdf(
  exec: Executor,
  input: { shareId: string; model: DocumentRenderModel; footer: string; stored?: { fingerprint: string; bytes: Buffer } | null },
): Promise<{ bytes: Buffer; etag: string }> {
  const fingerprint = pdfFingerprint(input.model, input.footer);
  const stored = input.stored !== undefined ? input.stored : await keptSharedCopy(exec, input.shareId, input.model.id);
  if (stored?.fingerprint === fingerprint) return { bytes: stored.bytes, etag: fingerprint };
  const bytes = await renderDocumentPdf(input.model, { footer: input.footer });
  // Two first downloads at once both render; the later write wins, and both bytes are valid.
  await exec
    .insert(documentSharePdfs)
    .values({ shareId: input.shareId, documentId: input.model.id, fingerprint, bytes, size: bytes.length })
    .onConflictDoUpdate({ target: [documentSharePdfs.shareId, documentSharePdfs.documentId], set: { fingerprint, bytes, size: bytes.length, renderedAt: sql`now()` } });
  return { bytes, etag: fingerprint };
}

async function keptSharedCopy(exec: Executor, shareId: string, documentId: string): Promise<{ fingerprint: string; bytes: Buffer } | null> {
  const [kept] = await exec
    .select({ fingerprint: documentSharePdfs.fingerprint, bytes: documentSharePdfs.bytes })
    .from(documentSharePdfs)
    .where(and(eq(documentSharePdfs.shareId, shareId), eq(documentSharePdfs.documentId, documentId)));
  return kept ? { fingerprint: kept.fingerprint, bytes: Buffer.from(kept.bytes) } : null;
}

async function cachedPdf(exec: Executor, model: DocumentRenderModel, fingerprint: string): Promise<{ bytes: Buffer; etag: string }> {
  const [stored] = await exec
    .select({ bytes: documentPdfs.bytes })
    .from(documentPdfs)
    .where(and(eq(documentPdfs.documentId, model.id), eq(documentPdfs.fingerprint, fingerprint)));
  if (stored) return { bytes: Buffer.from(stored.bytes), etag: fingerprint };
  const bytes = await renderDocumentPdf(model);
  // Two first downloads at once both render; the later write wins, and both bytes are valid.
  await exec
    .insert(documentPdfs)
    .values({ documentId: model.id, fingerprint, bytes, size: bytes.length })
    .onConflictDoUpdate({ target: documentPdfs.documentId, set: { fingerprint, bytes, size: bytes.length, renderedAt: sql`now()` } });
  return { bytes, etag: fingerprint };
}
