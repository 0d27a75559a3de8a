import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { documentFiles, documents } from "@/db/schema";
import type { DocumentKind } from "@/lib/access/documents";
import { shareDocumentIds } from "@/lib/documents/share-document-ids";
import type { PortalShareRow } from "./find-share";

/** One document of a share as the contact's list shows it (a DTO: no content, no patient). */
export interface SharedDocumentItem {
  id: string;
  kind: DocumentKind;
  title: string;
  updatedAt: Date;
  hasFile: boolean;
}

/** The share's documents that are not deleted, in the order they were chosen. */
export async function listSharedDocuments(row: PortalShareRow): Promise<SharedDocumentItem[]> {
  const db = await getDb();
  const ids = await shareDocumentIds(db, { id: row.share.id, documentId: row.document.id });
  const rows = await db
    .select({ id: documents.id, kind: documents.kind, title: documents.title, updatedAt: documents.updatedAt, file: documentFiles.documentId })
    .from(documents)
    .leftJoin(documentFiles, eq(documentFiles.documentId, documents.id))
    // The share's organisation guards the join rows too: a document of another clinic never shows.
    .where(and(inArray(documents.id, ids), eq(documents.organisationId, row.org.id), isNull(documents.deletedAt)));
  const byId = new Map(rows.map((r) => [r.id, { id: r.id, kind: r.kind, title: r.title, updatedAt: r.updatedAt, hasFile: r.file !== null }]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Which of the share's documents a portal request means: `requested` (from `?doc=`) when it is one
 * of them and not deleted, the share's own document when nothing is asked; otherwise null (404).
 */
export async function sharedDocumentId(row: PortalShareRow, requested: string | null | undefined): Promise<string | null> {
  const wanted = requested || row.document.id;
  if (wanted === row.document.id && !row.document.deletedAt) return wanted;
  if (!row.moreLiveDocuments) return null;
  const live = await listSharedDocuments(row);
  return live.some((d) => d.id === wanted) ? wanted : null;
}
