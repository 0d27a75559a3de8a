import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { roles } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import type { RolePermissions } from "@/lib/access/permissions";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { assertOrganisationKeepsAnAdmin } from "./admin-count";
import { findRole, isUniqueViolation } from "./guard";
import { once } from "@/lib/idempotency/once";

/** Creates a custom role (no roleId) or updates a role's name and permission matrix. */
export async function saveRole(
  actor: StaffActor,
  input: { roleId?: string; name: string; permissions: RolePermissions; idempotencyKey?: string },
): Promise<{ roleId: string }> {
  await assertCan(actor, "settings:edit");
  const db = await getDb();
  try {
    return await db.transaction((tx) =>
      once(tx, { actor, key: input.roleId ? undefined : input.idempotencyKey, action: "role.create" }, async () => {
        if (!input.roleId) {
          const [role] = await tx
            .insert(roles)
            .values({ organisationId: actor.organisationId, name: input.name, ...input.permissions })
            .returning({ id: roles.id });
          await recordStaffAudit(tx, actor, {
            action: "role.created",
            target: { type: "role", id: role!.id },
            metadata: { name: input.name, permissions: input.permissions },
          });
          return { roleId: role!.id };
        }
        const before = await findRole(tx, actor, input.roleId);
        await tx.update(roles).set({ name: input.name, ...input.permissions }).where(eq(roles.id, before.id));
        // Lowering the settings level of a role may leave nobody able to administer the organisation.
        await assertOrganisationKeepsAnAdmin(tx, actor.organisationId);
        await recordStaffAudit(tx, actor, {
          action: "role.updated",
          target: { type: "role", id: before.id },
          metadata: { name: input.name, permissions: input.permissions },
        });
        return { roleId: before.id };
      }));
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("name_taken", { field: "name" });
    throw e;
  }
}
