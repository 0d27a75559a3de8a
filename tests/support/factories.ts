import { randomBytes } from "node:crypto";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import { BUILT_IN_ROLES, type BuiltInRole } from "@/lib/access/permissions";
import type { StaffActor } from "@/lib/access/actor";
import { loadStaffActor } from "@/lib/auth/load-staff-actor";
import { hashPassword } from "@/lib/auth/password";

/** Test data built through the real schema: an organisation with the built-in roles. */
export async function createOrganisation(name = `Clinic ${randomBytes(3).toString("hex")}`) {
  const db = await getDb();
  const [org] = await db.insert(s.organisations).values({ name }).returning();
  const roles = {} as Record<BuiltInRole, string>;
  for (const [key, def] of Object.entries(BUILT_IN_ROLES) as [BuiltInRole, (typeof BUILT_IN_ROLES)[BuiltInRole]][]) {
    const [role] = await db.insert(s.roles).values({ organisationId: org!.id, name: def.name, builtIn: key, ...def.permissions }).returning();
    roles[key] = role!.id;
  }
  return { id: org!.id, name, roles };
}

let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = "correct-horse-battery";

export async function createMember(
  org: { id: string; roles: Record<BuiltInRole, string> },
  opts: { role?: BuiltInRole; roleId?: string; name?: string; email?: string; teamIds?: string[] } = {},
): Promise<StaffActor> {
  const db = await getDb();
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const email = opts.email ?? `${randomBytes(4).toString("hex")}@clinic.test`;
  const [user] = await db.insert(s.users).values({ email, name: opts.name ?? `Person ${email}`, passwordHash: await cachedHash }).returning();
  await db.insert(s.memberships).values({ organisationId: org.id, userId: user!.id, roleId: opts.roleId ?? org.roles[opts.role ?? "clinician"] });
  for (const teamId of opts.teamIds ?? []) await db.insert(s.teamMembers).values({ teamId, userId: user!.id });
  return (await loadStaffActor(user!.id, org.id))!;
}

export async function createTeam(orgId: string, name = `Team ${randomBytes(3).toString("hex")}`) {
  const db = await getDb();
  const [team] = await db.insert(s.teams).values({ organisationId: orgId, name }).returning();
  return team!;
}
