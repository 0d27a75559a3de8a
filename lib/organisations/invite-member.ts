import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, teamMembers, users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { issueActionToken } from "@/lib/auth/action-tokens";
import { AppError, conflictAt } from "@/lib/errors";
import { scheduleOutboxDelivery } from "@/lib/outbox/schedule-delivery";
import { assertTeamsInOrganisation, findRole } from "./guard";
import { queueInvitationEmail } from "./invitation-email";
import { once } from "@/lib/idempotency/once";

/**
 * Invites a person to the organisation with a role and teams. They get an email with a one-time
 * link to set their password; until then the membership is "invited" and grants nothing.
 * A former member is invited back the same way.
 */
export async function inviteMember(
  actor: StaffActor,
  input: { name: string; email: string; roleId: string; teamIds: string[]; idempotencyKey?: string },
): Promise<{ membershipId: string }> {
  await assertCan(actor, "settings:edit");
  const email = input.email.trim().toLowerCase();
  const db = await getDb();
  const result = await db.transaction((tx) =>
    once(tx, { actor, key: input.idempotencyKey, action: "member.invite" }, async () => {
      const role = await findRole(tx, actor, input.roleId);
      await assertTeamsInOrganisation(tx, actor, input.teamIds);

      const [existing] = await tx.select().from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
      let userId: string;
      if (existing) {
        const [membership] = await tx
          .select()
          .from(memberships)
          .where(and(eq(memberships.userId, existing.id), eq(memberships.organisationId, actor.organisationId)))
          .limit(1);
        if (!membership) throw new AppError("email_in_use", { field: "email" });
        if (membership.status !== "left") throw new AppError("already_member", { field: "email" });
        userId = existing.id;
        await tx.update(users).set({ name: input.name }).where(eq(users.id, userId));
      } else {
        const [created] = await tx.insert(users).values({ email, name: input.name }).returning({ id: users.id });
        userId = created!.id;
      }

      const [membership] = await tx
        .insert(memberships)
        .values({ organisationId: actor.organisationId, userId, roleId: role.id, status: "invited" })
        .onConflictDoUpdate({ target: [memberships.organisationId, memberships.userId], set: { roleId: role.id, status: "invited", leftAt: null } })
        .returning({ id: memberships.id });

      const teamIds = [...new Set(input.teamIds)];
      if (teamIds.length) await tx.insert(teamMembers).values(teamIds.map((teamId) => ({ teamId, userId }))).onConflictDoNothing();

      const token = await issueActionToken(tx, { purpose: "member_invitation", organisationId: actor.organisationId, createdById: actor.userId, userId, ttlHours: 24 });
      await queueInvitationEmail(tx, { actor, to: email, inviteeName: input.name, roleName: role.name, token });
      await recordStaffAudit(tx, actor, {
        action: existing ? "member.reinvited" : "member.invited",
        target: { type: "membership", id: membership!.id },
        metadata: { userId, role: role.name, teamIds },
      });
      return { membershipId: membership!.id };
    })).catch(conflictAt("email", "already_member"));
  scheduleOutboxDelivery();
  return result;
}
