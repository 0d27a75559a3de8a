import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import { acceptPortalInvitation } from "@/lib/client-portal/accept-portal-invitation";
import { findPortalProfile } from "@/lib/client-portal/portal-profiles";
import { createClient } from "@/lib/clients/create-client";
import { createSeparateProfile } from "@/lib/clients/create-separate-profile";
import { getClientChart } from "@/lib/clients/get-client-chart";
import { getPortalTab } from "@/lib/clients/get-portal-tab";
import { inviteToPortal } from "@/lib/clients/invite-to-portal";
import { linkClientContact } from "@/lib/clients/link-client-contact";
import { listClients } from "@/lib/clients/list-clients";
import { removeClientLink } from "@/lib/clients/remove-client-link";
import { updateClientInput } from "@/lib/clients/schemas";
import { updateClient } from "@/lib/clients/update-client";
import { resetRateLimits } from "@/lib/rate-limit";
import { createMember, createOrganisation } from "../support/factories";
import { latestMessageTo, tokenFromLink } from "../support/outbox";

async function setup() {
  const org = await createOrganisation("Harbour Health Group");
  const admin = await createMember(org, { role: "admin", name: "Ava Morgan" });
  const secretary = await createMember(org, { role: "medical_secretary", name: "Sam Rivers" });
  const maya = await createMember(org, { name: "Dr Maya Patel" });
  const leo = await createMember(org, { name: "Dr Leo Chen" });
  const clientId = (await createClient(admin, { firstName: "Jordan", lastName: "Lee", dateOfBirth: "1988-04-12", email: "jordan.details@example.test", phone: null, practitionerId: maya.userId })).clientId;
  return { org, admin, secretary, maya, leo, clientId };
}

const details = (clientId: string, over: Partial<Record<string, string | null>> = {}) => ({
  clientId,
  firstName: "Jordan",
  lastName: "Lee",
  dateOfBirth: "1988-04-12",
  email: "jordan.details@example.test",
  phone: null,
  address: null,
  ...over,
});

async function row(clientId: string) {
  const db = await getDb();
  const [c] = await db.select().from(s.clients).where(eq(s.clients.id, clientId));
  return c!;
}

async function auditOf(clientId: string, action: "client.updated" | "client.contact_unlinked") {
  const db = await getDb();
  return db.select().from(s.auditEvents).where(and(eq(s.auditEvents.targetId, clientId), eq(s.auditEvents.action, action)));
}

describe("search the Clients list by date of birth", () => {
  it("as typed or as the list shows it; a day that does not exist finds nothing instead of failing", async () => {
    const { admin, clientId } = await setup();
    for (const q of ["1988-04-12", "12/04/1988", "12 Apr 1988", "12 april 1988", "1988-04", "Apr 1988", "1988"]) {
      expect((await listClients(admin, { q })).items.map((c) => c.id), q).toContain(clientId);
    }
    for (const q of ["31/04/1988", "1988-04-31", "2025-02-29", "29 Feb 2025", "1988-13", "00/04/1988"]) {
      expect((await listClients(admin, { q })).items, q).toEqual([]);
    }
    // 29 February 2024 exists (a leap year): searched as that day, on which nobody here was born.
    expect((await listClients(admin, { q: "2024-02-29" })).items).toEqual([]);
  });
});

describe("edit a client's details", () => {
  beforeEach(() => resetRateLimits());

  it("an admin edits every field; audited with the fields' names, never their values", async () => {
    const { admin, clientId } = await setup();
    const result = await updateClient(admin, details(clientId, { firstName: "Jordana", dateOfBirth: "1989-05-13", email: "jl@example.test", phone: "+44 7700 900201", address: "4 Quay Street\nBristol" }));
    expect(result.changed.sort()).toEqual(["address", "dateOfBirth", "email", "firstName", "phone"]);
    expect(await row(clientId)).toMatchObject({ firstName: "Jordana", lastName: "Lee", dateOfBirth: "1989-05-13", email: "jl@example.test", phone: "+44 7700 900201", address: "4 Quay Street\nBristol" });
    const chart = await getClientChart(admin, clientId, "overview");
    expect(chart.client.address).toBe("4 Quay Street\nBristol");
    const [event] = await auditOf(clientId, "client.updated");
    expect(event).toMatchObject({ actorType: "user", actorId: admin.userId, targetType: "client" });
    expect(event!.metadata).toEqual({ fields: ["firstName", "dateOfBirth", "email", "phone", "address"] });
    expect(JSON.stringify(event!.metadata)).not.toMatch(/Jordana|Quay|jl@example/);

    // Clearing optional fields; saving without a change writes no audit event.
    await updateClient(admin, details(clientId, { firstName: "Jordana", dateOfBirth: null, email: null }));
    expect(await row(clientId)).toMatchObject({ dateOfBirth: null, email: null, phone: null, address: null });
    const count = (await auditOf(clientId, "client.updated")).length;
    expect(await updateClient(admin, details(clientId, { firstName: "Jordana", dateOfBirth: null, email: null }))).toEqual({ changed: [] });
    expect(await auditOf(clientId, "client.updated")).toHaveLength(count);
  });

  it("whoever may edit the chart may edit its details: a clinician on the list, a medical secretary; nobody else", async () => {
    const { admin, secretary, maya, leo, clientId } = await setup();
    await updateClient(maya, details(clientId, { phone: "+44 1" }));
    await updateClient(secretary, details(clientId, { phone: "+44 2" }));
    expect((await row(clientId)).phone).toBe("+44 2");

    // Leo is not on the list: the chart does not exist for him.
    await expect(updateClient(leo, details(clientId, { firstName: "Forged" }))).rejects.toMatchObject({ code: "not_found" });
    // A clinician whose role only views charts is refused, even on the list.
    const db = await getDb();
    const [viewer] = await db
      .insert(s.roles)
      .values({ organisationId: admin.organisationId, name: "Viewer", contacts: "view", letters: "view", patients: "view", labs: "view", invoices: "view", sessions: "view", settings: "none", clientScope: "assigned" })
      .returning();
    await db.update(s.memberships).set({ roleId: viewer!.id }).where(eq(s.memberships.userId, maya.userId));
    const { loadStaffActor } = await import("@/lib/auth/load-staff-actor");
    const mayaViewer = (await loadStaffActor(maya.userId, maya.organisationId))!;
    await expect(updateClient(mayaViewer, details(clientId, { firstName: "Forged" }))).rejects.toMatchObject({ code: "forbidden" });
    // A former member: nothing, at once.
    await db.update(s.memberships).set({ status: "left" }).where(eq(s.memberships.userId, secretary.userId));
    await expect(updateClient(secretary, details(clientId, { firstName: "Forged" }))).rejects.toMatchObject({ code: "not_found" });
    expect((await row(clientId)).firstName).toBe("Jordan");
    const refusals = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.targetId, clientId), eq(s.auditEvents.action, "access.refused")));
    expect(refusals.length).toBeGreaterThanOrEqual(3);
  });

  it("validation: a message per field, and the domain is never reached with bad input", () => {
    const bad = updateClientInput.safeParse({ clientId: "not-an-id", firstName: "  ", lastName: "x".repeat(81), dateOfBirth: "2026-02-30", email: "nope", phone: "1".repeat(41), address: "a".repeat(501) });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toEqual({
      clientId: "Choose an item from the list.",
      firstName: "Enter a first name.",
      lastName: "Keep the name under 80 characters.",
      dateOfBirth: "Enter a valid date of birth, not in the future.",
      email: "Enter a valid email address, or leave it empty.",
      phone: "Keep the phone number under 40 characters.",
      address: "Keep the address under 500 characters.",
    });
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    expect(updateClientInput.safeParse({ clientId: "00000000-0000-4000-8000-000000000000", firstName: "A", lastName: "B", dateOfBirth: future }).success).toBe(false);
    const ok = updateClientInput.parse({ clientId: "00000000-0000-4000-8000-000000000000", firstName: " Jordan ", lastName: "Lee", dateOfBirth: "", email: " JL@Example.TEST ", phone: "", address: "  " });
    expect(ok).toEqual({ clientId: "00000000-0000-4000-8000-000000000000", firstName: "Jordan", lastName: "Lee", dateOfBirth: null, email: "jl@example.test", phone: null, address: null });
  });

  it("an unknown or archived chart is not found, and a chart of another organisation too", async () => {
    const { admin, clientId } = await setup();
    const other = await setup();
    await expect(updateClient(admin, details(other.clientId))).rejects.toMatchObject({ code: "not_found" });
    await expect(updateClient(admin, details("00000000-0000-4000-8000-000000000000"))).rejects.toMatchObject({ code: "not_found" });
    const db = await getDb();
    await db.update(s.clients).set({ archivedAt: new Date() }).where(eq(s.clients.id, clientId));
    await expect(updateClient(admin, details(clientId, { firstName: "Late" }))).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("remove a contact link", () => {
  beforeEach(() => resetRateLimits());

  it("admins remove a link of this profile, audited; practitioners may not; a link of another chart is not found", async () => {
    const { admin, secretary, maya, leo, clientId } = await setup();
    const { linkId } = await linkClientContact(admin, { clientId, target: "contact", name: "Pat Lee", email: "pat@example.test", mobile: null, relationship: "parent", canManage: true });
    const otherChart = (await createClient(admin, { firstName: "Sofia", lastName: "Alvarez", dateOfBirth: null, email: null, phone: null, practitionerId: maya.userId })).clientId;

    await expect(removeClientLink(maya, { clientId, linkId })).rejects.toMatchObject({ code: "forbidden" });
    await expect(removeClientLink(secretary, { clientId, linkId })).rejects.toMatchObject({ code: "forbidden" });
    await expect(removeClientLink(leo, { clientId, linkId })).rejects.toMatchObject({ code: "not_found" });
    // Forged pairing: a chart the admin may act on, with another chart's link.
    await expect(removeClientLink(admin, { clientId: otherChart, linkId })).rejects.toMatchObject({ code: "not_found" });
    expect((await getPortalTab(admin, clientId)).contacts.map((c) => c.linkId)).toEqual([linkId]);

    await removeClientLink(admin, { clientId, linkId });
    expect((await getPortalTab(admin, clientId)).contacts).toEqual([]);
    const [event] = await auditOf(clientId, "client.contact_unlinked");
    expect(event).toMatchObject({ actorId: admin.userId });
    expect(event!.metadata).toMatchObject({ linkId, relationship: "parent", canManage: true });
    // Twice is not found; the contact itself stays in the organisation's contacts.
    await expect(removeClientLink(admin, { clientId, linkId })).rejects.toMatchObject({ code: "not_found" });
    const db = await getDb();
    expect(await db.select().from(s.contacts).where(eq(s.contacts.name, "Pat Lee"))).toHaveLength(1);
  });

  it("the admin's client list shows a person's separate profiles together; a practitioner sees only their own", async () => {
    const { admin, maya, leo, clientId: first } = await setup();
    // Another Jordan Lee (a different person) sorts between the two profiles by id half the time.
    const other = (await createClient(admin, { firstName: "Jordan", lastName: "Lee", dateOfBirth: "1990-01-01", email: null, phone: null, practitionerId: maya.userId })).clientId;
    const { clientId: second } = await createSeparateProfile(admin, { clientId: first, practitionerId: leo.userId });
    const listed = (await listClients(admin, { q: "Jordan Lee" })).items.map((c) => [c.id, c.profileOf]);
    // The original, then the separate profile marked as the original's, next to each other.
    const at = listed.findIndex(([id]) => id === first);
    expect(listed.slice(at, at + 2)).toEqual([
      [first, null],
      [second, first],
    ]);
    expect(listed).toContainEqual([other, null]);
    // Leo sees the second profile alone, not grouped with (or hinting at) the chart he may not see.
    expect((await listClients(leo, { q: "Jordan Lee" })).items.map((c) => [c.id, c.profileOf])).toEqual([[second, null]]);
  });

  it("removing a separate profile's Self link leaves the portal login as it was (revoking is its own step)", async () => {
    const { admin, leo, clientId: first } = await setup();
    const { clientId: second } = await createSeparateProfile(admin, { clientId: first, practitionerId: leo.userId });
    const selfLink = (await getPortalTab(admin, second)).contacts[0]!.linkId;
    await inviteToPortal(admin, { clientId: second, who: selfLink, canManage: true });
    const token = tokenFromLink((await latestMessageTo("jordan.details@example.test", "portal-invitation"))?.link);
    const { accountId } = await acceptPortalInvitation({ token, password: "portal-password-1" });

    await removeClientLink(admin, { clientId: second, linkId: selfLink });
    expect((await getClientChart(admin, second, "overview")).linkedProfiles).toEqual([]);
    expect(await findPortalProfile({ accountId, name: "", email: "", sessionId: "" }, second)).not.toBeNull();
    expect((await getPortalTab(admin, second)).invitations.map((i) => i.status)).toEqual(["accepted"]);
  });
});
