import { and, asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import { acceptPortalInvitation, describePortalInvitation } from "@/lib/client-portal/accept-portal-invitation";
import { findPortalProfile, listMyProfiles } from "@/lib/client-portal/portal-profiles";
import { verifyClientCredentials } from "@/lib/client-portal/verify-client-credentials";
import { createClient } from "@/lib/clients/create-client";
import { createSeparateProfile } from "@/lib/clients/create-separate-profile";
import { getPortalTab } from "@/lib/clients/get-portal-tab";
import { inviteToPortal } from "@/lib/clients/invite-to-portal";
import { revokePortalAccess } from "@/lib/clients/revoke-portal-access";
import { firstLink } from "@/lib/outbox/first-link";
import { resetRateLimits } from "@/lib/rate-limit";
import { createMember, createOrganisation } from "../support/factories";
import { latestMessageTo, tokenFromLink } from "../support/outbox";

// Issue 9 item 3: a portal login one clinic set up must not silently reach, or reveal anything
// to, a second clinic that invites the same email.
const ip = { ip: "192.0.2.91", userAgent: null };
const QUINN_PASSWORD = "quinn-portal-password";

async function twoClinics(email: string) {
  const harbour = await createOrganisation("Harbour Health Group");
  const harbourAdmin = await createMember(harbour, { role: "admin", name: "Ava Morgan" });
  const northside = await createOrganisation("Northside Practice");
  const northsideAdmin = await createMember(northside, { role: "admin", name: "Noor Haddad" });
  const harbourQuinn = (await createClient(harbourAdmin, { firstName: "Quinn", lastName: "Harbour-Recorded", dateOfBirth: "1990-01-01", email, phone: null, practitionerId: null })).clientId;
  const northsideQuinn = (await createClient(northsideAdmin, { firstName: "Q.", lastName: "Northside", dateOfBirth: null, email: email.toUpperCase(), phone: null, practitionerId: null })).clientId;
  return { harbour, harbourAdmin, northside, northsideAdmin, harbourQuinn, northsideQuinn };
}

async function outboxTo(email: string) {
  const db = await getDb();
  return db.select().from(s.outbox).where(eq(s.outbox.to, email)).orderBy(asc(s.outbox.createdAt));
}

const me = (accountId: string) => ({ accountId, name: "", email: "", sessionId: "" });

describe("portal logins across organisations", () => {
  beforeEach(() => resetRateLimits());

  it("a second clinic's invitation to an existing login is pending: no name, no state, no profile, no 'profile added' email", async () => {
    const email = "quinn1@example.test";
    const c = await twoClinics(email);
    await inviteToPortal(c.harbourAdmin, { clientId: c.harbourQuinn, who: "profile", canManage: true });
    const { accountId } = await acceptPortalInvitation({ token: tokenFromLink((await latestMessageTo(email, "portal-invitation"))?.link), password: QUINN_PASSWORD });
    const before = await outboxTo(email);

    const result = await inviteToPortal(c.northsideAdmin, { clientId: c.northsideQuinn, who: "profile", canManage: true });
    expect(result.emailed).toBe(true);

    // Northside sees its own name for the person and "invited" (Invitation sent), nothing of Harbour's.
    const tab = await getPortalTab(c.northsideAdmin, c.northsideQuinn);
    expect(tab.invitations).toHaveLength(1);
    expect(tab.invitations[0]).toMatchObject({ name: "Q. Northside", status: "invited", acceptedAt: null });
    expect(JSON.stringify(tab)).not.toContain("Harbour");

    // Quinn's login does not reach the profile, and cannot by signing in.
    expect((await listMyProfiles(me(accountId))).map((p) => p.clientId)).toEqual([c.harbourQuinn]);
    expect(await findPortalProfile(me(accountId), c.northsideQuinn)).toBeNull();
    expect(await verifyClientCredentials({ email, password: QUINN_PASSWORD, client: ip })).toMatchObject({ ok: true });
    expect((await listMyProfiles(me(accountId))).map((p) => p.clientId)).toEqual([c.harbourQuinn]);

    // One new email: Northside's invitation, naming Northside and its own record only.
    const after = await outboxTo(email);
    const sent = after.slice(before.length);
    expect(sent.map((m) => m.template)).toEqual(["portal-invitation"]);
    expect(sent[0]!.subject).toBe("Northside Practice invited you to its client portal");
    expect(sent[0]!.text).toContain("Hello Q. Northside,");
    expect(sent[0]!.text).toContain("You already have a client portal login with this email address");
    expect(sent[0]!.text).not.toContain("Harbour");
    const token = tokenFromLink(firstLink(sent[0]!.text));

    // The page names the clinic that asks, and asks for the existing password (not a new one).
    expect(await describePortalInvitation(token)).toEqual({ name: "Q. Northside", email, clinicName: "Northside Practice", hasLogin: true });
    // Choosing a new password through the link is refused: it would replace Quinn's.
    await expect(acceptPortalInvitation({ token, password: "a-takeover-password" })).rejects.toMatchObject({ code: "has_account" });
    await expect(acceptPortalInvitation({ token, existingPassword: "not-quinns-password", client: ip })).rejects.toMatchObject({ code: "wrong_password" });
    expect(await findPortalProfile(me(accountId), c.northsideQuinn)).toBeNull();

    // Accepted with the password: the login gains Northside's profile; the password is unchanged.
    await acceptPortalInvitation({ token, existingPassword: QUINN_PASSWORD, client: ip });
    expect((await listMyProfiles(me(accountId))).map((p) => p.clientId).sort()).toEqual([c.harbourQuinn, c.northsideQuinn].sort());
    expect((await getPortalTab(c.northsideAdmin, c.northsideQuinn)).invitations[0]).toMatchObject({ name: "Q. Northside", status: "accepted" });
    expect(await verifyClientCredentials({ email, password: QUINN_PASSWORD, client: ip })).toMatchObject({ ok: true, accountId });
    await expect(acceptPortalInvitation({ token, existingPassword: QUINN_PASSWORD, client: ip })).rejects.toMatchObject({ code: "not_found" });
    // Harbour's tab still shows Harbour's own record of the person.
    expect((await getPortalTab(c.harbourAdmin, c.harbourQuinn)).invitations[0]).toMatchObject({ name: "Quinn Harbour-Recorded", status: "accepted" });
  });

  it("a separate profile made by the second clinic before acceptance stays pending with its invitation", async () => {
    const email = "quinn2@example.test";
    const c = await twoClinics(email);
    await inviteToPortal(c.harbourAdmin, { clientId: c.harbourQuinn, who: "profile", canManage: true });
    const { accountId } = await acceptPortalInvitation({ token: tokenFromLink((await latestMessageTo(email, "portal-invitation"))?.link), password: QUINN_PASSWORD });
    await inviteToPortal(c.northsideAdmin, { clientId: c.northsideQuinn, who: "profile", canManage: true });
    const token = tokenFromLink((await latestMessageTo(email, "portal-invitation"))?.link);
    const practitioner = await createMember(c.northside, { name: "Dr Omar Said" });
    const { clientId: second } = await createSeparateProfile(c.northsideAdmin, { clientId: c.northsideQuinn, practitionerId: practitioner.userId });
    expect((await outboxTo(email)).map((m) => m.template)).not.toContain("portal-profile-added");
    expect(await findPortalProfile(me(accountId), second)).toBeNull();
    expect((await getPortalTab(c.northsideAdmin, second)).invitations[0]).toMatchObject({ name: "Q. Northside", status: "invited" });
    await acceptPortalInvitation({ token, existingPassword: QUINN_PASSWORD, client: ip });
    expect((await listMyProfiles(me(accountId))).map((p) => p.clientId).sort()).toEqual([c.harbourQuinn, c.northsideQuinn, second].sort());
  });

  it("two clinics inviting a new email: each link accepts its own clinic's profiles only", async () => {
    const email = "quinn3@example.test";
    const c = await twoClinics(email);
    await inviteToPortal(c.harbourAdmin, { clientId: c.harbourQuinn, who: "profile", canManage: true });
    const harbourToken = tokenFromLink((await latestMessageTo(email, "portal-invitation"))?.link);
    await inviteToPortal(c.northsideAdmin, { clientId: c.northsideQuinn, who: "profile", canManage: false });
    const northsideToken = tokenFromLink((await latestMessageTo(email, "portal-invitation"))?.link);
    expect(northsideToken).not.toBe(harbourToken);
    // Northside's invitation did not kill Harbour's link, and shows Northside's own name.
    expect(await describePortalInvitation(harbourToken)).toMatchObject({ name: "Quinn Harbour-Recorded", clinicName: "Harbour Health Group", hasLogin: false });
    expect(await describePortalInvitation(northsideToken)).toMatchObject({ name: "Q. Northside", clinicName: "Northside Practice", hasLogin: false });

    const { accountId } = await acceptPortalInvitation({ token: harbourToken, password: QUINN_PASSWORD });
    expect((await listMyProfiles(me(accountId))).map((p) => p.clientId)).toEqual([c.harbourQuinn]);
    expect((await getPortalTab(c.northsideAdmin, c.northsideQuinn)).invitations[0]).toMatchObject({ status: "invited" });
    // Now the account has a password: Northside's link asks for it.
    expect(await describePortalInvitation(northsideToken)).toMatchObject({ hasLogin: true });
    await acceptPortalInvitation({ token: northsideToken, existingPassword: QUINN_PASSWORD, client: ip });
    expect((await listMyProfiles(me(accountId))).map((p) => p.clientId).sort()).toEqual([c.harbourQuinn, c.northsideQuinn].sort());
  });

  it("revoking a pending invitation ends that clinic's link only", async () => {
    const email = "quinn4@example.test";
    const c = await twoClinics(email);
    await inviteToPortal(c.harbourAdmin, { clientId: c.harbourQuinn, who: "profile", canManage: true });
    const harbourToken = tokenFromLink((await latestMessageTo(email, "portal-invitation"))?.link);
    const { portalAccountId } = await inviteToPortal(c.northsideAdmin, { clientId: c.northsideQuinn, who: "profile", canManage: true });
    const northsideToken = tokenFromLink((await latestMessageTo(email, "portal-invitation"))?.link);
    await revokePortalAccess(c.northsideAdmin, { clientId: c.northsideQuinn, portalAccountId });
    expect(await describePortalInvitation(northsideToken)).toBeNull();
    expect(await describePortalInvitation(harbourToken)).not.toBeNull();
    const db = await getDb();
    const live = await db
      .select()
      .from(s.actionTokens)
      .where(and(eq(s.actionTokens.portalAccountId, portalAccountId), eq(s.actionTokens.organisationId, c.harbour.id)));
    expect(live.map((t) => t.revokedAt)).toEqual([null]);
  });
});
