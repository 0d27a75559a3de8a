import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import { loadStaffActor } from "@/lib/auth/load-staff-actor";
import { verifyStaffCredentials } from "@/lib/auth/verify-staff-credentials";
import { acceptInvitation, describeInvitation } from "@/lib/organisations/accept-invitation";
import { changeInvitation } from "@/lib/organisations/change-invitation";
import { inviteMember } from "@/lib/organisations/invite-member";
import { resetRateLimits } from "@/lib/rate-limit";
import { createMember, createOrganisation } from "../support/factories";
import { latestMessageTo, tokenFromLink } from "../support/outbox";

const client = { ip: "192.0.2.10", userAgent: null };

async function invite(email: string) {
  const org = await createOrganisation("Harbour Health Group");
  const admin = await createMember(org, { role: "admin", name: "Ava Morgan" });
  const { membershipId } = await inviteMember(admin, { name: "Dr Rosa Diaz", email, roleId: org.roles.clinician, teamIds: [] });
  const message = await latestMessageTo(email, "member-invitation");
  return { org, admin, membershipId, message, token: tokenFromLink(message?.link) };
}

describe("member invitations", () => {
  beforeEach(() => resetRateLimits());

  it("emails a one-time set-password link that expires in 24 hours; nothing stores the token itself", async () => {
    const { message, token } = await invite("rosa@clinic.test");
    expect(message?.subject).toBe("Ava Morgan invited you to Harbour Health Group on Carebridge");
    expect(message?.text).toContain("expires in 24 hours");
    expect(message?.link).toMatch(/\/invitation\/[A-Za-z0-9_-]{43}$/);
    const db = await getDb();
    const [stored] = await db.select().from(s.actionTokens);
    expect(stored!.tokenHash).not.toContain(token);
    const hours = (stored!.expiresAt.getTime() - stored!.createdAt.getTime()) / 3_600_000;
    expect(hours).toBeCloseTo(24, 1);
  });

  it("lets the invitee set a password, become active, sign in, and find a welcome notification", async () => {
    const { org, token } = await invite("nadia@clinic.test");
    expect(await verifyStaffCredentials({ email: "nadia@clinic.test", password: "nadia-password", client })).toMatchObject({ ok: false });
    expect(await describeInvitation(token)).toMatchObject({ email: "nadia@clinic.test", organisationName: "Harbour Health Group" });

    await acceptInvitation({ token, password: "nadia-password" });
    const signedIn = await verifyStaffCredentials({ email: "nadia@clinic.test", password: "nadia-password", client });
    expect(signedIn).toMatchObject({ ok: true, organisationId: org.id });
    const actor = await loadStaffActor((signedIn as { userId: string }).userId, org.id);
    expect(actor?.role.name).toBe("Clinician");
    const db = await getDb();
    const welcome = await db.select().from(s.notifications).where(eq(s.notifications.userId, actor!.userId));
    expect(welcome.map((n) => n.text)).toEqual(["Welcome to Harbour Health Group. Your account is ready."]);
  });

  it("uses a link once", async () => {
    const { token } = await invite("once@clinic.test");
    await acceptInvitation({ token, password: "first-password" });
    await expect(acceptInvitation({ token, password: "second-password" })).rejects.toMatchObject({ code: "not_found" });
    expect(await describeInvitation(token)).toBeNull();
  });

  it("refuses an expired link", async () => {
    const { token } = await invite("late@clinic.test");
    const db = await getDb();
    await db.update(s.actionTokens).set({ expiresAt: sql`now() - interval '1 second'` });
    await expect(acceptInvitation({ token, password: "late-password" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("resending sends a new link and kills the old one; revoking kills every link", async () => {
    const { admin, membershipId, token: first } = await invite("twice@clinic.test");
    await changeInvitation(admin, { membershipId, change: "resend" });
    const second = tokenFromLink((await latestMessageTo("twice@clinic.test", "member-invitation"))?.link);
    expect(second).not.toBe(first);
    await expect(acceptInvitation({ token: first, password: "some-password" })).rejects.toMatchObject({ code: "not_found" });

    await changeInvitation(admin, { membershipId, change: "revoke" });
    await expect(acceptInvitation({ token: second, password: "some-password" })).rejects.toMatchObject({ code: "not_found" });
    const db = await getDb();
    const [membership] = await db.select().from(s.memberships).where(eq(s.memberships.id, membershipId));
    expect(membership!.status).toBe("left");
  });

  it("only admins resend or revoke invitations", async () => {
    const { org, membershipId } = await invite("guarded@clinic.test");
    const clinician = await createMember(org, { role: "clinician" });
    await expect(changeInvitation(clinician, { membershipId, change: "revoke" })).rejects.toMatchObject({ code: "forbidden" });
  });
});
