import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, organisations, roles, teamMembers, teams, users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";

/** Reads the person's active membership and role from the database. Null if there is none. */
export async function loadStaffActor(userId: string, organisationId: string): Promise<StaffActor | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      organisationId: organisations.id,
      organisationName: organisations.name,
      membershipId: memberships.id,
      role: roles,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .innerJoin(roles, eq(roles.id, memberships.roleId))
    .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId), eq(memberships.status, "active")))
    .limit(1);
  if (!row) return null;
  // Only this organisation's teams: someone who works at two clinics has team places in both.
  const teamRows = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teamMembers.userId, userId), eq(teams.organisationId, organisationId)));
  const r = row.role;
  return {
    userId: row.userId,
    name: row.name,
    email: row.email,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    membershipId: row.membershipId,
    role: {
      id: r.id,
      name: r.name,
      builtIn: r.builtIn,
      permissions: {
        contacts: r.contacts,
        letters: r.letters,
        patients: r.patients,
        labs: r.labs,
        invoices: r.invoices,
        sessions: r.sessions,
        settings: r.settings,
        clientScope: r.clientScope,
      },
    },
    teamIds: teamRows.map((t) => t.teamId),
  };
}
