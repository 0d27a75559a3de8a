import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { organisations, staffRecoveryCodes, staffTwoFactor, users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { queueEmail } from "@/lib/mail/queue-email";
import { findMembership } from "@/lib/organisations/guard";
import { appUrl } from "@/lib/urls";

/**
 * An admin resets a member's second factor (a lost or replaced phone): their authenticator secret
 * and recovery codes stop working, and they are emailed, so a reset they did not ask for is noticed.
 * Their password still guards the account; where the organisation requires two-factor sign-in they
 * are sent to set it up again at their next request. Returns whether there was anything to reset.
 */
export async function resetMemberTwoFactor(actor: StaffActor, input: { membershipId: string }): Promise<boolean> {
  await assertCan(actor, "settings:edit");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const membership = await findMembership(tx, actor, input.membershipId);
    if (membership.status !== "active") throw new AppError("not_found");
    const removed = await tx.delete(staffTwoFactor).where(eq(staffTwoFactor.userId, membership.userId)).returning({ enabledAt: staffTwoFactor.enabledAt });
    await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, membership.userId));
    const wasOn = removed.some((r) => r.enabledAt !== null);
    await recordStaffAudit(tx, actor, { action: "auth.two_factor_reset", target: { type: "membership", id: membership.id }, metadata: { wasOn } });
    if (!wasOn) return false;
    const [member] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, membership.userId));
    const [org] = await tx.select({ requireTwoFactor: organisations.requireTwoFactor }).from(organisations).where(eq(organisations.id, actor.organisationId));
    await queueEmail(tx, {
      organisationId: actor.organisationId,
      to: member!.email,
      template: "two-factor-reset",
      props: { clinicName: actor.organisationName, adminName: actor.name, memberName: member!.name, signInUrl: appUrl("/sign-in"), required: org!.requireTwoFactor },
    });
    return true;
  });
}
