import "server-only";
import { eq } from "drizzle-orm";
import { zipSync, type Zippable } from "fflate";
import { getDb } from "@/db/client";
import { documentFiles } from "@/db/schema";
import { sharedCopyPdf } from "@/lib/documents/rendered-pdf";
import { storedFile } from "@/lib/documents/stored-file";
import { pdfFilename } from "@/lib/pdf/render-document-pdf";
import type { PortalShareRow } from "./find-share";
import { loadSharedDocument, recordSharedDownload, sharedCopyFooter } from "./share-access";
import { listSharedDocuments } from "./shared-documents";
import type { PortalRequest } from "./types";

/**
 * The ZIP is built in memory, so it is bounded: ten documents with an uploaded PDF of up to 10 MB
 * each could pass 100 MB. Past this the contact downloads the documents one by one.
 */
export const MAX_SHARED_ZIP_BYTES = 40 * 1024 * 1024;

/**
 * Every document of the share in one ZIP: each as the PDF stamped for this share, plus the
 * uploaded file where there is one. Entries are numbered in the share's order ("1-referral-letter.pdf"),
 * which also keeps two documents of the same title apart. Audited as a ZIP and per document.
 */
export async function downloadSharedZip(row: PortalShareRow, req: PortalRequest): Promise<{ bytes: Buffer; filename: string } | "too_large" | null> {
  const docs = await listSharedDocuments(row);
  if (docs.length === 0) return null;
  const db = await getDb();
  const footer = sharedCopyFooter(row);
  const entries: Zippable = {};
  let total = 0;
  for (const [i, d] of docs.entries()) {
    const model = await loadSharedDocument(d.id);
    const parts: [string, Uint8Array][] = [[`${i + 1}-${pdfFilename(model.title)}`, (await sharedCopyPdf(db, { shareId: row.share.id, model, footer })).bytes]];
    if (d.hasFile) {
      const [file] = await db.select({ filename: documentFiles.filename, bytes: documentFiles.bytes, contentType: documentFiles.contentType }).from(documentFiles).where(eq(documentFiles.documentId, d.id));
      // The uploaded file under its own name (a PDF, or an image filed from a contact's reply).
      if (file) parts.push([`${i + 1}-attached-${storedFile(file).filename}`, file.bytes]);
    }
    for (const [name, bytes] of parts) {
      total += bytes.length;
      if (total > MAX_SHARED_ZIP_BYTES) return "too_large";
      // PDFs are compressed already: store them (level 0) rather than spend CPU for nothing.
      entries[name] = [new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { level: 0 }];
    }
  }
  const bytes = Buffer.from(zipSync(entries));
  await recordSharedDownload(row, req, docs.map((d) => ({ documentId: d.id, format: "zip" as const })));
  return { bytes, filename: `${pdfFilename(`${row.org.name} shared documents`).replace(/\.pdf$/, "")}.zip` };
}
