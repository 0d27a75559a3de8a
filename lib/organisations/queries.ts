import "server-only";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, roles, teamMembers, teams, users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { AppError } from "@/lib/errors";

export interface MemberRow {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  status: "active" | "invited" | "left";
  roleId: string;
  roleName: string;
  teams: { id: string; name: string }[];
  joinedAt: Date;
}

// Until accepted, the name this clinic typed: the account may be another clinic's.
const memberName = sql<string>`case when ${memberships.status} = 'invited' then coalesce(${memberships.invitedName}, ${users.name}) else ${users.name} end`;

/** Members of the actor's organisation (former members last), for the settings pages. */
export async function listMembers(actor: StaffActor, opts: { includeLeft?: boolean } = {}): Promise<MemberRow[]> {
  await assertCan(actor, "settings:edit");
  const db = await getDb();
  const rows = await db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: memberName,
      email: users.email,
      status: memberships.status,
      roleId: roles.id,
      roleName: roles.name,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(roles, eq(roles.id, memberships.roleId))
    .where(and(eq(memberships.organisationId, actor.organisationId), opts.includeLeft ? undefined : ne(memberships.status, "left")))
    .orderBy(sql`${memberships.status} = 'left'`, asc(memberName));
  const teamsByUser = await teamsOfUsers(actor.organisationId, rows.map((r) => r.userId));
  return rows.map((r) => ({ ...r, teams: teamsByUser.get(r.userId) ?? [] }));
}

export async function getMember(actor: StaffActor, membershipId: string): Promise<MemberRow> {
  const member = (await listMembers(actor, { includeLeft: true })).find((m) => m.membershipId === membershipId);
  if (!member) throw new AppError("not_found");
  return member;
}

async function teamsOfUsers(organisationId: string, userIds: string[]) {
  const map = new Map<string, { id: string; name: string }[]>();
  if (!userIds.length) return map;
  const db = await getDb();
  const rows = await db
    .select({ userId: teamMembers.userId, id: teams.id, name: teams.name })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teams.organisationId, organisationId), inArray(teamMembers.userId, userIds)))
    .orderBy(asc(teams.name));
  for (const r of rows) map.set(r.userId, [...(map.get(r.userId) ?? []), { id: r.id, name: r.name }]);
  return map;
}

export interface TeamRow {
  id: string;
  name: string;
  members: { membershipId: string; userId: string; name: string; email: string }[];
}

export async function listTeams(actor: StaffActor): Promise<TeamRow[]> {
  await assertCan(actor, "settings:edit");
  const db = await getDb();
  const teamRows = await db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.organisationId, actor.organisationId)).orderBy(asc(teams.name));
  const memberRows = teamRows.length
    ? await db
        .select({ teamId: teamMembers.teamId, membershipId: memberships.id, userId: users.id, name: users.name, email: users.email })
        .from(teamMembers)
        .innerJoin(users, eq(users.id, teamMembers.userId))
        .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.organisationId, actor.organisationId), eq(memberships.status, "active")))
        .where(inArray(teamMembers.teamId, teamRows.map((t) => t.id)))
        .orderBy(asc(users.name))
    : [];
  return teamRows.map((t) => ({ ...t, members: memberRows.filter((m) => m.teamId === t.id) }));
}

export async function listRoles(actor: StaffActor) {
  await assertCan(actor, "settings:edit");
  const db = await getDb();
  const rows = await db
    .select({ role: roles, memberCount: sql<number>`count(${memberships.id})::int` })
    .from(roles)
    .leftJoin(memberships, and(eq(memberships.roleId, roles.id), eq(memberships.status, "active")))
    .where(eq(roles.organisationId, actor.organisationId))
    .groupBy(roles.id)
    .orderBy(sql`${roles.builtIn} is null`, asc(roles.name));
  return rows.map(({ role, memberCount }) => ({ ...role, memberCount }));
}

export async function getRole(actor: StaffActor, roleId: string) {
  const role = (await listRoles(actor)).find((r) => r.id === roleId);
  if (!role) throw new AppError("not_found");
  return role;
}
