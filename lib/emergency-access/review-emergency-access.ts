import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emergencyAccessGrants } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { grantChartId, grantTarget } from "./grant-chart";

/**
 * An admin marks a use of emergency access reviewed, with a note (what they checked, what they
 * concluded). Once only: a second review — two admins at the same moment — is `already_reviewed`.
 */
export async function reviewEmergencyAccess(actor: StaffActor, input: { grantId: string; note: string; now?: Date }): Promise<void> {
  await assertCan(actor, "settings:edit");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [grant] = await tx
      .select({ id: emergencyAccessGrants.id, reviewedAt: emergencyAccessGrants.reviewedAt, clientId: emergencyAccessGrants.clientId, sessionId: emergencyAccessGrants.sessionId })
      .from(emergencyAccessGrants)
      .where(and(eq(emergencyAccessGrants.id, input.grantId), eq(emergencyAccessGrants.organisationId, actor.organisationId)))
      .for("update");
    if (!grant) throw new AppError("not_found");
    if (grant.reviewedAt) throw new AppError("already_reviewed");
    await tx
      .update(emergencyAccessGrants)
      .set({ reviewedAt: input.now ?? new Date(), reviewedById: actor.userId, reviewNote: input.note })
      .where(and(eq(emergencyAccessGrants.id, grant.id), isNull(emergencyAccessGrants.reviewedAt)));
    await recordStaffAudit(tx, actor, {
      action: "emergency_access.reviewed",
      target: grantTarget(grant),
      clientId: await grantChartId(tx, grant),
      metadata: { grantId: grant.id },
    });
  });
}
