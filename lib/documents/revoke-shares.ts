import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { documents, documentShares } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { canManageShare } from "@/lib/access/documents";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { auditDocumentRefusals, loadDocumentFor } from "./load-document";

/** At most one page of the "Shared externally" list at a time. */
export const MAX_BULK_REVOKE = 100;

/**
 * Bulk revoke from "Shared externally": every chosen share is checked as a single revoke would be
 * (canManageShare), and all are revoked in one transaction — or none, if any one is missing, of
 * another organisation or not the actor's to revoke (all look the same: not found). Shares already
 * revoked are left alone, so a double submit (or 50 at once) revokes and audits each share once:
 * rows are locked in id order and re-read after the lock.
 */
export async function revokeShares(actor: StaffActor, input: { shareIds: string[] }): Promise<{ revoked: number }> {
  const ids = [...new Set(input.shareIds)];
  if (ids.length === 0 || ids.length > MAX_BULK_REVOKE) throw new AppError("invalid_input", { field: "shareIds" });
  const db = await getDb();
  return auditDocumentRefusals(actor, "document:revoke_share", { type: "document_share", id: ids[0]! }, () =>
    db.transaction(async (tx) => {
      const rows = await tx
        .select({ share: documentShares })
        .from(documentShares)
        .innerJoin(documents, eq(documents.id, documentShares.documentId))
        .where(and(inArray(documentShares.id, ids), eq(documents.organisationId, actor.organisationId)))
        .orderBy(asc(documentShares.id))
        .for("update", { of: documentShares });
      if (rows.length !== ids.length) throw new AppError("not_found");
      const checked = new Map<string, Awaited<ReturnType<typeof loadDocumentFor>>>();
      for (const { share } of rows) {
        if (!checked.has(share.documentId)) checked.set(share.documentId, await loadDocumentFor(tx, actor, share.documentId, "document:view"));
        const { facts, org } = checked.get(share.documentId)!;
        if (!canManageShare(actor, facts, share, "revoke", org)) throw new AppError("not_found");
      }
      const now = new Date();
      let revoked = 0;
      for (const { share } of rows) {
        if (share.revokedAt) continue;
        await tx.update(documentShares).set({ revokedAt: now, linkVersion: sql`${documentShares.linkVersion} + 1` }).where(eq(documentShares.id, share.id));
        await recordStaffAudit(tx, actor, {
          action: "document.share_revoked",
          target: { type: "document_share", id: share.id },
          clientId: checked.get(share.documentId)!.doc.clientId,
          metadata: { documentId: share.documentId, contactId: share.contactId, bulk: true },
        });
        revoked++;
      }
      return { revoked };
    }),
  );
}
