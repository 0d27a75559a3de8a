import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import { loadStaffActor } from "@/lib/auth/load-staff-actor";
import { verifyStaffCredentials } from "@/lib/auth/verify-staff-credentials";
import { acceptInvitation, describeInvitation } from "@/lib/organisations/accept-invitation";
import { changeInvitation } from "@/lib/organisations/change-invitation";
import { inviteMember } from "@/lib/organisations/invite-member";
import { listMembers } from "@/lib/organisations/queries";
import { removeMember } from "@/lib/organisations/remove-member";
import { resetRateLimits } from "@/lib/rate-limit";
import { createSession } from "@/lib/sessions/create-session";
import { createMember, createOrganisation, createTeam, TEST_PASSWORD } from "../support/factories";
import { latestMessageTo, tokenFromLink } from "../support/outbox";

// Issue 9 item 3, staff side: inviting someone who works at another clinic is an ordinary
// invitation (nothing tells one clinic who works at another); accepting with the existing
// password gives a second membership, and everything keeps working with two.
const client = { ip: "192.0.2.77", userAgent: null };

async function rosaAtHarbour(email: string) {
  const harbour = await createOrganisation("Harbour Health Group");
  const team = await createTeam(harbour.id, "Psychology");
  const rosa = await createMember(harbour, { role: "clinician", name: "Dr Rosa Diaz", email, teamIds: [team.id] });
  const northside = await createOrganisation("Northside Practice");
  const northsideAdmin = await createMember(northside, { role: "admin", name: "Noor Haddad" });
  return { harbour, team, rosa, northside, northsideAdmin };
}

describe("staff invitations across organisations", () => {
  beforeEach(() => resetRateLimits());

  it("inviting another clinic's staff email is an ordinary invitation: same answer, same list row, same email as a new address", async () => {
    const { rosa, northside, northsideAdmin } = await rosaAtHarbour("rosa1@clinic.test");
    const known = await inviteMember(northsideAdmin, { name: "R. Diaz (locum)", email: " ROSA1@clinic.test ", roleId: northside.roles.clinician, teamIds: [] });
    const fresh = await inviteMember(northsideAdmin, { name: "New Person", email: "nobody-yet@clinic.test", roleId: northside.roles.clinician, teamIds: [] });
    expect(Object.keys(known)).toEqual(Object.keys(fresh));

    const rows = await listMembers(northsideAdmin);
    const row = rows.find((m) => m.membershipId === known.membershipId)!;
    // Northside's own name for the invitee, not the account's name from Harbour; nothing else of Harbour's.
    expect(row).toMatchObject({ name: "R. Diaz (locum)", email: "rosa1@clinic.test", status: "invited", roleName: "Clinician", teams: [] });
    expect(JSON.stringify(rows)).not.toContain("Psychology");
    // Harbour's record of Rosa is untouched.
    const db = await getDb();
    const [user] = await db.select().from(s.users).where(eq(s.users.id, rosa.userId));
    expect(user!.name).toBe("Dr Rosa Diaz");
    expect((await loadStaffActor(rosa.userId, rosa.organisationId))?.name).toBe("Dr Rosa Diaz");

    const message = await latestMessageTo("rosa1@clinic.test", "member-invitation");
    expect(message?.subject).toBe("Noor Haddad invited you to Northside Practice on Carebridge");
    expect(message?.text).toContain("Hello R. Diaz (locum),");
    expect(message?.text).not.toContain("Harbour");
    // Resending keeps Northside's name too.
    await changeInvitation(northsideAdmin, { membershipId: known.membershipId, change: "resend" });
    expect((await latestMessageTo("rosa1@clinic.test", "member-invitation"))?.text).toContain("Hello R. Diaz (locum),");
  });

  it("the invitee accepts with their existing password (no new one) and gains a second active membership", async () => {
    const { harbour, rosa, northside, northsideAdmin } = await rosaAtHarbour("rosa2@clinic.test");
    const { membershipId } = await inviteMember(northsideAdmin, { name: "Rosa Diaz", email: "rosa2@clinic.test", roleId: northside.roles.medical_secretary, teamIds: [] });
    const token = tokenFromLink((await latestMessageTo("rosa2@clinic.test", "member-invitation"))?.link);
    expect(await describeInvitation(token)).toEqual({ email: "rosa2@clinic.test", name: "Rosa Diaz", organisationName: "Northside Practice", hasAccount: true });
    expect((await latestMessageTo("rosa2@clinic.test", "member-invitation"))?.text).toContain("You already have a Carebridge account");

    // Choosing a new password through the link would replace Harbour's login: refused.
    await expect(acceptInvitation({ token, password: "a-takeover-password" })).rejects.toMatchObject({ code: "has_account" });
    await expect(acceptInvitation({ token, existingPassword: "wrong-password-here", client })).rejects.toMatchObject({ code: "wrong_password" });
    expect(await loadStaffActor(rosa.userId, northside.id)).toBeNull();

    await acceptInvitation({ token, existingPassword: TEST_PASSWORD, client });
    const db = await getDb();
    const active = await db.select().from(s.memberships).where(and(eq(s.memberships.userId, rosa.userId), eq(s.memberships.status, "active")));
    expect(active.map((m) => m.organisationId).sort()).toEqual([harbour.id, northside.id].sort());
    expect((await listMembers(northsideAdmin)).find((m) => m.membershipId === membershipId)).toMatchObject({ status: "active" });
    // The password did not change: it still signs in, and the new password does not.
    expect(await verifyStaffCredentials({ email: "rosa2@clinic.test", password: "a-takeover-password", client })).toMatchObject({ ok: false });
    const signedIn = await verifyStaffCredentials({ email: "rosa2@clinic.test", password: TEST_PASSWORD, client });
    // Two active memberships: the most recently joined is the one signed into, every time.
    expect(signedIn).toMatchObject({ ok: true, userId: rosa.userId, organisationId: northside.id });
    expect(await verifyStaffCredentials({ email: "rosa2@clinic.test", password: TEST_PASSWORD, client })).toMatchObject({ organisationId: northside.id });
    const northsideRosa = await loadStaffActor(rosa.userId, northside.id);
    expect(northsideRosa?.role.name).toBe("Medical secretary");
    expect((await loadStaffActor(rosa.userId, harbour.id))?.role.name).toBe("Clinician");

    // Leaving Northside leaves Harbour as it was, and sign-in falls back to it.
    await removeMember(northsideAdmin, { membershipId });
    expect(await loadStaffActor(rosa.userId, harbour.id)).not.toBeNull();
    expect(await verifyStaffCredentials({ email: "rosa2@clinic.test", password: TEST_PASSWORD, client })).toMatchObject({ ok: true, organisationId: harbour.id });
  });

  it("a person with two memberships acts in one organisation only: teams of the other are not theirs here", async () => {
    const { harbour, team, rosa, northside, northsideAdmin } = await rosaAtHarbour("rosa3@clinic.test");
    await inviteMember(northsideAdmin, { name: "Rosa Diaz", email: "rosa3@clinic.test", roleId: northside.roles.clinician, teamIds: [] });
    await acceptInvitation({ token: tokenFromLink((await latestMessageTo("rosa3@clinic.test", "member-invitation"))?.link), existingPassword: TEST_PASSWORD, client });
    const atNorthside = (await loadStaffActor(rosa.userId, northside.id))!;
    expect(atNorthside.teamIds).toEqual([]);
    expect((await loadStaffActor(rosa.userId, harbour.id))!.teamIds).toEqual([team.id]);
    // A Northside session cannot be put in Harbour's team.
    await expect(createSession(atNorthside, { title: "Intake", teamId: team.id, visibility: "team", clientId: null })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("someone already active or invited here still gets a clear field message", async () => {
    const { rosa, harbour } = await rosaAtHarbour("rosa4@clinic.test");
    const harbourAdmin = await createMember(harbour, { role: "admin" });
    await expect(inviteMember(harbourAdmin, { name: "Rosa", email: rosa.email, roleId: harbour.roles.clinician, teamIds: [] })).rejects.toMatchObject({
      code: "already_member",
      details: { field: "email" },
    });
    await inviteMember(harbourAdmin, { name: "Pending Person", email: "pending4@clinic.test", roleId: harbour.roles.clinician, teamIds: [] });
    // Invited and not yet accepted: said as such, not as "already a member".
    await expect(inviteMember(harbourAdmin, { name: "Again", email: "pending4@clinic.test", roleId: harbour.roles.clinician, teamIds: [] })).rejects.toMatchObject({
      code: "already_invited",
      details: { field: "email" },
    });
  });

  it("a brand-new address invited by two clinics: the first link sets the password, the second asks for it", async () => {
    const a = await createOrganisation("Harbour Health Group");
    const aAdmin = await createMember(a, { role: "admin" });
    const b = await createOrganisation("Northside Practice");
    const bAdmin = await createMember(b, { role: "admin" });
    await inviteMember(aAdmin, { name: "Sam at Harbour", email: "sam5@clinic.test", roleId: a.roles.clinician, teamIds: [] });
    const aToken = tokenFromLink((await latestMessageTo("sam5@clinic.test", "member-invitation"))?.link);
    await inviteMember(bAdmin, { name: "Sam at Northside", email: "sam5@clinic.test", roleId: b.roles.clinician, teamIds: [] });
    const bToken = tokenFromLink((await latestMessageTo("sam5@clinic.test", "member-invitation"))?.link);
    expect((await listMembers(aAdmin)).find((m) => m.email === "sam5@clinic.test")?.name).toBe("Sam at Harbour");
    expect(await describeInvitation(aToken)).toMatchObject({ name: "Sam at Harbour", hasAccount: false });
    await acceptInvitation({ token: aToken, password: "sams-own-password" });
    expect(await describeInvitation(bToken)).toMatchObject({ name: "Sam at Northside", organisationName: "Northside Practice", hasAccount: true });
    await acceptInvitation({ token: bToken, existingPassword: "sams-own-password", client });
    expect((await listMembers(bAdmin)).find((m) => m.email === "sam5@clinic.test")?.status).toBe("active");
  });
});
