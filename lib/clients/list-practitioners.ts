import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { getDb } from "@/db/client";
import { memberships, roles, users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { roleMayHoldClientAccess } from "@/lib/access/clients";
import { rolePermissionColumns } from "@/lib/access/role-permission-columns";

/** Said wherever practitioners are picked for a chart, so nobody looks for the admins in vain. */
export const ALREADY_SEE_EVERY_CHART = "Admins and medical secretaries already see every chart, so they are not listed.";

export interface Practitioner {
  userId: string;
  name: string;
  email: string;
  roleName: string;
}

/**
 * Active members whose role opens charts on their access list (client scope "assigned"): the people
 * an access list may hold, and the practitioners offered wherever a chart is assigned. Admins and
 * medical secretaries see every chart already, so they are not listed.
 */
export async function listPractitioners(actor: StaffActor, exec?: Executor): Promise<Practitioner[]> {
  const db = exec ?? (await getDb());
  const rows = await db
    .select({ userId: users.id, name: users.name, email: users.email, roleName: roles.name, permissions: rolePermissionColumns })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(roles, eq(roles.id, memberships.roleId))
    .where(and(eq(memberships.organisationId, actor.organisationId), eq(memberships.status, "active")))
    .orderBy(asc(users.name));
  return rows.filter((r) => roleMayHoldClientAccess(r.permissions)).map((r) => ({ userId: r.userId, name: r.name, email: r.email, roleName: r.roleName }));
}
