import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { archiveContact } from "@/lib/contacts/archive-contact";
import { saveContact } from "@/lib/contacts/save-contact";
import { contactInput, formatMobile, MOBILE_FORMAT, normaliseMobile } from "@/lib/contacts/schemas";
import { createMember, createOrganisation } from "../support/factories";

const form = (mobile: string) => ({ name: "Dr Ana Łukasiewicz", organisationName: "", role: "", email: "ana@gp.test", mobile, notes: "" });

describe("contact mobiles", () => {
  it("are normalised to international format on save, or refused with a clear message", () => {
    expect(normaliseMobile("07700 900999")).toBe("+447700900999");
    expect(normaliseMobile("(07700) 900-999")).toBe("+447700900999");
    expect(normaliseMobile("+44 7700 900123")).toBe("+447700900123");
    expect(normaliseMobile("+1 (415) 555-0100")).toBe("+14155550100");
    for (const bad of ["7700 900999", "0770090099", "01632 960000", "+12345", "+1234567890123456", "0044 7700 900123", "phone me"]) expect(normaliseMobile(bad), bad).toBeNull();

    expect(contactInput.parse(form("07700 900999")).mobile).toBe("+447700900999");
    expect(contactInput.parse(form("")).mobile).toBeNull();
    const refused = contactInput.safeParse(form("7700 900999"));
    expect(refused.success).toBe(false);
    expect(refused.error!.issues).toEqual([expect.objectContaining({ path: ["mobile"], message: MOBILE_FORMAT })]);
    expect(MOBILE_FORMAT).toBe("Enter the mobile in international format, e.g. +44 7700 900123.");

    expect(formatMobile("+447700900999")).toBe("+44 7700 900999");
    expect(formatMobile("+44 7700 900123")).toBe("+44 7700 900123");
    expect(formatMobile("+14155550100")).toBe("+14155550100");
  });

  describe("saving", () => {
    let admin: StaffActor;
    beforeAll(async () => {
      const org = await createOrganisation("Mobile Clinic");
      admin = await createMember(org, { role: "admin" });
    });

    it("stores E.164; an archived contact is read-only until restored", async () => {
      const db = await getDb();
      const { contactId } = await saveContact(admin, contactInput.parse(form("07700 900999")));
      const [row] = await db.select().from(s.contacts).where(eq(s.contacts.id, contactId));
      expect(row!.mobile).toBe("+447700900999");

      await archiveContact(admin, { contactId });
      await expect(saveContact(admin, contactInput.parse({ ...form("+44 7700 900123"), contactId }))).rejects.toMatchObject({ code: "contact_archived" });
      await archiveContact(admin, { contactId, restore: true });
      await saveContact(admin, contactInput.parse({ ...form("+44 7700 900123"), contactId }));
      const [after] = await db.select().from(s.contacts).where(eq(s.contacts.id, contactId));
      expect(after!.mobile).toBe("+447700900123");
      expect(after!.archivedAt).toBeNull();
    });
  });
});
