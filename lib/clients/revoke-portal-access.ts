import "server-only";
import { and, eq, isNull, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { actionTokens, clients, portalAccountProfiles } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCanClient } from "@/lib/access/clients-assert";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";

/** Portal tab → Revoke: the login no longer reaches this profile (at its next request). */
export async function revokePortalAccess(actor: StaffActor, input: { clientId: string; portalAccountId: string }): Promise<void> {
  await assertCanClient(actor, "client:invite_portal", input.clientId);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(portalAccountProfiles)
      .set({ status: "revoked", revokedAt: new Date() })
      .where(and(eq(portalAccountProfiles.clientId, input.clientId), eq(portalAccountProfiles.portalAccountId, input.portalAccountId), ne(portalAccountProfiles.status, "revoked")))
      .returning();
    if (!row) throw new AppError("not_found");
    // A login left with nothing of this clinic's loses this clinic's pending link too (another
    // clinic's invitation to the same login is not this clinic's to end).
    const [remaining] = await tx
      .select({ clientId: portalAccountProfiles.clientId })
      .from(portalAccountProfiles)
      .innerJoin(clients, eq(clients.id, portalAccountProfiles.clientId))
      .where(
        and(
          eq(portalAccountProfiles.portalAccountId, input.portalAccountId),
          ne(portalAccountProfiles.status, "revoked"),
          eq(clients.organisationId, actor.organisationId),
        ),
      )
      .limit(1);
    if (!remaining) {
      await tx
        .update(actionTokens)
        .set({ revokedAt: new Date() })
        .where(
          and(
            eq(actionTokens.portalAccountId, input.portalAccountId),
            eq(actionTokens.purpose, "portal_invitation"),
            eq(actionTokens.organisationId, actor.organisationId),
            isNull(actionTokens.usedAt),
            isNull(actionTokens.revokedAt),
          ),
        );
    }
    await recordStaffAudit(tx, actor, {
      action: "client_portal.access_revoked",
      target: { type: "client", id: input.clientId },
      clientId: input.clientId,
      metadata: { portalAccountId: input.portalAccountId },
    });
  });
}
