import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contacts, documentReplies, documents, documentShares } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { clientSight } from "@/lib/access/client-visibility";
import { canCreateKind, DOCUMENT_KINDS, type DocumentKind } from "@/lib/access/documents";
import { replyInboxScope } from "@/lib/access/replies";
import { AppError } from "@/lib/errors";

/** The Inbox shows this many waiting replies, newest first (5 per share per day keeps it short). */
export const INBOX_LIMIT = 50;

export interface ChartReply {
  id: string;
  contactName: string;
  contactOrganisation: string | null;
  /** The shared document the contact answered. */
  inReplyTo: { documentId: string; title: string };
  note: string;
  filename: string;
  contentType: string;
  size: number;
  receivedAt: Date;
}

export interface ChartInbox {
  replies: ChartReply[];
  /** The kinds this actor may file a reply as (empty: they may only download or discard). */
  fileKinds: DocumentKind[];
}

/**
 * A chart's Inbox for this actor: the documents contacts sent back that wait to be filed or
 * discarded, filtered in SQL by the same rule as canReply (every reply for those who manage the
 * chart's documents, otherwise the replies to their own shares). Someone who sees the chart only
 * through an emergency grant gets an empty Inbox; someone who does not see it, not_found.
 */
export async function listChartReplies(actor: StaffActor, clientId: string): Promise<ChartInbox> {
  const db = await getDb();
  const sight = await clientSight(actor, clientId, db);
  if (sight === "none") throw new AppError("not_found");
  if (sight !== "full") return { replies: [], fileKinds: [] };
  const own = replyInboxScope(actor) === "own" ? eq(documentShares.sharedById, actor.userId) : undefined;
  const rows = await db
    .select({
      id: documentReplies.id,
      contactName: contacts.name,
      contactOrganisation: contacts.organisationName,
      documentId: documents.id,
      documentTitle: documents.title,
      note: documentReplies.note,
      filename: documentReplies.filename,
      contentType: documentReplies.contentType,
      size: documentReplies.size,
      receivedAt: documentReplies.createdAt,
    })
    .from(documentReplies)
    .innerJoin(documentShares, eq(documentShares.id, documentReplies.shareId))
    .innerJoin(documents, eq(documents.id, documentShares.documentId))
    .innerJoin(contacts, eq(contacts.id, documentReplies.contactId))
    .where(and(eq(documentReplies.clientId, clientId), eq(documentReplies.organisationId, actor.organisationId), isNull(documentReplies.filedAt), isNull(documentReplies.discardedAt), own))
    .orderBy(desc(documentReplies.createdAt), desc(documentReplies.id))
    .limit(INBOX_LIMIT);
  return {
    replies: rows.map(({ documentId, documentTitle, ...r }) => ({ ...r, inReplyTo: { documentId, title: documentTitle } })),
    fileKinds: DOCUMENT_KINDS.filter((k) => canCreateKind(actor, k)),
  };
}
