import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contacts, documentShares } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { canManageShare } from "@/lib/access/documents";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import { AppError } from "@/lib/errors";
import { scheduleOutboxDelivery } from "@/lib/outbox/schedule-delivery";
import { auditDocumentRefusals, loadDocumentFor } from "./load-document";
import { loadDocumentsToShare } from "./load-documents-to-share";
import { assertContactReachable, emailShareLink, shareLevelFor } from "./share-document";
import { shareDocumentIds } from "./share-document-ids";

/**
 * Resend: a new link (new token, link_version + 1, sent_at now), so the old link and any portal
 * cookie issued for it stop working; it clears a lock and any outstanding code.
 * Revoke: the link and every cookie stop working at once (link_version + 1).
 * A share of several documents is managed as one: resend checks each of its documents again.
 */
export async function changeShare(actor: StaffActor, input: { shareId: string; change: "resend" | "revoke" }): Promise<void> {
  const db = await getDb();
  await auditDocumentRefusals(actor, `document:${input.change}_share`, { type: "document_share", id: input.shareId }, () =>
    db.transaction(async (tx) => {
      const [share] = await tx.select().from(documentShares).where(eq(documentShares.id, input.shareId)).for("update");
      if (!share) throw new AppError("not_found");
      // A share of several documents stays manageable while any of them is left (its first may be deleted).
      const documentIds = await shareDocumentIds(tx, share, { liveOnly: true });
      const { doc, facts, org } = await loadDocumentFor(tx, actor, documentIds[0] ?? share.documentId, "document:view");
      if (!canManageShare(actor, facts, share, input.change, org)) throw new AppError(input.change === "resend" && !org.sharingEnabled ? "sharing_off" : "forbidden");
      if (share.revokedAt) throw new AppError("not_found");
      // Sending again is sharing again: every document must still be shareable (refused whole, saying which).
      if (input.change === "resend" && documentIds.length > 1) await loadDocumentsToShare(tx, actor, documentIds);
      const now = new Date();
      if (input.change === "revoke") {
        await tx.update(documentShares).set({ revokedAt: now, linkVersion: sql`${documentShares.linkVersion} + 1` }).where(eq(documentShares.id, share.id));
      } else {
        const [contact] = await tx.select().from(contacts).where(and(eq(contacts.id, share.contactId), eq(contacts.organisationId, actor.organisationId)));
        if (!contact) throw new AppError("not_found");
        // A share sent with the email-code fallback keeps it while the contact still has no mobile.
        const securityLevel = shareLevelFor(org.securityLevel, contact, share.securityLevel === "link_and_email_code");
        assertContactReachable(contact, securityLevel);
        const token = newToken();
        await tx
          .update(documentShares)
          .set({
            tokenHash: hashToken(token),
            securityLevel,
            sentAt: now,
            firstOpenedAt: null,
            downloadedAt: null,
            lockedAt: null,
            codeSentAt: null,
            codeUsed: false,
            codeFailures: 0,
            // A new link gets its own reminder and its own "did not open".
            remindedAt: null,
            unopenedNotifiedAt: null,
            linkVersion: sql`${documentShares.linkVersion} + 1`,
          })
          .where(eq(documentShares.id, share.id));
        await emailShareLink(tx, { actor, shareId: share.id, to: contact.email!, contactName: contact.name, token, documentCount: Math.max(documentIds.length, 1), securityLevel });
      }
      await recordStaffAudit(tx, actor, {
        action: input.change === "revoke" ? "document.share_revoked" : "document.share_resent",
        target: { type: "document_share", id: share.id },
        clientId: doc.clientId,
        metadata: { documentId: share.documentId, contactId: share.contactId },
      });
    }),
  );
  if (input.change === "resend") scheduleOutboxDelivery();
}
