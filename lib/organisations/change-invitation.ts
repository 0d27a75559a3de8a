import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { issueActionToken, revokeActionTokens } from "@/lib/auth/action-tokens";
import { AppError } from "@/lib/errors";
import { scheduleOutboxDelivery } from "@/lib/outbox/schedule-delivery";
import { findMembership, findRole } from "./guard";
import { INVITATION_HOURS, queueInvitationEmail } from "./invitation-email";

/** Resend: a new link by email, and the old one stops working. Revoke: the invitation ends. */
export async function changeInvitation(actor: StaffActor, input: { membershipId: string; change: "resend" | "revoke" }): Promise<void> {
  await assertCan(actor, "settings:edit");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const membership = await findMembership(tx, actor, input.membershipId);
    if (membership.status !== "invited") throw new AppError("not_found");
    if (input.change === "resend") {
      const [user] = await tx.select().from(users).where(eq(users.id, membership.userId));
      const role = await findRole(tx, actor, membership.roleId);
      const token = await issueActionToken(tx, {
        purpose: "member_invitation",
        organisationId: actor.organisationId,
        createdById: actor.userId,
        userId: membership.userId,
        ttlHours: INVITATION_HOURS,
      });
      await queueInvitationEmail(tx, { actor, to: user!.email, inviteeName: membership.invitedName ?? user!.name, roleName: role.name, token, hasAccount: Boolean(user!.passwordHash) });
    } else {
      await revokeActionTokens(tx, { purpose: "member_invitation", organisationId: actor.organisationId, userId: membership.userId });
      await tx.update(memberships).set({ status: "left", leftAt: new Date() }).where(eq(memberships.id, membership.id));
    }
    await recordStaffAudit(tx, actor, {
      action: input.change === "resend" ? "member.invitation_resent" : "member.invitation_revoked",
      target: { type: "membership", id: membership.id },
      metadata: { userId: membership.userId },
    });
  });
  scheduleOutboxDelivery();
}
