import "server-only";
import { and, asc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { documents, documentShares, shareDocuments } from "@/db/schema";

/**
 * Every document a share carries, in order: its own document first, then the further ones of a
 * several-document share (share_documents). A single-document share has only its own.
 */
export async function shareDocumentIds(exec: Executor, share: { id: string; documentId: string }, opts: { liveOnly?: boolean } = {}): Promise<string[]> {
  const more = await exec.select({ documentId: shareDocuments.documentId }).from(shareDocuments).where(eq(shareDocuments.shareId, share.id)).orderBy(asc(shareDocuments.position));
  const ids = [share.documentId, ...more.map((m) => m.documentId)];
  if (!opts.liveOnly) return ids;
  const live = new Set((await exec.select({ id: documents.id }).from(documents).where(and(inArray(documents.id, ids), isNull(documents.deletedAt)))).map((d) => d.id));
  return ids.filter((id) => live.has(id));
}

/** The shares that carry this document, as their own or as one of several (a filter on document_shares). */
export function sharesCarrying(documentId: string): SQL {
  return or(eq(documentShares.documentId, documentId), sql`${documentShares.id} in (select ${shareDocuments.shareId} from ${shareDocuments} where ${shareDocuments.documentId} = ${documentId})`)!;
}
