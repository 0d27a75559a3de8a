import "server-only";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth/staff-actor";
import type { StaffActor } from "./actor";
import { auditRefusal, can, type AreaPermission } from "./can";

/** Page guard: the signed-in staff member, who must hold `permission`; anyone else sees "not found". */
export async function requireStaffWith(...anyOf: AreaPermission[]): Promise<StaffActor> {
  const actor = await requireStaff();
  if (anyOf.some((p) => can(actor, p))) return actor;
  await auditRefusal(actor, anyOf.join(" | "));
  notFound();
}
