import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, roles } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { findRole } from "./guard";

/** Deletes a custom role that nobody holds. Built-in roles can be edited but not deleted. */
export async function deleteRole(actor: StaffActor, input: { roleId: string }): Promise<void> {
  await assertCan(actor, "settings:edit");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const role = await findRole(tx, actor, input.roleId);
    if (role.builtIn) throw new AppError("forbidden");
    // Former members keep a reference to their last role, so any reference blocks deletion.
    const [held] = await tx.select({ n: sql<number>`count(*)::int` }).from(memberships).where(eq(memberships.roleId, role.id));
    if (held && held.n > 0) throw new AppError("role_in_use");
    await tx.delete(roles).where(eq(roles.id, role.id));
    await recordStaffAudit(tx, actor, {
      action: "role.deleted",
      target: { type: "role", id: role.id },
      metadata: { name: role.name },
    });
  });
}
