import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emergencyAccessGrants } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { grantUnendedSql } from "@/lib/access/emergency-access";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { grantChartId, grantTarget } from "./grant-chart";

/**
 * An admin ends a live emergency grant early: the holder loses the record at their next request.
 * A grant of another organisation, or one already over, is not_found. The holder is told in the app.
 */
export async function endEmergencyAccess(actor: StaffActor, input: { grantId: string; now?: Date }): Promise<void> {
  await assertCan(actor, "settings:edit");
  const now = input.now ?? new Date();
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [grant] = await tx
      .update(emergencyAccessGrants)
      .set({ endedAt: now, endedById: actor.userId })
      .where(
        and(
          eq(emergencyAccessGrants.id, input.grantId),
          eq(emergencyAccessGrants.organisationId, actor.organisationId),
          grantUnendedSql(now),
        ),
      )
      .returning({ id: emergencyAccessGrants.id, userId: emergencyAccessGrants.userId, clientId: emergencyAccessGrants.clientId, sessionId: emergencyAccessGrants.sessionId });
    if (!grant) throw new AppError("not_found");
    await recordStaffAudit(tx, actor, {
      action: "emergency_access.ended",
      target: grantTarget(grant),
      clientId: await grantChartId(tx, grant),
      metadata: { grantId: grant.id, holderId: grant.userId },
    });
    await notify(tx, {
      userId: grant.userId,
      organisationId: actor.organisationId,
      kind: "emergency_access_ended",
      text: `${actor.name} ended your emergency access to ${grant.clientId ? "a client chart" : "a session"}.`,
      link: "/notifications",
    });
  });
}
