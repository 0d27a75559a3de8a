import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { assertOrganisationKeepsAnAdmin } from "./admin-count";
import { findMembership, findRole } from "./guard";

export async function changeMemberRole(actor: StaffActor, input: { membershipId: string; roleId: string }): Promise<void> {
  await assertCan(actor, "settings:edit");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const membership = await findMembership(tx, actor, input.membershipId);
    if (membership.status === "left") throw new AppError("not_found");
    const [from, to] = [await findRole(tx, actor, membership.roleId), await findRole(tx, actor, input.roleId)];
    if (from.id === to.id) return;
    await tx.update(memberships).set({ roleId: to.id }).where(eq(memberships.id, membership.id));
    await assertOrganisationKeepsAnAdmin(tx, actor.organisationId);
    await recordStaffAudit(tx, actor, {
      action: "member.role_changed",
      target: { type: "membership", id: membership.id },
      metadata: { userId: membership.userId, from: from.name, to: to.name },
    });
  });
}
