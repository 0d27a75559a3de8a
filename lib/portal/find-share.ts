import "server-only";
import { eq, sql, type SQL } from "drizzle-orm";
import type { SelectedFields } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { contacts, documents, documentShares, organisations, shareDocuments, users } from "@/db/schema";
import type { DocumentKind } from "@/lib/access/documents";
import type { RenderRelations } from "@/lib/documents/render-model";
import { hashToken } from "@/lib/crypto/tokens";
import { linkStatus, type LinkStatus } from "./link-state";
import { isUuid } from "@/lib/validation/ids";

// newToken() gives 43 base64url characters; anything else cannot be a link of ours.
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

export type PortalShareRow = Awaited<ReturnType<typeof selectShare>>[number];

const shareColumns = {
  share: documentShares,
  document: { id: documents.id, organisationId: documents.organisationId, clientId: documents.clientId, deletedAt: documents.deletedAt, kind: documents.kind, updatedAt: documents.updatedAt },
  sender: { name: users.name },
  contact: { id: contacts.id, name: contacts.name, email: contacts.email, mobile: contacts.mobile },
  org: { id: organisations.id, name: organisations.name, sharingEnabled: organisations.sharingEnabled, openedLinkMaxDays: organisations.openedLinkMaxDays },
  // A share of several documents (share_documents): how many further ones are not deleted.
  moreLiveDocuments: sql<number>`(select count(*)::int from ${shareDocuments} join ${documents} more on more.id = ${shareDocuments.documentId} where ${shareDocuments.shareId} = ${documentShares.id} and more.deleted_at is null)`,
};

/** A share with its document, contact, clinic and sender, plus `extra` columns read in the same statement. */
function shareQuery<E extends SelectedFields>(exec: Executor, where: SQL | undefined, extra: E) {
  return exec
    .select({ ...shareColumns, ...extra })
    .from(documentShares)
    .innerJoin(documents, eq(documents.id, documentShares.documentId))
    .innerJoin(contacts, eq(contacts.id, documentShares.contactId))
    .innerJoin(organisations, eq(organisations.id, documents.organisationId))
    .innerJoin(users, eq(users.id, documentShares.sharedById))
    .where(where)
    .limit(1);
}

function selectShare(exec: Executor, where: SQL | undefined, lock: boolean) {
  const q = shareQuery(exec, where, {});
  return lock ? q.for("update", { of: documentShares }) : q;
}

/** One document of a share as a download reads it: what its PDF shows, and its uploaded file's name and type. */
export interface SharedDownloadTarget {
  id: string;
  kind: DocumentKind;
  title: string;
  content: unknown;
  updatedAt: string;
  client: RenderRelations["client"];
  authorName: string | null;
  file: { filename: string; size: number; contentType: string } | null;
}

/**
 * For a portal download, in ONE statement: the share as findShareById reads it (for the same
 * checks); `target`, the document asked for (`requested`, else the share's own) with what its PDF
 * shows — null unless it is one of this share's documents, not deleted, of the share's clinic
 * (sharedDocumentId's rule); and either this share's kept PDF copy of it (`pdf`) or its uploaded
 * file (`file`). Nothing here is served before the caller's checks pass.
 */
export async function findShareForDownload(exec: Executor, shareId: string, what: "pdf" | "file", requested: string | null) {
  if (!isUuid(shareId) || (requested && !isUuid(requested))) return null;
  const wanted = requested ? sql`${sql.placeholder("requested")}::uuid` : sql`${documentShares.documentId}`;
  const onShare = (t: SQL) => sql`${t}.id = ${wanted} and ${t}.deleted_at is null and ${t}.organisation_id = ${documents.organisationId}
    and (${t}.id = ${documentShares.documentId} or exists (select 1 from share_documents sd where sd.share_id = ${documentShares.id} and sd.document_id = ${t}.id))`;
  const target = sql<SharedDownloadTarget | null>`(select json_build_object(
      'id', t.id, 'kind', t.kind, 'title', t.title, 'content', t.content, 'updatedAt', t.updated_at,
      'client', (select json_build_object('firstName', c.first_name, 'lastName', c.last_name, 'dateOfBirth', c.date_of_birth) from clients c where c.id = t.client_id),
      'authorName', (select a.name from users a where a.id = t.author_id),
      'file', (select json_build_object('filename', f.filename, 'size', f.size, 'contentType', f.content_type) from document_files f where f.document_id = t.id))
    from documents t where ${onShare(sql`t`)})`;
  // Read by primary key, and only for a document of the share: the bytes travel only for the one kind asked for.
  const kept =
    what === "pdf"
      ? {
          storedFingerprint: sql<string | null>`(select p.fingerprint from document_share_pdfs p where p.share_id = ${documentShares.id} and p.document_id = ${wanted})`,
          bytes: sql<Uint8Array | null>`(select p.bytes from document_share_pdfs p where p.share_id = ${documentShares.id} and p.document_id = ${wanted})`,
        }
      : {
          storedFingerprint: sql<null>`null`,
          bytes: sql<Uint8Array | null>`(select f.bytes from document_files f join documents t on t.id = f.document_id where f.document_id = ${wanted} and ${onShare(sql`t`)})`,
        };
  // Prepared, so planned once per connection (planning its dozen lookups cost more than running
  // them): every lookup is by key, so one plan suits any share.
  const [row] = await shareQuery(exec, eq(documentShares.id, sql.placeholder("shareId")), { target, clinicAddress: organisations.address, ...kept })
    .prepare(`portal_download_${what}${requested ? "_named_document" : ""}`)
    .execute({ shareId, requested });
  return row ?? null;
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
