import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import { loadStaffActor } from "@/lib/auth/load-staff-actor";
import { removeMember } from "@/lib/organisations/remove-member";
import { acceptInvitation } from "@/lib/organisations/accept-invitation";
import { inviteMember } from "@/lib/organisations/invite-member";
import { latestMessageTo, tokenFromLink } from "../support/outbox";
import { listMembers } from "@/lib/organisations/queries";
import { createMember, createOrganisation, createTeam, TEST_PASSWORD } from "../support/factories";

describe("removing a member", () => {
  it("ends their access at once and removes their shares, teams and chart access in one transaction", async () => {
    const db = await getDb();
    const org = await createOrganisation();
    const team = await createTeam(org.id);
    const admin = await createMember(org, { role: "admin" });
    const owner = await createMember(org, { role: "clinician", teamIds: [team.id] });
    const leaver = await createMember(org, { role: "clinician", teamIds: [team.id] });

    const [client] = await db.insert(s.clients).values({ organisationId: org.id, firstName: "Jo", lastName: "Lee" }).returning();
    await db.insert(s.clientAccess).values({ clientId: client!.id, userId: leaver.userId });
    const [session] = await db.insert(s.clinicalSessions).values({ organisationId: org.id, ownerId: owner.userId, title: "Review" }).returning();
    await db.insert(s.sessionShares).values({ sessionId: session!.id, userId: leaver.userId, access: "edit", grantedById: owner.userId });

    expect(await loadStaffActor(leaver.userId, org.id)).not.toBeNull();
    await removeMember(admin, { membershipId: leaver.membershipId });

    // Their very next request finds no active membership.
    expect(await loadStaffActor(leaver.userId, org.id)).toBeNull();
    expect(await db.select().from(s.sessionShares).where(eq(s.sessionShares.userId, leaver.userId))).toEqual([]);
    expect(await db.select().from(s.teamMembers).where(eq(s.teamMembers.userId, leaver.userId))).toEqual([]);
    expect(await db.select().from(s.clientAccess).where(eq(s.clientAccess.userId, leaver.userId))).toEqual([]);
    const [m] = await db.select().from(s.memberships).where(eq(s.memberships.id, leaver.membershipId));
    expect(m).toMatchObject({ status: "left" });
    expect(m!.leftAt).toBeInstanceOf(Date);
    const [event] = await db.select().from(s.auditEvents).where(eq(s.auditEvents.action, "member.removed"));
    expect(event).toMatchObject({ actorId: admin.userId, targetId: leaver.membershipId, metadata: { userId: leaver.userId, sessionSharesRemoved: 1 } });
    // The owner keeps their access.
    expect(await loadStaffActor(owner.userId, org.id)).not.toBeNull();
  });

  it("cannot reach a member of another organisation", async () => {
    const orgA = await createOrganisation();
    const orgB = await createOrganisation();
    const adminA = await createMember(orgA, { role: "admin" });
    await createMember(orgB, { role: "admin" });
    const target = await createMember(orgB, { role: "clinician" });
    await expect(removeMember(adminA, { membershipId: target.membershipId })).rejects.toMatchObject({ code: "not_found" });
    expect(await loadStaffActor(target.userId, orgB.id)).not.toBeNull();
  });

  it("lets a former member be invited back with a new role", async () => {
    const org = await createOrganisation();
    const admin = await createMember(org, { role: "admin" });
    const leaver = await createMember(org, { role: "clinician", email: "back@clinic.test" });
    await removeMember(admin, { membershipId: leaver.membershipId });
    await inviteMember(admin, { name: "Back Again", email: "back@clinic.test", roleId: org.roles.medical_secretary, teamIds: [] });
    expect(await loadStaffActor(leaver.userId, org.id)).toBeNull(); // invited is not active
    // A former member still has their account: they accept with their existing password.
    const invitation = await latestMessageTo("back@clinic.test", "member-invitation");
    await acceptInvitation({ token: tokenFromLink(invitation?.link), existingPassword: TEST_PASSWORD, client: { ip: null, userAgent: null } });
    const actor = await loadStaffActor(leaver.userId, org.id);
    expect(actor?.role.name).toBe("Medical secretary");
    expect((await listMembers(admin)).filter((m) => m.email === "back@clinic.test")).toHaveLength(1);
  });
});
