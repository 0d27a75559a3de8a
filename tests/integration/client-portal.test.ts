import { and, asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import { acceptPortalInvitation, describePortalInvitation } from "@/lib/client-portal/accept-portal-invitation";
import { getPortalForm, saveIntakeAnswers } from "@/lib/client-portal/intake";
import { endPortalSession, portalClientForToken, startPortalSession } from "@/lib/client-portal/portal-sessions";
import { findPortalProfile, listMyProfiles } from "@/lib/client-portal/portal-profiles";
import { verifyClientCredentials } from "@/lib/client-portal/verify-client-credentials";
import { createClient } from "@/lib/clients/create-client";
import { createSeparateProfile } from "@/lib/clients/create-separate-profile";
import { getIntakeAnswers } from "@/lib/clients/get-intake-answers";
import { getPortalTab } from "@/lib/clients/get-portal-tab";
import { inviteToPortal } from "@/lib/clients/invite-to-portal";
import { linkClientContact } from "@/lib/clients/link-client-contact";
import { revokePortalAccess } from "@/lib/clients/revoke-portal-access";
import { sendIntakeForm } from "@/lib/clients/send-intake-form";
import { setClientAccess } from "@/lib/clients/set-client-access";
import { canSeeClient } from "@/lib/access/client-visibility";
import { hashToken } from "@/lib/crypto/tokens";
import { resetRateLimits } from "@/lib/rate-limit";
import { createMember, createOrganisation, TEST_PASSWORD } from "../support/factories";
import { latestMessageTo, tokenFromLink } from "../support/outbox";
import { listChartHistory } from "@/lib/clients/list-chart-history";

const ip = { ip: "192.0.2.44", userAgent: null };
const FIELDS = [
  { id: "reason", label: "What brings you here?", type: "text", required: true },
  { id: "consent", label: "Consent", type: "choice", options: ["Yes", "No"], required: true },
  { id: "date", label: "Date", type: "date", required: true },
  { id: "signature", label: "Signature", type: "signature", required: true },
];

async function setup(email: string) {
  const org = await createOrganisation("Harbour Health Group");
  const admin = await createMember(org, { role: "admin", name: "Ava Morgan" });
  const maya = await createMember(org, { name: "Dr Maya Patel" });
  const leo = await createMember(org, { name: "Dr Leo Chen" });
  const db = await getDb();
  const [form] = await db.insert(s.intakeForms).values({ organisationId: org.id, name: "Consent to treatment", fields: FIELDS }).returning();
  const first = (await createClient(admin, { firstName: "Jordan", lastName: "Lee", dateOfBirth: "1988-04-12", email, phone: null, practitionerId: maya.userId })).clientId;
  return { org, admin, maya, leo, formId: form!.id, first };
}

/** The templates of every message sent to `email`, oldest first. */
async function outboxTo(email: string) {
  const db = await getDb();
  return (await db.select({ template: s.outbox.template }).from(s.outbox).where(eq(s.outbox.to, email)).orderBy(asc(s.outbox.createdAt))).map((m) => m.template);
}

async function accept(email: string, password = "portal-password-1") {
  const token = tokenFromLink((await latestMessageTo(email, "portal-invitation"))?.link);
  return acceptPortalInvitation({ token, password });
}

describe("client portal", () => {
  beforeEach(() => resetRateLimits());

  it("manual path: second profile with the same name and no email, linked as Self, invited with manage on; one login sees both", async () => {
    const { admin, leo, first } = await setup("jordan1@example.test");
    const second = (await createClient(admin, { firstName: "Jordan", lastName: "Lee", dateOfBirth: null, email: null, phone: null, practitionerId: null })).clientId;
    const { linkId } = await linkClientContact(admin, { clientId: second, target: "client", linkedClientId: first, relationship: "self", canManage: true });
    await expect(linkClientContact(admin, { clientId: second, target: "client", linkedClientId: first, relationship: "self", canManage: true })).rejects.toMatchObject({ code: "already_linked" });
    await inviteToPortal(admin, { clientId: second, who: linkId, canManage: true });
    await setClientAccess(admin, { clientId: second, userIds: [leo.userId] });

    const message = await latestMessageTo("jordan1@example.test", "portal-invitation");
    expect(message?.link).toMatch(/\/portal\/invitation\/[A-Za-z0-9_-]{43}$/);
    expect(message?.text).toContain("expires in 24 hours");
    const token = tokenFromLink(message?.link);
    const db = await getDb();
    const [stored] = await db.select().from(s.actionTokens).where(eq(s.actionTokens.purpose, "portal_invitation"));
    expect(stored!.tokenHash).toBe(hashToken(token));
    expect((stored!.expiresAt.getTime() - stored!.createdAt.getTime()) / 3_600_000).toBeCloseTo(24, 1);
    expect((await getPortalTab(admin, second)).invitations.map((i) => i.status)).toEqual(["invited"]);

    expect(await describePortalInvitation(token)).toMatchObject({ name: "Jordan Lee", clinicName: "Harbour Health Group" });
    const { accountId } = await acceptPortalInvitation({ token, password: "portal-password-1" });
    await expect(acceptPortalInvitation({ token, password: "portal-password-2" })).rejects.toMatchObject({ code: "not_found" });
    const profiles = await listMyProfiles({ accountId, name: "", email: "", sessionId: "" });
    expect(profiles.map((p) => p.clientId).sort()).toEqual([first, second].sort());
    expect((await getPortalTab(admin, second)).invitations.map((i) => i.status)).toEqual(["accepted"]);
  });

  it("the guided action adds the new profile to an existing portal login, in one transaction, audited", async () => {
    const { admin, leo, first } = await setup("jordan2@example.test");
    await inviteToPortal(admin, { clientId: first, who: "profile", canManage: true });
    const { accountId } = await accept("jordan2@example.test");
    const { clientId: second, addedToPortal } = await createSeparateProfile(admin, { clientId: first, practitionerId: leo.userId });
    expect(addedToPortal).toBe(true);
    const me = { accountId, name: "", email: "", sessionId: "" };
    expect((await listMyProfiles(me)).map((p) => p.clientId)).toEqual([first, second]);
    const db = await getDb();
    const [profile] = await db.select().from(s.clients).where(eq(s.clients.id, second));
    expect(profile).toMatchObject({ firstName: "Jordan", lastName: "Lee", email: null });
    expect(await canSeeClient(leo, second)).toBe(true);
    expect(await canSeeClient(leo, first)).toBe(false);
    const actions = (await db.select().from(s.auditEvents).where(eq(s.auditEvents.targetId, second))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["client.profile_created", "client.contact_linked", "client.access_granted", "client_portal.invited"]));
    // The chart's history names who was invited, as the clinic recorded them, and the address.
    const history = (await listChartHistory(admin, { clientId: second })).items;
    expect(history.find((i) => i.did === "Invited to the portal:")?.other).toBe("Jordan Lee (jordan2@example.test)");

    // The login already has a password: no new set-password link, a "profile added" email instead.
    expect(await outboxTo("jordan2@example.test")).toEqual(["portal-invitation", "portal-profile-added"]);
    const added = await latestMessageTo("jordan2@example.test", "portal-profile-added");
    expect(added?.subject).toBe("Harbour Health Group added a profile to your client portal");
    expect(added?.text).toContain("Hello Jordan Lee,");
    expect(added?.text).toContain("Ava Morgan at Harbour Health Group has added a profile, Jordan Lee, to your client portal login.");
    expect(added?.text).toContain("you can manage its information");
    expect(added?.link).toMatch(new RegExp(`/portal/profiles/${second}$`));
  });

  it("a login still waiting on its invitation gets no 'profile added' email: the new profile is there when they set a password", async () => {
    const { admin, leo, first } = await setup("jordan7@example.test");
    await inviteToPortal(admin, { clientId: first, who: "profile", canManage: true });
    const { clientId: second } = await createSeparateProfile(admin, { clientId: first, practitionerId: leo.userId });
    expect(await outboxTo("jordan7@example.test")).toEqual(["portal-invitation"]);
    const { accountId } = await accept("jordan7@example.test");
    expect((await listMyProfiles({ accountId, name: "", email: "", sessionId: "" })).map((p) => p.clientId)).toEqual([first, second]);
  });

  it("the 'profile added' email is written in the guided action's transaction: a refused action sends nothing", async () => {
    const { admin, first } = await setup("jordan8@example.test");
    await inviteToPortal(admin, { clientId: first, who: "profile", canManage: true });
    await accept("jordan8@example.test");
    const db = await getDb();
    const clientsBefore = (await db.select().from(s.clients)).length;
    // An unknown practitioner fails after the new profile and its Self link were written: all rolled back.
    await expect(createSeparateProfile(admin, { clientId: first, practitionerId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "not_found" });
    expect(await outboxTo("jordan8@example.test")).toEqual(["portal-invitation"]);
    expect((await db.select().from(s.clients)).length).toBe(clientsBefore);
  });

  it("Invite to portal for someone who already has a portal password: the profile appears at once and they are emailed, once", async () => {
    const { admin, leo, first } = await setup("jordan9@example.test");
    await inviteToPortal(admin, { clientId: first, who: "profile", canManage: true });
    const { accountId } = await accept("jordan9@example.test");
    // The manual path: a second profile, no email, linked as Self, invited without "manage".
    const second = (await createClient(admin, { firstName: "Jordan", lastName: "Lee", dateOfBirth: null, email: null, phone: null, practitionerId: leo.userId })).clientId;
    const { linkId } = await linkClientContact(admin, { clientId: second, target: "client", linkedClientId: first, relationship: "self", canManage: false });
    // Only an administrator sets up portal access: Leo, on the chart's list, is refused and nothing is written.
    await expect(inviteToPortal(leo, { clientId: second, who: linkId, canManage: false })).rejects.toMatchObject({ code: "forbidden" });
    expect(await outboxTo("jordan9@example.test")).toEqual(["portal-invitation"]);
    const result = await inviteToPortal(admin, { clientId: second, who: linkId, canManage: false });
    expect(result).toEqual({ portalAccountId: accountId, emailed: true, outcome: "added" });

    const me = { accountId, name: "", email: "", sessionId: "" };
    expect(await findPortalProfile(me, second)).toMatchObject({ canManage: false });
    expect((await getPortalTab(admin, second)).invitations.map((i) => i.status)).toEqual(["accepted"]);
    // One email, about the profile gained (the first, Self, was already on the login).
    expect(await outboxTo("jordan9@example.test")).toEqual(["portal-invitation", "portal-profile-added"]);
    const added = await latestMessageTo("jordan9@example.test", "portal-profile-added");
    expect(added?.text).toContain("Ava Morgan at Harbour Health Group has added a profile, Jordan Lee, to your client portal login.");
    expect(added?.text).toContain("You can view its details and forms; you can't change them.");
    expect(added?.link).toMatch(new RegExp(`/portal/profiles/${second}$`));
    const db = await getDb();
    const [audit] = await db
      .select()
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.targetId, second), eq(s.auditEvents.action, "client_portal.invited")));
    expect(audit?.metadata).toMatchObject({ portalAccountId: accountId, status: "accepted", emailed: "portal-profile-added" });

    // Inviting again (the login already holds the profile) gains nothing and emails nothing.
    expect(await inviteToPortal(admin, { clientId: second, who: linkId, canManage: true })).toEqual({ portalAccountId: accountId, emailed: false, outcome: "unchanged" });
    expect(await outboxTo("jordan9@example.test")).toEqual(["portal-invitation", "portal-profile-added"]);
    // Revoked, then given back: the login gains it again, and is told again.
    await revokePortalAccess(admin, { clientId: second, portalAccountId: accountId });
    await inviteToPortal(admin, { clientId: second, who: linkId, canManage: true });
    expect(await outboxTo("jordan9@example.test")).toEqual(["portal-invitation", "portal-profile-added", "portal-profile-added"]);
  });

  it("a practitioner may not grant anyone access, themselves included; granting notifies in-app and by email; removal ends access", async () => {
    const { admin, maya, leo, first } = await setup("jordan3@example.test");
    await expect(setClientAccess(maya, { clientId: first, userIds: [maya.userId, leo.userId] })).rejects.toMatchObject({ code: "forbidden" });
    await expect(setClientAccess(leo, { clientId: first, userIds: [leo.userId] })).rejects.toMatchObject({ code: "not_found" });
    expect(await canSeeClient(leo, first)).toBe(false);

    await setClientAccess(admin, { clientId: first, userIds: [maya.userId, leo.userId] });
    expect(await canSeeClient(leo, first)).toBe(true);
    const db = await getDb();
    const [n] = await db.select().from(s.notifications).where(and(eq(s.notifications.userId, leo.userId), eq(s.notifications.kind, "client_access_granted")));
    expect(n?.text).toBe("Ava Morgan gave you access to Jordan Lee's chart.");
    expect((await latestMessageTo(leo.email, "client-access-granted"))?.link).toContain(`/clients/${first}`);

    await setClientAccess(admin, { clientId: first, userIds: [maya.userId] });
    expect(await canSeeClient(leo, first)).toBe(false);
    // An unknown practitioner id writes nothing at all.
    await expect(setClientAccess(admin, { clientId: first, userIds: [leo.userId, "00000000-0000-4000-8000-000000000000"] })).rejects.toMatchObject({ code: "not_found" });
    expect(await canSeeClient(leo, first)).toBe(false);
  });

  it("sign-in is the portal's own: staff passwords don't work, failures lock the login, sessions are hashed and sign-out revokes", async () => {
    const { admin, first, maya } = await setup("jordan4@example.test");
    await inviteToPortal(admin, { clientId: first, who: "profile", canManage: true });
    expect(await verifyClientCredentials({ email: "jordan4@example.test", password: "portal-password-1", client: ip })).toMatchObject({ ok: false, reason: "invalid" });
    await accept("jordan4@example.test");
    expect(await verifyClientCredentials({ email: maya.email, password: TEST_PASSWORD, client: ip })).toMatchObject({ ok: false, reason: "invalid" });
    const ok = await verifyClientCredentials({ email: " JORDAN4@example.test ", password: "portal-password-1", client: ip });
    expect(ok).toMatchObject({ ok: true });

    const { token } = await startPortalSession((ok as { accountId: string }).accountId);
    const db = await getDb();
    const [row] = await db.select().from(s.portalSessions);
    expect(row!.tokenHash).toBe(hashToken(token));
    expect(await portalClientForToken(token)).toMatchObject({ email: "jordan4@example.test" });
    await endPortalSession(token);
    expect(await portalClientForToken(token)).toBeNull();

    // Five attempts per email within the window, then throttled; Postgres counts failures too.
    resetRateLimits();
    for (let i = 0; i < 5; i++) expect(await verifyClientCredentials({ email: "jordan4@example.test", password: "wrong-password", client: ip })).toMatchObject({ reason: "invalid" });
    expect(await verifyClientCredentials({ email: "jordan4@example.test", password: "portal-password-1", client: ip })).toMatchObject({ reason: "rate_limited" });
    await db.update(s.portalAccounts).set({ failedSignIns: 9 });
    resetRateLimits();
    await verifyClientCredentials({ email: "jordan4@example.test", password: "wrong-password", client: ip });
    expect(await verifyClientCredentials({ email: "jordan4@example.test", password: "portal-password-1", client: ip })).toMatchObject({ reason: "locked" });
  });

  it("intake: sent to one profile, draft then submit, required answers checked, read-only after, sender notified, answers on that chart only", async () => {
    const { admin, leo, formId, first } = await setup("jordan5@example.test");
    await expect(sendIntakeForm(admin, { clientId: first, formId })).rejects.toMatchObject({ code: "not_invited_to_portal" });
    const { clientId: second } = await createSeparateProfile(admin, { clientId: first, practitionerId: leo.userId });
    const linkId = (await getPortalTab(admin, second)).contacts[0]!.linkId;
    await inviteToPortal(admin, { clientId: second, who: linkId, canManage: true });
    const { accountId } = await accept("jordan5@example.test");
    const me = { accountId, name: "Jordan Lee", email: "jordan5@example.test", sessionId: "" };

    const { requestId } = await sendIntakeForm(leo, { clientId: second, formId });
    const mail = await latestMessageTo("jordan5@example.test", "intake-form");
    expect(mail?.text).toContain("Dr Leo Chen");
    expect(mail?.link).toContain(`/portal/profiles/${second}/forms/${requestId}`);

    expect(await saveIntakeAnswers(me, { profileId: second, requestId, mode: "draft", answers: { reason: "Knee pain" } })).toEqual({ ok: true });
    expect((await getPortalForm(me, { profileId: second, requestId })).answers).toEqual({ reason: "Knee pain" });
    const bad = await saveIntakeAnswers(me, { profileId: second, requestId, mode: "submit", answers: { reason: "Knee pain", consent: "Maybe", date: "2026-02-30" } });
    expect(bad).toEqual({ ok: false, fieldErrors: { consent: "Choose one of the options.", date: "Enter a valid date.", signature: "Type your full name to sign." } });
    expect((await getPortalForm(me, { profileId: second, requestId })).status).toBe("draft");
    // Leo can't read a draft's answers: only submitted forms attach to the chart.
    expect((await getIntakeAnswers(leo, { clientId: second, requestId })).answers).toBeNull();

    const answers = { reason: "Knee pain", consent: "Yes", date: "2026-03-01", signature: "Jordan Lee" };
    expect(await saveIntakeAnswers(me, { profileId: second, requestId, mode: "submit", answers })).toEqual({ ok: true });
    await expect(saveIntakeAnswers(me, { profileId: second, requestId, mode: "draft", answers: { reason: "changed" } })).rejects.toMatchObject({ code: "form_submitted" });
    expect((await getPortalForm(me, { profileId: second, requestId })).canEdit).toBe(false);
    expect((await getIntakeAnswers(leo, { clientId: second, requestId })).answers).toEqual(answers);
    // The same request id on the first profile's chart is not found: answers attach to one chart only.
    await expect(getIntakeAnswers(admin, { clientId: first, requestId })).rejects.toMatchObject({ code: "not_found" });
    expect((await getPortalTab(admin, first)).requests).toEqual([]);

    const db = await getDb();
    const [n] = await db.select().from(s.notifications).where(and(eq(s.notifications.userId, leo.userId), eq(s.notifications.kind, "intake_submitted")));
    expect(n).toMatchObject({ text: "Jordan Lee submitted “Consent to treatment”.", link: `/clients/${second}/forms/${requestId}` });
    const audit = (await db.select().from(s.auditEvents).where(eq(s.auditEvents.targetId, requestId))).map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(["intake.sent", "intake.draft_saved", "intake.submitted", "intake.viewed"]));
  });

  it("a login without 'manage information' may view but not fill forms; revoking removes the profile at the next request", async () => {
    const { admin, formId, first, maya } = await setup("jordan6@example.test");
    await inviteToPortal(admin, { clientId: first, who: "profile", canManage: false });
    const { accountId } = await accept("jordan6@example.test");
    const me = { accountId, name: "", email: "", sessionId: "" };
    // Someone else (a parent, say) manages the profile, so a form can be sent to it.
    const db = await getDb();
    const [parent] = await db.insert(s.portalAccounts).values({ email: "parent6@example.test", name: "Parent" }).returning();
    await db.insert(s.portalAccountProfiles).values({ portalAccountId: parent!.id, clientId: first, canManage: true, status: "accepted" });
    const { requestId } = await sendIntakeForm(maya, { clientId: first, formId });
    expect((await getPortalForm(me, { profileId: first, requestId })).canEdit).toBe(false);
    await expect(saveIntakeAnswers(me, { profileId: first, requestId, mode: "draft", answers: { reason: "x" } })).rejects.toMatchObject({ code: "forbidden" });

    // A practitioner with access may not revoke (an administrator's job); the admin may.
    await expect(revokePortalAccess(maya, { clientId: first, portalAccountId: accountId })).rejects.toMatchObject({ code: "forbidden" });
    expect(await findPortalProfile(me, first)).not.toBeNull();
    await revokePortalAccess(admin, { clientId: first, portalAccountId: accountId });
    expect(await findPortalProfile(me, first)).toBeNull();
    // Jordan's own access is revoked; the parent's login keeps theirs.
    expect((await getPortalTab(admin, first)).invitations.map((i) => i.status).sort()).toEqual(["accepted", "revoked"]);
    expect(await verifyClientCredentials({ email: "jordan6@example.test", password: "portal-password-1", client: ip })).toMatchObject({ ok: false, reason: "no_access" });
  });
});
