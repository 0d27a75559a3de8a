import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, selectRows } from "@/db/client";
import * as s from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { inviteMember } from "@/lib/organisations/invite-member";
import { changeMemberRole } from "@/lib/organisations/change-member-role";
import { changeTeamMembership } from "@/lib/organisations/change-team-membership";
import { createTeam } from "@/lib/organisations/create-team";
import { deleteRole } from "@/lib/organisations/delete-role";
import { listMembers, listRoles, listTeams } from "@/lib/organisations/queries";
import { removeMember } from "@/lib/organisations/remove-member";
import { renameTeam } from "@/lib/organisations/rename-team";
import { deleteTeam } from "@/lib/organisations/delete-team";
import { saveRole } from "@/lib/organisations/save-role";
import { setMemberTeams } from "@/lib/organisations/set-member-teams";
import { BUILT_IN_ROLES } from "@/lib/access/permissions";
import { createMember, createOrganisation, createTeam as makeTeam } from "../support/factories";

/** Row counts of everything a settings operation could change. */
async function snapshot() {
  const db = await getDb();
  const count = async (table: string) => (await selectRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;
  const roleRows = await db.select().from(s.roles).orderBy(s.roles.id);
  const memberRows = await db.select().from(s.memberships).orderBy(s.memberships.id);
  const teamRows = await db.select().from(s.teams).orderBy(s.teams.id);
  return { users: await count("users"), teamMembers: await count("team_members"), outbox: await count("outbox"), roleRows, memberRows, teamRows };
}

describe("settings are for admins only", () => {
  let org: Awaited<ReturnType<typeof createOrganisation>>;
  let admin: StaffActor;
  let clinician: StaffActor;
  let secretary: StaffActor;
  let teamId: string;

  beforeAll(async () => {
    org = await createOrganisation();
    teamId = (await makeTeam(org.id, "Psychology")).id;
    admin = await createMember(org, { role: "admin" });
    clinician = await createMember(org, { role: "clinician", teamIds: [teamId] });
    secretary = await createMember(org, { role: "medical_secretary" });
  });

  const attempts: [string, (actor: StaffActor) => Promise<unknown>][] = [
    ["invite a member", (a) => inviteMember(a, { name: "Eve", email: "eve@clinic.test", roleId: org.roles.admin, teamIds: [] })],
    ["change a role", (a) => changeMemberRole(a, { membershipId: a.membershipId, roleId: org.roles.admin })],
    ["change teams", (a) => setMemberTeams(a, { membershipId: a.membershipId, teamIds: [] })],
    ["remove a member", (a) => removeMember(a, { membershipId: admin.membershipId })],
    ["create a team", (a) => createTeam(a, { name: "Shadow team" })],
    ["rename a team", (a) => renameTeam(a, { teamId, name: "Renamed" })],
    ["delete a team", (a) => deleteTeam(a, { teamId })],
    ["join a team", (a) => changeTeamMembership(a, { teamId, membershipId: a.membershipId, change: "remove" })],
    ["create a role", (a) => saveRole(a, { name: "Superuser", permissions: BUILT_IN_ROLES.admin.permissions })],
    ["edit a role", (a) => saveRole(a, { roleId: org.roles.clinician, name: "Clinician", permissions: BUILT_IN_ROLES.admin.permissions })],
    ["delete a role", (a) => deleteRole(a, { roleId: org.roles.medical_secretary })],
    ["list members", (a) => listMembers(a)],
    ["list teams", (a) => listTeams(a)],
    ["list roles", (a) => listRoles(a)],
  ];

  for (const [what, attempt] of attempts) {
    it(`refuses a clinician and a medical secretary who try to ${what}, and changes nothing`, async () => {
      for (const actor of [clinician, secretary]) {
        const before = await snapshot();
        await expect(attempt(actor)).rejects.toMatchObject({ code: "forbidden" });
        expect(await snapshot()).toEqual(before);
      }
    });
  }

  it("audits each refusal", async () => {
    const db = await getDb();
    const refused = await db.select().from(s.auditEvents).where(eq(s.auditEvents.action, "access.refused"));
    expect(refused.filter((e) => e.actorId === clinician.userId).length).toBeGreaterThanOrEqual(attempts.length);
    expect(refused.every((e) => e.organisationId === org.id)).toBe(true);
  });

  it("lets an admin invite a member with a role and teams, audited", async () => {
    const { membershipId } = await inviteMember(admin, { name: "Dr Ruth Ade", email: "Ruth@Clinic.test", roleId: org.roles.clinician, teamIds: [teamId] });
    const member = (await listMembers(admin)).find((m) => m.membershipId === membershipId)!;
    expect(member).toMatchObject({ name: "Dr Ruth Ade", email: "ruth@clinic.test", roleName: "Clinician", status: "invited" });
    expect(member.teams.map((t) => t.name)).toEqual(["Psychology"]);
    const db = await getDb();
    const [event] = await db.select().from(s.auditEvents).where(eq(s.auditEvents.targetId, membershipId));
    expect(event).toMatchObject({ action: "member.invited", actorId: admin.userId });
  });

  it("refuses a second membership for the same email with a clear code", async () => {
    await expect(
      inviteMember(admin, { name: "Again", email: clinician.email.toUpperCase(), roleId: org.roles.clinician, teamIds: [] }),
    ).rejects.toMatchObject({ code: "already_member" });
  });

  it("refuses a team of another organisation as if it did not exist, and writes nothing", async () => {
    const other = await createOrganisation();
    const foreignTeam = await makeTeam(other.id);
    const before = await snapshot();
    await expect(
      inviteMember(admin, { name: "Zed", email: "zed@clinic.test", roleId: org.roles.clinician, teamIds: [foreignTeam.id] }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await snapshot()).toEqual(before);
  });

  it("gives a clear code for a duplicate team name", async () => {
    await expect(createTeam(admin, { name: "psychology" })).rejects.toMatchObject({ code: "name_taken" });
  });

  it("lets an admin create a custom role and edit its matrix", async () => {
    const { roleId } = await saveRole(admin, { name: "Reception", permissions: { ...BUILT_IN_ROLES.medical_secretary.permissions, invoices: "view" } });
    await saveRole(admin, { roleId, name: "Front desk", permissions: { ...BUILT_IN_ROLES.medical_secretary.permissions, labs: "none" } });
    const role = (await listRoles(admin)).find((r) => r.id === roleId)!;
    expect(role).toMatchObject({ name: "Front desk", labs: "none", invoices: "edit", builtIn: null });
    await deleteRole(admin, { roleId });
    expect((await listRoles(admin)).some((r) => r.id === roleId)).toBe(false);
  });

  it("does not delete a built-in role", async () => {
    await expect(deleteRole(admin, { roleId: org.roles.clinician })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("an organisation always keeps an admin", () => {
  it("refuses to demote, remove or strip the settings of the last admin, and changes nothing", async () => {
    const org = await createOrganisation();
    const admin = await createMember(org, { role: "admin" });
    await createMember(org, { role: "clinician" });
    const before = await snapshot();
    await expect(changeMemberRole(admin, { membershipId: admin.membershipId, roleId: org.roles.clinician })).rejects.toMatchObject({ code: "last_admin" });
    await expect(removeMember(admin, { membershipId: admin.membershipId })).rejects.toMatchObject({ code: "last_admin" });
    await expect(
      saveRole(admin, { roleId: org.roles.admin, name: "Admin", permissions: { ...BUILT_IN_ROLES.admin.permissions, settings: "view" } }),
    ).rejects.toMatchObject({ code: "last_admin" });
    expect(await snapshot()).toEqual(before);
  });

  it("allows demoting one admin while another remains", async () => {
    const org = await createOrganisation();
    const first = await createMember(org, { role: "admin" });
    const second = await createMember(org, { role: "admin" });
    await changeMemberRole(first, { membershipId: second.membershipId, roleId: org.roles.clinician });
    const member = (await listMembers(first)).find((m) => m.membershipId === second.membershipId)!;
    expect(member.roleName).toBe("Clinician");
  });
});

describe("the roles list", () => {
  it("counts the active members holding each role", async () => {
    const org = await createOrganisation();
    const admin = await createMember(org, { role: "admin" });
    await createMember(org, { role: "clinician" });
    const leaver = await createMember(org, { role: "clinician" });
    await removeMember(admin, { membershipId: leaver.membershipId });
    const counts = Object.fromEntries((await listRoles(admin)).map((r) => [r.name, r.memberCount]));
    expect(counts).toEqual({ Admin: 1, Clinician: 1, "Medical secretary": 0 });
  });
});
