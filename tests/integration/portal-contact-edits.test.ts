import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { describeAuditAction } from "@/lib/audit/action-groups";
import { linkClientContact } from "@/lib/clients/link-client-contact";
import { getContact } from "@/lib/contacts/list-contacts";
import { saveContact } from "@/lib/contacts/save-contact";
import { createClient, createContact, createMember, createOrganisation } from "../support/factories";

const details = (email: string) => ({ name: "Rachel Grant", organisationName: null, role: "Client contact", email, mobile: null, notes: "" });

describe("a client's portal contact (a parent, a guardian)", () => {
  let admin: StaffActor;
  let secretary: StaffActor;
  let rachel: string;

  beforeAll(async () => {
    const org = await createOrganisation("Portal Contact Clinic");
    admin = await createMember(org, { role: "admin" });
    // Contacts: edit, and sees every chart, but may not manage a chart's portal.
    secretary = await createMember(org, { role: "medical_secretary" });
    const child = await createClient(org.id, { firstName: "Oliver", lastName: "Grant" });
    const { linkId } = await linkClientContact(admin, { clientId: child.id, target: "contact", name: "Rachel Grant", email: "rachel@family.test", mobile: null, relationship: "parent", canManage: true });
    const db = await getDb();
    rachel = (await db.select().from(s.clientLinks).where(eq(s.clientLinks.id, linkId)))[0]!.contactId!;
  });

  it("can't be pointed at another address by someone who may edit contacts but not manage the chart's portal", async () => {
    await expect(saveContact(secretary, { contactId: rachel, ...details("someone.else@example.test") })).rejects.toMatchObject({ code: "contact_on_chart" });
    const db = await getDb();
    const [row] = await db.select().from(s.contacts).where(eq(s.contacts.id, rachel));
    expect(row!.email).toBe("rachel@family.test");
    const refused = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.action, "access.refused"), eq(s.auditEvents.targetId, rachel)));
    expect(refused).toEqual([expect.objectContaining({ actorId: secretary.userId, metadata: { needed: "client:link_contact" } })]);
    // The contact's page says so and offers no form to submit.
    expect(await getContact(secretary, rachel)).toMatchObject({ portalContact: true, editable: false });
  });

  it("is changed by an admin who manages the chart's portal, and the log says which details changed", async () => {
    expect(await getContact(admin, rachel)).toMatchObject({ portalContact: true, editable: true });
    await saveContact(admin, { contactId: rachel, ...details("rachel.grant@family.test") });
    const db = await getDb();
    const [event] = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.action, "contact.updated"), eq(s.auditEvents.targetId, rachel)));
    expect(event!.metadata).toEqual({ changed: ["email"] });
    expect(describeAuditAction("contact.updated", event!.metadata as Record<string, unknown>)).toBe("Edited a contact: email");
  });

  it("an external contact of no chart stays editable by anyone who may edit contacts", async () => {
    const gp = await createContact(admin.organisationId, { name: "Dr GP" });
    expect(await getContact(secretary, gp.id)).toMatchObject({ portalContact: false, editable: true });
    await saveContact(secretary, { contactId: gp.id, name: "Dr GP", organisationName: null, role: null, email: "new@gp.test", mobile: gp.mobile, notes: "" });
    const db = await getDb();
    expect((await db.select().from(s.contacts).where(eq(s.contacts.id, gp.id)))[0]!.email).toBe("new@gp.test");
  });
});
