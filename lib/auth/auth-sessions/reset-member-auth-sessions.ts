import "server-only";
import { getDb } from "@/db/client";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { AppError } from "@/lib/errors";
import { findMembership } from "@/lib/organisations/guard";
import { endAuthSessions } from "./end-auth-sessions";

/**
 * An admin signs a member out of every device (a lost laptop, a shared computer). All of the
 * person's sign-ins end, not only those currently in this organisation: a sign-in sitting in
 * another of their organisations could otherwise switch back here. Returns how many ended.
 */
export async function resetMemberAuthSessions(actor: StaffActor, input: { membershipId: string }): Promise<number> {
  await assertCan(actor, "settings:edit");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const membership = await findMembership(tx, actor, input.membershipId);
    if (membership.status !== "active") throw new AppError("not_found");
    const ended = await endAuthSessions(tx, {
      userId: membership.userId,
      reason: "admin_reset",
      audit: { actor: { type: "user", id: actor.userId }, organisationId: actor.organisationId, target: { type: "membership", id: membership.id } },
    });
    return ended.length;
  });
}
