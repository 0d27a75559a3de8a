import "server-only";
import { eq, sql } from "drizzle-orm";
import { selectRows, type Executor } from "@/db/client";
import { rowDate, rowDateOrNull } from "@/db/row-dates";
import { organisations } from "@/db/schema";
import { shareDisplayState, type ShareDisplayState, type ShareLinkFacts } from "@/lib/portal/link-state";

/** One external share of a document, as the documents lists show it beside the document. */
export interface DocumentShareSummary {
  id: string;
  contactName: string;
  state: ShareDisplayState;
  sentAt: Date;
  /** How many documents the link holds: more than 1 for a share of several. */
  documentCount: number;
}

interface Row {
  id: string;
  listed_document_id: string;
  contact_name: string;
  sent_at: Date | string;
  revoked_at: Date | string | null;
  locked_at: Date | string | null;
  first_opened_at: Date | string | null;
  downloaded_at: Date | string | null;
  document_count: number;
}

/**
 * The external shares of documents the caller has already listed for the actor (the lists'
 * own access rule chose the ids), newest first, by document — a share of several documents
 * under each of them, not only its first. Two queries for the whole page.
 */
export async function loadShareSummaries(exec: Executor, organisationId: string, documentIds: string[], now = new Date()): Promise<Map<string, DocumentShareSummary[]>> {
  const byDocument = new Map<string, DocumentShareSummary[]>();
  if (documentIds.length === 0) return byDocument;
  const ids = sql`${sql.param(documentIds)}::uuid[]`;
  const [[org], rows] = await Promise.all([
    exec.select({ openedLinkMaxDays: organisations.openedLinkMaxDays }).from(organisations).where(eq(organisations.id, organisationId)),
    selectRows<Row>(
      exec,
      sql`select s.id, listed.document_id as listed_document_id, c.name as contact_name, s.sent_at, s.revoked_at, s.locked_at,
            s.first_opened_at, s.downloaded_at, 1 + (select count(*)::int from share_documents more where more.share_id = s.id) as document_count
          from (select id as share_id, document_id from document_shares where document_id = any(${ids})
                union all
                select share_id, document_id from share_documents where document_id = any(${ids})) listed
          join document_shares s on s.id = listed.share_id
          join contacts c on c.id = s.contact_id
          order by s.created_at desc, s.id desc
          limit ${documentIds.length * 10}`,
    ),
  ]);
  const policy = { openedLinkMaxDays: org?.openedLinkMaxDays ?? null };
  for (const r of rows) {
    const share: ShareLinkFacts = {
      sentAt: rowDate(r.sent_at),
      revokedAt: rowDateOrNull(r.revoked_at),
      lockedAt: rowDateOrNull(r.locked_at),
      firstOpenedAt: rowDateOrNull(r.first_opened_at),
      downloadedAt: rowDateOrNull(r.downloaded_at),
    };
    const list = byDocument.get(r.listed_document_id) ?? [];
    list.push({ id: r.id, contactName: r.contact_name, state: shareDisplayState(share, now, policy), sentAt: share.sentAt, documentCount: r.document_count });
    byDocument.set(r.listed_document_id, list);
  }
  return byDocument;
}
