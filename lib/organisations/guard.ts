import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { memberships, roles, teams } from "@/db/schema";
import { AppError, uniqueViolation } from "@/lib/errors";
import type { StaffActor } from "@/lib/access/actor";

/** Loads a membership of the actor's organisation, or not_found (ids from other organisations look absent). */
export async function findMembership(exec: Executor, actor: StaffActor, membershipId: string) {
  const [m] = await exec
    .select()
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.organisationId, actor.organisationId)))
    .limit(1);
  if (!m) throw new AppError("not_found");
  return m;
}

export async function findRole(exec: Executor, actor: StaffActor, roleId: string) {
  const [r] = await exec.select().from(roles).where(and(eq(roles.id, roleId), eq(roles.organisationId, actor.organisationId))).limit(1);
  if (!r) throw new AppError("not_found");
  return r;
}

export async function findTeam(exec: Executor, actor: StaffActor, teamId: string) {
  const [t] = await exec.select().from(teams).where(and(eq(teams.id, teamId), eq(teams.organisationId, actor.organisationId))).limit(1);
  if (!t) throw new AppError("not_found");
  return t;
}

export async function assertTeamsInOrganisation(exec: Executor, actor: StaffActor, teamIds: string[]) {
  for (const teamId of new Set(teamIds)) await findTeam(exec, actor, teamId);
}

/** Postgres unique violations become a friendly code instead of a stack trace. */
export function isUniqueViolation(e: unknown): boolean {
  return uniqueViolation(e) !== null;
}
