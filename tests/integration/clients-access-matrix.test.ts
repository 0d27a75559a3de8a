import { eq, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb, selectRows } from "@/db/client";
import * as s from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { canSeeClient, visibleClientsFilter } from "@/lib/access/client-visibility";
import { acceptPortalInvitation } from "@/lib/client-portal/accept-portal-invitation";
import { getPortalForm, saveIntakeAnswers } from "@/lib/client-portal/intake";
import { findPortalProfile, listMyProfiles } from "@/lib/client-portal/portal-profiles";
import type { PortalClient } from "@/lib/client-portal/types";
import { createClient } from "@/lib/clients/create-client";
import { createSeparateProfile } from "@/lib/clients/create-separate-profile";
import { getClientChart } from "@/lib/clients/get-client-chart";
import { getChartDisclosureRecordPdf } from "@/lib/clients/get-chart-disclosure-record";
import { listChartAccess } from "@/lib/clients/list-chart-access";
import { listChartHistory } from "@/lib/clients/list-chart-history";
import { removeClientAccess } from "@/lib/clients/remove-client-access";
import { getIntakeAnswers } from "@/lib/clients/get-intake-answers";
import { getPortalTab } from "@/lib/clients/get-portal-tab";
import { inviteToPortal } from "@/lib/clients/invite-to-portal";
import { linkClientContact } from "@/lib/clients/link-client-contact";
import { listClients } from "@/lib/clients/list-clients";
import { listPractitioners } from "@/lib/clients/list-practitioners";
import { removeClientLink } from "@/lib/clients/remove-client-link";
import { revokePortalAccess } from "@/lib/clients/revoke-portal-access";
import { sendIntakeForm } from "@/lib/clients/send-intake-form";
import { setClientAccess } from "@/lib/clients/set-client-access";
import { updateClient } from "@/lib/clients/update-client";
import { resetRateLimits } from "@/lib/rate-limit";
import { createMember, createOrganisation } from "../support/factories";
import { latestMessageTo, tokenFromLink } from "../support/outbox";

const FIELDS = [
  { id: "reason", label: "What brings you here?", type: "text", required: true },
  { id: "referral", label: "How did you hear about us?", type: "choice", options: ["GP referral", "Online"] },
  { id: "dob", label: "Date of birth", type: "date", required: true },
  { id: "signature", label: "Type your full name", type: "signature", required: true },
];

async function counts() {
  const db = await getDb();
  const n = async (t: string) => (await selectRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${t}`)))[0]!.n;
  return {
    clients: await n("clients"),
    access: await n("client_access"),
    links: await n("client_links"),
    contacts: await n("contacts"),
    accounts: await n("portal_accounts"),
    grants: await n("portal_account_profiles"),
    requests: await n("intake_requests"),
    outbox: await n("outbox"),
    // Edits change no count: compare the charts' details themselves.
    details: (
      await selectRows<{ d: string }>(
        db,
        sql`select md5(string_agg(concat_ws('|', id, first_name, last_name, date_of_birth, email, phone, address), ',' order by id)) as d from clients`,
      )
    )[0]!.d,
  };
}

/**
 * The client access matrix: (admin, practitioner with access, practitioner without, practitioner
 * with access to the other profile only, former member, client portal user with and without the
 * profile) × (view chart, the Access tab, its history, the record of disclosures, remove from the access list, list, edit details, manage access, create profile, link contact, remove
 * contact link, invite, revoke portal access, send form, read submitted form), on profile B — the second, separate
 * profile of Jordan Lee.
 */
describe("client access matrix", () => {
  let admin: StaffActor, leo: StaffActor, nina: StaffActor, maya: StaffActor, former: StaffActor, secretary: StaffActor, spare: StaffActor, ended: StaffActor, asker: StaffActor, declined: StaffActor, lapsed: StaffActor;
  let profileA: string, profileB: string, otherClient: string, selfLinkId: string, spareLinkId: string, submittedRequest: string, formId: string, spareAccountId: string;
  let client: PortalClient, stranger: PortalClient, endedLogin: PortalClient;

  beforeAll(async () => {
    resetRateLimits();
    const org = await createOrganisation("Harbour Health Group");
    admin = await createMember(org, { role: "admin", name: "Ava Morgan" });
    maya = await createMember(org, { name: "Dr Maya Patel" });
    leo = await createMember(org, { name: "Dr Leo Chen" });
    nina = await createMember(org, { name: "Dr Nina Okafor" });
    former = await createMember(org, { name: "Dr Former" });
    spare = await createMember(org, { name: "Dr Spare" });
    secretary = await createMember(org, { role: "medical_secretary", name: "Sam Rivers" });
    ended = await createMember(org, { name: "Dr Ended Access" });
    asker = await createMember(org, { name: "Dr Asks First" });
    declined = await createMember(org, { name: "Dr Was Declined" });
    lapsed = await createMember(org, { name: "Dr Asked Long Ago" });
    const db = await getDb();
    const [form] = await db.insert(s.intakeForms).values({ organisationId: org.id, name: "New client intake", fields: FIELDS }).returning();
    formId = form!.id;

    profileA = (await createClient(admin, { firstName: "Jordan", lastName: "Lee", dateOfBirth: "1988-04-12", email: "jordan@example.test", phone: null, practitionerId: maya.userId })).clientId;
    profileB = (await createSeparateProfile(admin, { clientId: profileA, practitionerId: leo.userId })).clientId;
    await setClientAccess(admin, { clientId: profileB, userIds: [leo.userId, former.userId, spare.userId] });
    otherClient = (await createClient(admin, { firstName: "Sofia", lastName: "Alvarez", dateOfBirth: null, email: "sofia@example.test", phone: null, practitionerId: nina.userId })).clientId;
    selfLinkId = (await getPortalTab(admin, profileB)).contacts[0]!.linkId;
    // A contact link for the "remove contact link" column (the admin's row removes it).
    spareLinkId = (await linkClientContact(admin, { clientId: profileB, target: "contact", name: "Sam Lee", email: null, mobile: null, relationship: "other", canManage: false })).linkId;

    // A second login on profile B (a guardian), for the "revoke portal access" column.
    const guardianLink = (await linkClientContact(admin, { clientId: profileB, target: "contact", name: "Pat Guardian", email: "pat.guardian@example.test", mobile: null, relationship: "guardian", canManage: false })).linkId;
    spareAccountId = (await inviteToPortal(admin, { clientId: profileB, who: guardianLink, canManage: false })).portalAccountId;

    await inviteToPortal(admin, { clientId: profileB, who: selfLinkId, canManage: true });
    const token = tokenFromLink((await latestMessageTo("jordan@example.test", "portal-invitation"))?.link);
    const accepted = await acceptPortalInvitation({ token, password: "jordan-password" });
    client = { accountId: accepted.accountId, name: "Jordan Lee", email: accepted.email, sessionId: "n/a" };
    await inviteToPortal(admin, { clientId: otherClient, who: "profile", canManage: true });
    const sofia = await acceptPortalInvitation({ token: tokenFromLink((await latestMessageTo("sofia@example.test", "portal-invitation"))?.link), password: "sofia-password" });
    stranger = { accountId: sofia.accountId, name: "Sofia Alvarez", email: sofia.email, sessionId: "n/a" };

    submittedRequest = (await sendIntakeForm(leo, { clientId: profileB, formId })).requestId;
    await saveIntakeAnswers(client, { profileId: profileB, requestId: submittedRequest, mode: "submit", answers: { reason: "Back pain", dob: "1988-04-12", signature: "Jordan Lee" } });

    // On profile B's list until a moment ago (the sweep has not run); and someone who only asked.
    await db.insert(s.clientAccess).values({ clientId: profileB, userId: ended.userId, grantedById: admin.userId, expiresAt: new Date(Date.now() - 1000) });
    const ask = (requesterId: string, extra: { status?: "declined"; createdAt?: Date; expiresAt: Date }) => ({ organisationId: org.id, requesterId, targetType: "client" as const, targetId: profileB, ...extra });
    await db.insert(s.accessRequests).values([
      ask(asker.userId, { expiresAt: new Date(Date.now() + 14 * 86_400_000) }),
      ask(declined.userId, { status: "declined", expiresAt: new Date(Date.now() + 14 * 86_400_000) }),
      // Still marked pending, but past its 14 days.
      ask(lapsed.userId, { createdAt: new Date(Date.now() - 15 * 86_400_000), expiresAt: new Date(Date.now() - 86_400_000) }),
    ]);
    // A portal login whose access to profile B ended a moment ago (the sweep has not run).
    const [endedAccount] = await db.insert(s.portalAccounts).values({ email: "ended.login@example.test", name: "Riley Lee" }).returning();
    await db.insert(s.portalAccountProfiles).values({ portalAccountId: endedAccount!.id, clientId: profileB, status: "accepted", expiresAt: new Date(Date.now() - 1000), invitedById: admin.userId });
    endedLogin = { accountId: endedAccount!.id, name: "Riley Lee", email: endedAccount!.email, sessionId: "n/a" };

    // The former member leaves; `former` is the actor object they held before (a request in flight).
    await db.update(s.memberships).set({ status: "left" }).where(eq(s.memberships.userId, former.userId));
  });

  beforeEach(() => resetRateLimits());

  type Op = (a: StaffActor) => Promise<unknown>;
  const ops: Record<string, Op> = {
    "view chart": (a) => getClientChart(a, profileB, "overview"),
    // The Access tab (before "manage access", which rewrites the list without Dr Spare).
    "access tab": (a) => listChartAccess(a, profileB),
    "access history": (a) => listChartHistory(a, { clientId: profileB }),
    "record of disclosures": (a) => getChartDisclosureRecordPdf(a, { clientId: profileB }),
    "remove from access list": (a) => removeClientAccess(a, { clientId: profileB, userId: spare.userId }),
    "edit details": (a) => updateClient(a, { clientId: profileB, firstName: "Jordan", lastName: "Lee", dateOfBirth: "1988-04-12", email: null, phone: `+44 7700 ${a.userId.slice(0, 6)}`, address: "1 Harbour Row" }),
    "manage access": (a) => setClientAccess(a, { clientId: profileB, userIds: [leo.userId] }),
    "create profile": (a) => createSeparateProfile(a, { clientId: profileB, practitionerId: leo.userId }),
    "link contact": (a) => linkClientContact(a, { clientId: profileB, target: "contact", name: "Pat Lee", email: null, mobile: null, relationship: "partner", canManage: false }),
    "remove contact link": (a) => removeClientLink(a, { clientId: profileB, linkId: spareLinkId }),
    invite: (a) => inviteToPortal(a, { clientId: profileB, who: "profile", canManage: false }),
    "revoke portal access": (a) => revokePortalAccess(a, { clientId: profileB, portalAccountId: spareAccountId }),
    "send form": (a) => sendIntakeForm(a, { clientId: profileB, formId }),
    "read submitted form": (a) => getIntakeAnswers(a, { clientId: profileB, requestId: submittedRequest }),
  };

  // ok | forbidden | not_found | a domain error that proves the policy let the actor through
  const expected: Record<string, Record<string, string>> = {
    admin: {
      "view chart": "ok",
      "access tab": "ok",
      "access history": "ok",
      "record of disclosures": "ok",
      "remove from access list": "ok",
      "edit details": "ok",
      "manage access": "ok",
      "create profile": "ok",
      "link contact": "ok",
      "remove contact link": "ok",
      invite: "no_portal_email",
      "revoke portal access": "ok",
      "send form": "ok",
      "read submitted form": "ok",
    },
    // `patients` edit and on the list: may edit the chart's details, not its contacts, access or
    // portal logins (an administrator sets those up); sends intake forms.
    "practitioner with access": {
      "view chart": "ok",
      "access tab": "ok",
      "access history": "ok",
      "record of disclosures": "ok",
      "remove from access list": "forbidden",
      "edit details": "ok",
      "manage access": "forbidden",
      "create profile": "forbidden",
      "link contact": "forbidden",
      "remove contact link": "forbidden",
      invite: "forbidden",
      "revoke portal access": "forbidden",
      "send form": "ok",
      "read submitted form": "ok",
    },
    "practitioner without access": Object.fromEntries(Object.keys(ops).map((k) => [k, "not_found"])),
    "practitioner with the other profile only": Object.fromEntries(Object.keys(ops).map((k) => [k, "not_found"])),
    "former member": Object.fromEntries(Object.keys(ops).map((k) => [k, "not_found"])),
    // An access-list entry past its end date is absent; an open access request gives nothing.
    "practitioner whose access ended": Object.fromEntries(Object.keys(ops).map((k) => [k, "not_found"])),
    "practitioner with a pending request": Object.fromEntries(Object.keys(ops).map((k) => [k, "not_found"])),
    "practitioner whose request was declined": Object.fromEntries(Object.keys(ops).map((k) => [k, "not_found"])),
    "practitioner whose request is past its 14 days": Object.fromEntries(Object.keys(ops).map((k) => [k, "not_found"])),
  };
  const who = (): Record<string, StaffActor> => ({
    admin,
    "practitioner with access": leo,
    "practitioner without access": nina,
    "practitioner with the other profile only": maya,
    "former member": former,
    "practitioner whose access ended": ended,
    "practitioner with a pending request": asker,
    "practitioner whose request was declined": declined,
    "practitioner whose request is past its 14 days": lapsed,
  });

  for (const [actorName, row] of Object.entries(expected)) {
    for (const [opName, outcome] of Object.entries(row)) {
      it(`${actorName} × ${opName} → ${outcome}`, async () => {
        const actor = who()[actorName]!;
        const before = await counts();
        const result = await ops[opName]!(actor).then(
          () => "ok",
          (e: { code?: string }) => e.code ?? String(e),
        );
        expect(result).toBe(outcome);
        if (outcome !== "ok" && !["view chart", "read submitted form", "access tab", "access history", "record of disclosures"].includes(opName)) expect(await counts()).toEqual(before);
      });
    }
  }

  it("access lists offer (and hold) only practitioners whose role sees charts through the list", async () => {
    const offered = (await listPractitioners(admin)).map((p) => p.userId);
    expect(offered).toEqual(expect.arrayContaining([leo.userId, nina.userId, maya.userId]));
    expect(offered).not.toContain(admin.userId);
    expect(offered).not.toContain(secretary.userId);
    expect(offered).not.toContain(former.userId);
    // Ticking an admin or a medical secretary (a forged request) writes nothing.
    for (const u of [admin.userId, secretary.userId]) {
      const before = await counts();
      await expect(setClientAccess(admin, { clientId: profileB, userIds: [leo.userId, u] })).rejects.toMatchObject({ code: "not_found", details: { field: "userIds" } });
      expect(await counts()).toEqual(before);
    }
  });

  it("list: admin sees every chart, practitioners only their access lists, a former member nothing", async () => {
    const ids = async (a: StaffActor) => (await listClients(a, {})).items.map((c) => c.id);
    expect(await ids(admin)).toEqual(expect.arrayContaining([profileA, profileB, otherClient]));
    expect(await ids(leo)).toContain(profileB);
    expect(await ids(leo)).not.toContain(profileA);
    expect(await ids(maya)).toEqual([profileA]);
    expect(await ids(ended)).toEqual([]);
    for (const a of [asker, declined, lapsed]) expect(await ids(a)).toEqual([]);
    expect(await ids(nina)).toEqual([otherClient]);
    expect(await ids(former)).toEqual([]);
  });

  it("the SQL list filter and canSeeClient give the same answers for every actor and chart", async () => {
    const db = await getDb();
    for (const a of [admin, leo, nina, maya, former, ended, asker, declined, lapsed]) {
      for (const id of [profileA, profileB, otherClient]) {
        const [row] = await selectRows<{ ok: boolean }>(db, sql`select ${visibleClientsFilter(a, sql`${id}::uuid`)} as ok`);
        expect(Boolean(row!.ok)).toBe(await canSeeClient(a, id));
      }
    }
  });

  it("Maya (first profile) learns only that a linked Self profile exists on her chart", async () => {
    const chart = await getClientChart(maya, profileA, "overview");
    expect(chart.linkedProfiles).toEqual([{ relationship: "self", visible: false }]);
    // (The admin rows of the matrix above made a third profile of the same person, off profile B.)
    const leoChart = await getClientChart(leo, profileB, "overview");
    expect(leoChart.linkedProfiles).toContainEqual({ relationship: "self", visible: false });
    expect(leoChart.linkedProfiles.some((p) => p.visible && p.id === profileA)).toBe(false);
    expect((await getClientChart(admin, profileB, "overview")).linkedProfiles).toContainEqual({ relationship: "self", visible: true, id: profileA, name: "Jordan Lee" });
  });

  it("client portal user with the profile: sees both profiles and the form; without it: nothing (forged ids)", async () => {
    // A and B, plus the third profile the admin row of the matrix created (added to this login).
    expect((await listMyProfiles(client)).map((p) => p.clientId)).toEqual(expect.arrayContaining([profileA, profileB]));
    expect((await listMyProfiles(client)).map((p) => p.clientId)).not.toContain(otherClient);
    expect(await findPortalProfile(client, profileB)).not.toBeNull();
    expect((await getPortalForm(client, { profileId: profileB, requestId: submittedRequest })).status).toBe("submitted");

    expect((await listMyProfiles(stranger)).map((p) => p.clientId)).toEqual([otherClient]);
    expect(await findPortalProfile(stranger, profileB)).toBeNull();
    expect(await findPortalProfile(stranger, "not-a-uuid")).toBeNull();
    await expect(getPortalForm(stranger, { profileId: profileB, requestId: submittedRequest })).rejects.toMatchObject({ code: "not_found" });
    // Forged pairing: the stranger's own profile with someone else's form.
    await expect(getPortalForm(stranger, { profileId: otherClient, requestId: submittedRequest })).rejects.toMatchObject({ code: "not_found" });
    const before = await counts();
    await expect(saveIntakeAnswers(stranger, { profileId: profileB, requestId: submittedRequest, mode: "draft", answers: { reason: "x" } })).rejects.toMatchObject({ code: "not_found" });
    await expect(saveIntakeAnswers(stranger, { profileId: otherClient, requestId: submittedRequest, mode: "draft", answers: { reason: "x" } })).rejects.toMatchObject({ code: "not_found" });
    expect(await counts()).toEqual(before);
  });

  it("a portal login whose access to the profile has ended sees nothing of it (no sweep needed)", async () => {
    expect(await listMyProfiles(endedLogin)).toEqual([]);
    expect(await findPortalProfile(endedLogin, profileB)).toBeNull();
    await expect(getPortalForm(endedLogin, { profileId: profileB, requestId: submittedRequest })).rejects.toMatchObject({ code: "not_found" });
    const before = await counts();
    await expect(saveIntakeAnswers(endedLogin, { profileId: profileB, requestId: submittedRequest, mode: "draft", answers: { reason: "x" } })).rejects.toMatchObject({ code: "not_found" });
    expect(await counts()).toEqual(before);
  });

  it("every chart view and refusal is audited", async () => {
    await getClientChart(leo, profileB, "portal");
    await getClientChart(nina, profileB, "overview").catch(() => null);
    const db = await getDb();
    const rows = await db.select().from(s.auditEvents).where(eq(s.auditEvents.targetId, profileB));
    expect(rows.some((r) => r.action === "client.viewed" && r.actorId === leo.userId && (r.metadata as { tab?: string })?.tab === "portal")).toBe(true);
    expect(rows.some((r) => r.action === "access.refused" && r.actorId === nina.userId)).toBe(true);
  });
});
