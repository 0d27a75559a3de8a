import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, staffAuthSessions } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";

/**
 * Moves the current sign-in into another organisation the person is an active member of. The
 * organisation lives on the auth-session row, so the next request acts there; anything else
 * (another tenant, a membership that ended) is refused as not found.
 */
export async function switchOrganisation(actor: StaffActor, input: { organisationId: string }): Promise<void> {
  const authSessionId = actor.authSession?.id;
  if (!authSessionId) throw new AppError("unauthenticated");
  if (input.organisationId === actor.organisationId) return;
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [membership] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.userId, actor.userId), eq(memberships.organisationId, input.organisationId), eq(memberships.status, "active")))
      .for("share")
      .limit(1);
    if (!membership) throw new AppError("not_found");
    const moved = await tx
      .update(staffAuthSessions)
      .set({ organisationId: input.organisationId, lastActiveAt: new Date() })
      .where(and(eq(staffAuthSessions.id, authSessionId), eq(staffAuthSessions.userId, actor.userId), isNull(staffAuthSessions.endedAt)))
      .returning({ id: staffAuthSessions.id });
    if (moved.length === 0) throw new AppError("unauthenticated");
    // Recorded in the organisation entered, naming the one left.
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor: { type: "user", id: actor.userId },
      action: "auth.organisation_switched",
      target: { type: "auth_session", id: authSessionId },
      metadata: { fromOrganisationId: actor.organisationId },
    });
  });
}
