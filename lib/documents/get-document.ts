import "server-only";
import { and, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contacts, documents, documentShares, organisations, outbox, shareDocuments, users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { canDocument, canManageShare, DOCUMENT_KINDS, shareBlockers, type DocumentKind, type ShareBlocker } from "@/lib/access/documents";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { deliveryState, type DeliveryState } from "@/lib/outbox/delivery-state";
import { shareDisplayState, type ShareDisplayState } from "@/lib/portal/link-state";
import { auditDocumentRefusals, loadDocumentFor } from "./load-document";
import { sharePurposeLabel } from "./share-purpose";
import type { SecurityLevel } from "@/lib/portal/security-level";
import { buildRenderModel, type DocumentRenderModel } from "./render-model";
import { sharesCarrying } from "./share-document-ids";

export interface DocumentShareItem {
  id: string;
  contactName: string;
  contactOrganisation: string | null;
  sharedByName: string;
  securityLevel: SecurityLevel;
  /** "Referral", "Other: court order", "Purpose not recorded" (shares made before it was asked). */
  purpose: string;
  state: ShareDisplayState;
  /** Sharing is off for the organisation: the link doesn't work now, whatever its state says. */
  paused: boolean;
  /** The email carrying the current link; null for shares made before this was recorded. */
  linkEmail: DeliveryState | null;
  sentAt: Date;
  firstOpenedAt: Date | null;
  downloadedAt: Date | null;
  revokedAt: Date | null;
  lockedAt: Date | null;
  canResend: boolean;
  canRevoke: boolean;
  /** How many documents the share carries (1, or several sent together in one link). */
  documentCount: number;
}

/** Another document of the same client that could go in the same share. */
export interface ShareableDocument {
  id: string;
  kind: DocumentKind;
  title: string;
  updatedAt: Date;
}

export interface DocumentPageData {
  model: DocumentRenderModel;
  clientId: string;
  canEdit: boolean;
  share: { allowed: boolean; blockers: ShareBlocker[]; securityLevel: SecurityLevel; moreDocuments: ShareableDocument[] };
  shares: DocumentShareItem[];
}

/** The staff document page: the document, what the actor may do, and its shares with their state. */
export async function getDocument(actor: StaffActor, documentId: string, now = new Date()): Promise<DocumentPageData> {
  return auditDocumentRefusals(actor, "document:view", { type: "document", id: documentId }, async () => {
    const db = await getDb();
    const { doc, facts, org } = await loadDocumentFor(db, actor, documentId, "document:view");
    const [[settings], shareRows] = await Promise.all([
      db.select({ openedLinkMaxDays: organisations.openedLinkMaxDays }).from(organisations).where(eq(organisations.id, doc.organisationId)),
      db
        .select({
          share: documentShares,
          contactName: contacts.name,
          contactOrganisation: contacts.organisationName,
          sharedByName: users.name,
          email: { status: outbox.status, lastError: outbox.lastError },
          documentCount: sql<number>`1 + (select count(*)::int from ${shareDocuments} where ${shareDocuments.shareId} = ${documentShares.id})`,
        })
        .from(documentShares)
        .innerJoin(contacts, eq(contacts.id, documentShares.contactId))
        .innerJoin(users, eq(users.id, documentShares.sharedById))
        .leftJoin(outbox, eq(outbox.id, documentShares.linkEmailId))
        .where(sharesCarrying(doc.id))
        .orderBy(desc(documentShares.createdAt))
        .limit(100),
    ]);
    const policy = { openedLinkMaxDays: settings?.openedLinkMaxDays ?? null };
    const shareAllowed = canDocument(actor, "document:share", facts, org);
    // The client's other documents the actor may share too, for "Add documents of this client".
    const shareableKinds = DOCUMENT_KINDS.filter((k) => shareBlockers(actor, k, true).length === 0);
    const moreDocuments =
      shareAllowed && shareableKinds.length
        ? await db
            .select({ id: documents.id, kind: documents.kind, title: documents.title, updatedAt: documents.updatedAt })
            .from(documents)
            .where(and(eq(documents.clientId, doc.clientId), eq(documents.organisationId, actor.organisationId), isNull(documents.deletedAt), ne(documents.id, doc.id), inArray(documents.kind, shareableKinds)))
            .orderBy(desc(documents.createdAt), desc(documents.id))
            .limit(50)
        : [];
    await recordStaffAudit(db, actor, { action: "document.viewed", target: { type: "document", id: doc.id }, clientId: doc.clientId });
    return {
      model: await buildRenderModel(db, doc),
      clientId: doc.clientId,
      canEdit: canDocument(actor, "document:edit", facts),
      share: {
        allowed: shareAllowed,
        // Read through emergency access, the chart is View only: that, not the role, is why it can't be shared.
        blockers: facts.emergencyOnly ? [{ reason: "emergency_view_only" }] : shareBlockers(actor, doc.kind, org.sharingEnabled),
        securityLevel: org.securityLevel,
        moreDocuments,
      },
      shares: shareRows.map(({ share: s, contactName, contactOrganisation, sharedByName, email, documentCount }) => {
        const state = shareDisplayState(s, now, policy);
        return {
          id: s.id,
          contactName,
          contactOrganisation,
          sharedByName,
          securityLevel: s.securityLevel,
          purpose: sharePurposeLabel(s.purpose, s.purposeNote),
          state,
          paused: !org.sharingEnabled && state !== "revoked" && state !== "expired",
          linkEmail: email ? deliveryState(email) : null,
          sentAt: s.sentAt,
          firstOpenedAt: s.firstOpenedAt,
          downloadedAt: s.downloadedAt,
          revokedAt: s.revokedAt,
          lockedAt: s.lockedAt,
          canResend: state !== "revoked" && canManageShare(actor, facts, s, "resend", org),
          canRevoke: state !== "revoked" && canManageShare(actor, facts, s, "revoke", org),
          documentCount,
        };
      }),
    };
  });
}
