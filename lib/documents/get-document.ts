import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contacts, documentShares, organisations, outbox, users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { canDocument, canManageShare, shareBlockers, type ShareBlocker } from "@/lib/access/documents";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { deliveryState, type DeliveryState } from "@/lib/outbox/delivery-state";
import { shareDisplayState, type ShareDisplayState } from "@/lib/portal/link-state";
import { auditDocumentRefusals, loadDocumentFor } from "./load-document";
import { sharePurposeLabel } from "./share-purpose";
import type { SecurityLevel } from "@/lib/portal/security-level";
import { buildRenderModel, type DocumentRenderModel } from "./render-model";

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
}

export interface DocumentPageData {
  model: DocumentRenderModel;
  clientId: string;
  canEdit: boolean;
  share: { allowed: boolean; blockers: ShareBlocker[]; securityLevel: SecurityLevel };
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
        })
        .from(documentShares)
        .innerJoin(contacts, eq(contacts.id, documentShares.contactId))
        .innerJoin(users, eq(users.id, documentShares.sharedById))
        .leftJoin(outbox, eq(outbox.id, documentShares.linkEmailId))
        .where(eq(documentShares.documentId, doc.id))
        .orderBy(desc(documentShares.createdAt))
        .limit(100),
    ]);
    const policy = { openedLinkMaxDays: settings?.openedLinkMaxDays ?? null };
    await recordStaffAudit(db, actor, { action: "document.viewed", target: { type: "document", id: doc.id }, clientId: doc.clientId });
    return {
      model: await buildRenderModel(db, doc),
      clientId: doc.clientId,
      canEdit: canDocument(actor, "document:edit", facts),
      share: { allowed: canDocument(actor, "document:share", facts, org), blockers: shareBlockers(actor, doc.kind, org.sharingEnabled), securityLevel: org.securityLevel },
      shares: shareRows.map(({ share: s, contactName, contactOrganisation, sharedByName, email }) => {
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
        };
      }),
    };
  });
}
