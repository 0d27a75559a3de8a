import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { contacts, documents, documentShares, organisations, shareDocuments, users } from "@/db/schema";
import { hashToken } from "@/lib/crypto/tokens";
import { linkStatus, type LinkStatus } from "./link-state";
import { isUuid } from "@/lib/validation/ids";

// newToken() gives 43 base64url characters; anything else cannot be a link of ours.
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

export type PortalShareRow = Awaited<ReturnType<typeof selectShare>>[number];

function selectShare(exec: Executor, where: ReturnType<typeof eq>, lock: boolean) {
  const q = exec
    .select({
      share: documentShares,
      document: { id: documents.id, organisationId: documents.organisationId, clientId: documents.clientId, deletedAt: documents.deletedAt, kind: documents.kind, updatedAt: documents.updatedAt },
      sender: { name: users.name },
      contact: { id: contacts.id, name: contacts.name, email: contacts.email, mobile: contacts.mobile },
      org: { id: organisations.id, name: organisations.name, sharingEnabled: organisations.sharingEnabled, openedLinkMaxDays: organisations.openedLinkMaxDays },
      // A share of several documents (share_documents): how many further ones are not deleted.
      moreLiveDocuments: sql<number>`(select count(*)::int from ${shareDocuments} join ${documents} more on more.id = ${shareDocuments.documentId} where ${shareDocuments.shareId} = ${documentShares.id} and more.deleted_at is null)`,
    })
    .from(documentShares)
    .innerJoin(documents, eq(documents.id, documentShares.documentId))
    .innerJoin(contacts, eq(contacts.id, documentShares.contactId))
    .innerJoin(organisations, eq(organisations.id, documents.organisationId))
    .innerJoin(users, eq(users.id, documentShares.sharedById))
    .where(where)
    .limit(1);
  return lock ? q.for("update", { of: documentShares }) : q;
}

/** The share an emailed token names (by its hash), optionally locking the share row. */
export async function findShareByToken(exec: Executor, token: string, opts: { lock?: boolean } = {}): Promise<PortalShareRow | null> {
  if (!TOKEN.test(token)) return null;
  const [row] = await selectShare(exec, eq(documentShares.tokenHash, hashToken(token)), opts.lock ?? false);
  return row ?? null;
}

export async function findShareById(exec: Executor, shareId: string, opts: { lock?: boolean } = {}): Promise<PortalShareRow | null> {
  if (!isUuid(shareId)) return null;
  const [row] = await selectShare(exec, eq(documentShares.id, shareId), opts.lock ?? false);
  return row ?? null;
}

/**
 * The portal's view of a share: its link status, where a deleted document (every one, for a share
 * of several) or sharing turned off for the organisation count as revoked — the contact sees the
 * same calm page either way.
 */
export function portalStatus(row: PortalShareRow, now: Date): LinkStatus {
  if ((row.document.deletedAt && !row.moreLiveDocuments) || !row.org.sharingEnabled) return "revoked";
  return linkStatus(row.share, now, { openedLinkMaxDays: row.org.openedLinkMaxDays });
}

/** Audit actor and target for portal events: the contact, the share, and the client the document belongs to. */
export function contactAudit(row: PortalShareRow) {
  return {
    organisationId: row.org.id,
    actor: { type: "contact" as const, id: row.contact.id },
    target: { type: "document_share", id: row.share.id },
    clientId: row.document.clientId,
  };
}
