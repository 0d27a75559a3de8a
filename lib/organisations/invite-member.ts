import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, teamMembers, users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { issueActionToken } from "@/lib/auth/action-tokens";
import { AppError, conflictAt } from "@/lib/errors";
import { once } from "@/lib/idempotency/once";
import { scheduleOutboxDelivery } from "@/lib/outbox/schedule-delivery";
import { assertTeamsInOrganisation, findRole } from "./guard";
import { queueInvitationEmail } from "./invitation-email";

/**
 * Invites a person to the organisation with a role and teams. They get an email with a one-time
 * link to set their password (or, with an account already, to accept with it); until then the
 * membership is "invited" and grants nothing. A former member is invited back the same way, and
 * someone who works at another clinic gains a second membership. Only an active or invited
 * member of this organisation is refused (already_member).
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

      // users.email is unique across clinics, so the address may already have an account — here
      // (a former member) or at another clinic. Either way the invitation looks and behaves the
      // same to this clinic: nothing tells one clinic who works at another, and the account's name
      // is not touched (the clinic's own name for the invitee lives on the membership).
      const [existing] = await tx.select().from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
      let userId: string;
      let former = false;
      if (existing) {
        const [membership] = await tx
          .select()
          .from(memberships)
          .where(and(eq(memberships.userId, existing.id), eq(memberships.organisationId, actor.organisationId)))
          .limit(1);
        if (membership?.status === "invited") throw new AppError("already_invited", { field: "email" });
        if (membership && membership.status !== "left") throw new AppError("already_member", { field: "email" });
        former = Boolean(membership);
        userId = existing.id;
      } else {
        const [created] = await tx.insert(users).values({ email, name: input.name }).returning({ id: users.id });
        userId = created!.id;
      }

      const [membership] = await tx
        .insert(memberships)
        .values({ organisationId: actor.organisationId, userId, roleId: role.id, status: "invited", invitedName: input.name })
        .onConflictDoUpdate({ target: [memberships.organisationId, memberships.userId], set: { roleId: role.id, status: "invited", leftAt: null, invitedName: input.name } })
        .returning({ id: memberships.id });

      const teamIds = [...new Set(input.teamIds)];
      if (teamIds.length) await tx.insert(teamMembers).values(teamIds.map((teamId) => ({ teamId, userId }))).onConflictDoNothing();

      const token = await issueActionToken(tx, { purpose: "member_invitation", organisationId: actor.organisationId, createdById: actor.userId, userId, ttlHours: 24 });
      // Someone with an account accepts with their existing password (no new one is set).
      await queueInvitationEmail(tx, { actor, to: email, inviteeName: input.name, roleName: role.name, token, hasAccount: Boolean(existing?.passwordHash) });
      await recordStaffAudit(tx, actor, {
        action: former ? "member.reinvited" : "member.invited",
        target: { type: "membership", id: membership!.id },
        metadata: { userId, role: role.name, teamIds },
      });
      return { membershipId: membership!.id };
    })).catch(conflictAt("email", "already_invited"));
  scheduleOutboxDelivery();
  return result;
}
