import "server-only";
import { desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { contacts, documentShares, organisations } from "@/db/schema";
import { shareDisplayState, type ShareDisplayState } from "@/lib/portal/link-state";

/** One external share of a document, as the documents lists show it beside the document. */
export interface DocumentShareSummary {
  id: string;
  contactName: string;
  state: ShareDisplayState;
  sentAt: Date;
}

/**
 * The external shares of documents the caller has already listed for the actor (the lists'
 * own access rule chose the ids), newest first, by document. Two queries for the whole page.
 */
export async function loadShareSummaries(exec: Executor, organisationId: string, documentIds: string[], now = new Date()): Promise<Map<string, DocumentShareSummary[]>> {
  const byDocument = new Map<string, DocumentShareSummary[]>();
  if (documentIds.length === 0) return byDocument;
  const [[org], rows] = await Promise.all([
    exec.select({ openedLinkMaxDays: organisations.openedLinkMaxDays }).from(organisations).where(eq(organisations.id, organisationId)),
    exec
      .select({ share: documentShares, contactName: contacts.name })
      .from(documentShares)
      .innerJoin(contacts, eq(contacts.id, documentShares.contactId))
      .where(inArray(documentShares.documentId, documentIds))
      .orderBy(desc(documentShares.createdAt))
      .limit(documentIds.length * 10),
  ]);
  const policy = { openedLinkMaxDays: org?.openedLinkMaxDays ?? null };
  for (const { share, contactName } of rows) {
    const list = byDocument.get(share.documentId) ?? [];
    list.push({ id: share.id, contactName, state: shareDisplayState(share, now, policy), sentAt: share.sentAt });
    byDocument.set(share.documentId, list);
  }
  return byDocument;
}
