import "server-only";
import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import type { StaffActor } from "./actor";
import { levelAtLeast, type Area } from "./permissions";

/** An organisation-level permission: an area and the level the action needs. */
export type AreaPermission = `${Area}:${"view" | "edit"}`;

export function can(actor: StaffActor, permission: AreaPermission): boolean {
  const [area, level] = permission.split(":") as [Area, "view" | "edit"];
  return levelAtLeast(actor.role.permissions[area], level);
}

/** Throws `forbidden` (and audits the refusal) unless the actor holds the permission. */
export async function assertCan(actor: StaffActor, permission: AreaPermission): Promise<void> {
  if (can(actor, permission)) return;
  await auditRefusal(actor, permission);
  throw new AppError("forbidden");
}

export async function auditRefusal(actor: StaffActor, what: string, target?: { type: string; id: string }): Promise<void> {
  const db = await getDb();
  await recordStaffAudit(db, actor, {
    action: "access.refused",
    target,
    metadata: { needed: what },
  });
}
