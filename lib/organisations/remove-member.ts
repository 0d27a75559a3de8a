import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clientAccess, clients, clinicalSessions, memberships, sessionShares, teamMembers, teams } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { endAuthSessions } from "@/lib/auth/auth-sessions/end-auth-sessions";
import { AppError } from "@/lib/errors";
import { transferOwnedSessions } from "@/lib/sessions/transfer-sessions";
import { assertOrganisationKeepsAnAdmin } from "./admin-count";
import { findMembership } from "./guard";
import { markNoticesRead } from "@/lib/notifications/mark-notices-read";

/**
 * Ends a membership. In the same transaction the person loses every session share, team place
 * and chart access in this organisation, and their sign-ins here end, so their very next request finds nothing, and the
 * sessions they owned pass to the colleague the admin chose (required when they own any).
 */
export async function removeMember(actor: StaffActor, input: { membershipId: string; successorMembershipId?: string | null }): Promise<void> {
  await assertCan(actor, "settings:edit");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const membership = await findMembership(tx, actor, input.membershipId);
    if (membership.status === "left") throw new AppError("not_found");
    const userId = membership.userId;
    const org = actor.organisationId;

    await tx.update(memberships).set({ status: "left", leftAt: new Date() }).where(eq(memberships.id, membership.id));
    const removedShares = await tx
      .delete(sessionShares)
      .where(
        and(
          eq(sessionShares.userId, userId),
          inArray(sessionShares.sessionId, tx.select({ id: clinicalSessions.id }).from(clinicalSessions).where(eq(clinicalSessions.organisationId, org))),
        ),
      )
      .returning({ id: sessionShares.id });
    const handover = await transferOwnedSessions(tx, actor, { leaverUserId: userId, successorMembershipId: input.successorMembershipId });
    await tx
      .delete(teamMembers)
      .where(and(eq(teamMembers.userId, userId), inArray(teamMembers.teamId, tx.select({ id: teams.id }).from(teams).where(eq(teams.organisationId, org)))));
    await tx
      .delete(clientAccess)
      .where(and(eq(clientAccess.userId, userId), inArray(clientAccess.clientId, tx.select({ id: clients.id }).from(clients).where(eq(clients.organisationId, org)))));
    // Their sign-ins in this organisation end too (one in another organisation of theirs cannot switch back here).
    await endAuthSessions(tx, {
      userId,
      organisationId: org,
      reason: "member_removed",
      audit: { actor: { type: "user", id: actor.userId }, organisationId: org, target: { type: "membership", id: membership.id } },
    });
    await markNoticesRead(tx, { organisationId: org, userIds: [userId] });
    await assertOrganisationKeepsAnAdmin(tx, org);
    await recordStaffAudit(tx, actor, {
      action: "member.removed",
      target: { type: "membership", id: membership.id },
      metadata: { userId, sessionSharesRemoved: removedShares.length, sessionsTransferred: handover.transferred, successorUserId: handover.successorUserId },
    });
  });
}

