import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { canSeeClient } from "@/lib/access/client-visibility";
import { downloadMyDisclosureRecord, getMyDisclosureRecord } from "@/lib/client-portal/disclosure-record";
import { findPortalProfile } from "@/lib/client-portal/portal-profiles";
import type { PortalClient } from "@/lib/client-portal/types";
import { getClientChart } from "@/lib/clients/get-client-chart";
import { getChartDisclosureRecordPdf } from "@/lib/clients/get-chart-disclosure-record";
import { endChartAccess } from "@/lib/clients/end-chart-access";
import { listChartAccess } from "@/lib/clients/list-chart-access";
import { CHART_HISTORY_PAGE_SIZE, listChartHistory } from "@/lib/clients/list-chart-history";
import { updateDisclosureSettings } from "@/lib/clients/disclosure-settings";
import { shareDocument } from "@/lib/documents/share-document";
import { createSession } from "@/lib/sessions/create-session";
import { getSession } from "@/lib/sessions/get-session";
import { shareSession } from "@/lib/sessions/share-session";
import { endEmergencyAccess } from "@/lib/emergency-access/end-emergency-access";
import { grantEmergencyAccess } from "@/lib/emergency-access/grant-emergency-access";
import { updateEmergencyAccessSettings } from "@/lib/emergency-access/settings";
import { pdfText } from "../e2e/documents/pdf-text";
import { createClient, createContact, createDocument, createMember, createOrganisation, createTeam, setSharing } from "../support/factories";

/**
 * The chart's Access tab (issue 12 §2) and the client's record of disclosures (§3): one chart
 * reached in every way the product knows, then each line ended through the same domain function
 * the rest of the app uses, checked against the policy at the person's next request.
 */
describe("who can see this chart", () => {
  let admin: StaffActor, secretary: StaffActor, leo: StaffActor, maya: StaffActor, nina: StaffActor, tom: StaffActor, outsider: StaffActor, glass: StaffActor;
  let clientId: string, sessionId: string, shareId: string, accountId: string, portal: PortalClient, stranger: PortalClient;

  beforeAll(async () => {
    const org = await createOrganisation("Harbour Access Clinic");
    await setSharing(org.id, { sharingEnabled: true, securityLevel: "link" });
    const team = await createTeam(org.id, "Psychology");
    admin = await createMember(org, { role: "admin", name: "Ava Morgan" });
    secretary = await createMember(org, { role: "medical_secretary", name: "Sam Rivers" });
    leo = await createMember(org, { name: "Dr Leo Chen" });
    maya = await createMember(org, { name: "Dr Maya Patel", teamIds: [team.id] });
    nina = await createMember(org, { name: "Dr Nina Okafor" });
    tom = await createMember(org, { name: "Dr Tom Team", teamIds: [team.id] });
    outsider = await createMember(org, { name: "Dr Nobody" });
    glass = await createMember(org, { name: "Dr Glass" });
    const client = await createClient(org.id, { firstName: "Jordan", lastName: "Lee", accessFor: [leo.userId] });
    clientId = client.id;
    sessionId = (await createSession(maya, { title: "Assessment", clientId: null, teamId: team.id, visibility: "team" })).sessionId;
    await shareSession(maya, { sessionId, userIds: [nina.userId], access: "edit" });
    const db = await getDb();
    // Maya chose the patient while she was on the chart's list (she is no longer): the session keeps it.
    await db.update(s.clinicalSessions).set({ clientId }).where(eq(s.clinicalSessions.id, sessionId));
    const gp = await createContact(org.id, { name: "Dr Priya Shah" });
    const letter = await createDocument(org.id, { clientId, authorId: leo.userId, title: "Assessment summary for GP" });
    shareId = (await shareDocument(leo, { documentId: letter.id, contactId: gp.id, purpose: "continuing_care" })).shareId;
    const account = async (email: string, profile: string) => {
      const [a] = await db.insert(s.portalAccounts).values({ email, name: "Jordan Lee" }).returning();
      await db.insert(s.portalAccountProfiles).values({ portalAccountId: a!.id, clientId: profile, canManage: true, status: "accepted", acceptedAt: new Date() });
      return { accountId: a!.id, name: "Jordan Lee", email, sessionId: "n/a" } satisfies PortalClient;
    };
    portal = await account("jordan.access@example.test", clientId);
    accountId = portal.accountId;
    stranger = await account("sofia.access@example.test", (await createClient(org.id, { firstName: "Sofia" })).id);
  });

  it("lists every kind of access with its reason, and what the viewer may end", async () => {
    const a = await listChartAccess(admin, clientId);
    expect(a.accessList.map((p) => [p.name, p.canRemove])).toEqual([["Dr Leo Chen", true]]);
    expect(a.everyChart.map((p) => `${p.name} (${p.roleName})`).sort()).toEqual(["Ava Morgan (Admin)", "Sam Rivers (Medical secretary)"]);
    expect(a.sessions).toHaveLength(1);
    const people = Object.fromEntries(a.sessions[0]!.people.map((p) => [p.name, { level: p.level, reasons: p.reasons, remove: p.canRemoveShare }]));
    expect(people).toEqual({
      "Dr Maya Patel": { level: "owner", reasons: [{ kind: "owner" }, { kind: "team", teamName: "Psychology" }], remove: false },
      "Dr Nina Okafor": { level: "edit", reasons: [{ kind: "share", level: "edit" }], remove: false },
      "Dr Tom Team": { level: "view", reasons: [{ kind: "team", teamName: "Psychology" }], remove: false },
    });
    // The admin cannot open Maya's private-to-the-team session, so its title is not shown to them.
    expect(a.sessions[0]!.title).toBeNull();
    expect(a.portalLogins).toEqual([expect.objectContaining({ portalAccountId: accountId, status: "accepted", canManage: true, canRevoke: true })]);
    expect(a.externalShares).toEqual([expect.objectContaining({ shareId, contactName: "Dr Priya Shah", documentTitle: "Assessment summary for GP", state: "sent", canRevoke: true })]);

    // Maya owns the session: she may remove Nina's share there, but sees no chart (not on the list).
    await expect(listChartAccess(maya, clientId)).rejects.toMatchObject({ code: "not_found" });
    // Leo is on the list: he reads the tab, ends only what he may (his own external share).
    const l = await listChartAccess(leo, clientId);
    expect(l.accessList[0]!.canRemove).toBe(false);
    expect(l.portalLogins[0]!.canRevoke).toBe(false);
    expect(l.externalShares[0]!.canRevoke).toBe(true);
  });

  it("lists emergency access ('break the glass') on the chart and on its sessions while it lasts", async () => {
    await updateEmergencyAccessSettings(admin, { emergencyAccessEnabled: true, emergencyAccessHours: 2 });
    const chartGrant = await grantEmergencyAccess(glass, { kind: "client", recordId: clientId, reason: "Collapsed in the waiting room; need allergies" });
    const sessionGrant = await grantEmergencyAccess(glass, { kind: "session", recordId: sessionId, reason: "Collapsed in the waiting room; need the plan" });
    if (chartGrant.status === "not_needed" || sessionGrant.status === "not_needed") throw new Error("the grants were not needed");
    const a = await listChartAccess(admin, clientId);
    expect(a.emergency).toEqual([{ userId: glass.userId, name: "Dr Glass", roleName: "Clinician", until: chartGrant.expiresAt }]);
    expect(a.sessions[0]!.people.find((p) => p.name === "Dr Glass")).toMatchObject({ level: "view", reasons: [{ kind: "emergency", until: sessionGrant.expiresAt }] });
    // Ended by an administrator: gone from the tab at once.
    for (const grant of [chartGrant, sessionGrant]) await endEmergencyAccess(admin, { grantId: grant.grantId });
    const after = await listChartAccess(admin, clientId);
    expect(after.emergency).toEqual([]);
    expect(after.sessions[0]!.people.map((p) => p.name)).not.toContain("Dr Glass");
  });

  it("nothing of the tab, its history or the record reaches someone who cannot see the chart", async () => {
    for (const who of [outsider, maya, nina, tom]) {
      await expect(listChartAccess(who, clientId)).rejects.toMatchObject({ code: "not_found" });
      await expect(listChartHistory(who, { clientId })).rejects.toMatchObject({ code: "not_found" });
      await expect(getChartDisclosureRecordPdf(who, { clientId })).rejects.toMatchObject({ code: "not_found" });
    }
    await expect(getMyDisclosureRecord(stranger, { profileId: clientId })).rejects.toMatchObject({ code: "not_found" });
    await expect(downloadMyDisclosureRecord(stranger, { profileId: clientId })).rejects.toMatchObject({ code: "not_found" });
  });

  it("the history lists who opened what, newest first, in keyset pages", async () => {
    for (let i = 0; i < CHART_HISTORY_PAGE_SIZE + 2; i++) await getClientChart(leo, clientId, "overview");
    await getClientChart(secretary, clientId, "documents");
    const first = await listChartHistory(admin, { clientId });
    expect(first.items).toHaveLength(CHART_HISTORY_PAGE_SIZE);
    expect(first.items[0]).toMatchObject({ who: { kind: "staff", name: "Sam Rivers", roleName: "Medical secretary" }, did: "Opened the chart" });
    expect(first.items.map((i) => i.at.getTime())).toEqual([...first.items.map((i) => i.at.getTime())].sort((x, y) => y - x));
    const second = await listChartHistory(admin, { clientId, cursor: first.nextCursor! });
    expect(second.items.length).toBeGreaterThan(0);
    expect(second.items.some((i) => first.items.some((f) => f.id === i.id))).toBe(false);
    expect([...first.items, ...second.items].some((i) => i.did === "Shared" && i.documentTitle === "Assessment summary for GP" && i.other === "with Dr Priya Shah")).toBe(true);
    // A forged cursor is no cursor.
    expect((await listChartHistory(admin, { clientId, cursor: "bm90LWEtY3Vyc29y" })).items[0]!.id).toBe(first.items[0]!.id);
  });

  it("the client's record lists the GP share; staff access only once the clinic turns it on; each view audited", async () => {
    const record = await getMyDisclosureRecord(portal, { profileId: clientId });
    expect(record.disclosures).toEqual([expect.objectContaining({ recipientName: "Dr Priya Shah", documentTitle: "Assessment summary for GP", documentKindLabel: "Letter", openedAt: null })]);
    expect(record.staffAccess).toBeNull();
    await updateDisclosureSettings(admin, { showStaffAccess: true });
    const withStaff = await getMyDisclosureRecord(portal, { profileId: clientId });
    expect(withStaff.staffAccess!.map((r) => `${r.name} (${r.roleName})`)).toEqual(expect.arrayContaining(["Dr Leo Chen (Clinician)", "Sam Rivers (Medical secretary)"]));
    const oneLine = (bytes: Buffer) => pdfText(bytes).replace(/[·\s]+/g, " "); // table cells wrap
    const pdf = oneLine((await downloadMyDisclosureRecord(portal, { profileId: clientId })).bytes);
    expect(pdf).toContain("Record of disclosures");
    expect(pdf).toContain("Harbour Access Clinic");
    expect(pdf).toContain("Dr Priya Shah");
    expect(pdf).toContain("Dr Leo Chen");
    const staffPdf = oneLine((await getChartDisclosureRecordPdf(secretary, { clientId })).bytes);
    expect(staffPdf).toContain("Assessment summary for GP");
    const db = await getDb();
    const events = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.targetType, "client"), eq(s.auditEvents.targetId, clientId)));
    expect(events.filter((e) => e.action === "client.disclosures_viewed" && e.actorType === "client")).toHaveLength(2);
    expect(events.some((e) => e.action === "client.disclosures_downloaded" && e.actorType === "client")).toBe(true);
    expect(events.some((e) => e.action === "client.disclosures_downloaded" && e.actorId === secretary.userId)).toBe(true);
    await updateDisclosureSettings(admin, { showStaffAccess: false });
  });

  it("each line ends through the app's own domain function, at the person's next request", async () => {
    // Session share: Maya (owner) removes Nina's; Nina's next request for the session is refused.
    await expect(getSession(nina, sessionId)).resolves.toBeTruthy();
    await expect(endChartAccess(leo, { kind: "session_share", clientId, sessionId, userId: nina.userId })).rejects.toMatchObject({ code: "not_found" });
    await endChartAccess(maya, { kind: "session_share", clientId, sessionId, userId: nina.userId });
    await expect(getSession(nina, sessionId)).rejects.toMatchObject({ code: "not_found" });

    // Access list: only an admin; Leo loses the chart at once.
    await expect(endChartAccess(leo, { kind: "access_list", clientId, userId: leo.userId })).rejects.toMatchObject({ code: "forbidden" });
    await endChartAccess(admin, { kind: "access_list", clientId, userId: leo.userId });
    expect(await canSeeClient(leo, clientId)).toBe(false);
    await expect(endChartAccess(admin, { kind: "access_list", clientId, userId: leo.userId })).rejects.toMatchObject({ code: "not_found" });

    // Portal login and external share.
    await endChartAccess(admin, { kind: "portal_login", clientId, portalAccountId: accountId });
    expect(await findPortalProfile(portal, clientId)).toBeNull();
    await endChartAccess(secretary, { kind: "external_share", clientId, shareId });

    const after = await listChartAccess(admin, clientId);
    expect(after.accessList).toEqual([]);
    expect(after.sessions[0]!.people.map((p) => p.name)).toEqual(["Dr Maya Patel", "Dr Tom Team"]);
    expect(after.portalLogins).toEqual([]);
    expect(after.externalShares).toEqual([]);
    const history = (await listChartHistory(admin, { clientId })).items;
    expect(history.map((i) => i.did)).toEqual(expect.arrayContaining(["Removed from the access list:", "Revoked the portal login of", "Revoked a share of"]));
    // Which login: the name the clinic invited it under, and its email.
    expect(history.find((i) => i.did === "Revoked the portal login of")?.other).toBe("Jordan Lee (jordan.access@example.test)");
  });
});
