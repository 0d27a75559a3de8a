import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { memberships, roles, users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";

/** An active member of the actor's organisation with their role's sessions permission, or null. */
export async function findActiveColleague(exec: Executor, actor: StaffActor, userId: string) {
  const [row] = await exec
    .select({ userId: users.id, name: users.name, email: users.email, sessions: roles.sessions })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(roles, eq(roles.id, memberships.roleId))
    .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, actor.organisationId), eq(memberships.status, "active")))
    .limit(1);
  return row ?? null;
}
