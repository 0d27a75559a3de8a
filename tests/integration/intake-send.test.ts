import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import { sendIntakeForm } from "@/lib/clients/send-intake-form";
import { createClient, createMember, createOrganisation } from "../support/factories";
import { latestMessageTo } from "../support/outbox";

async function setUp(portalLogins: { email: string; canManage: boolean }[]) {
  const org = await createOrganisation();
  const maya = await createMember(org, { role: "clinician", name: "Dr Maya Patel" });
  const profile = await createClient(org.id, { firstName: "Jordan", lastName: "Lee", accessFor: [maya.userId] });
  const db = await getDb();
  const [form] = await db.insert(s.intakeForms).values({ organisationId: org.id, name: "Consent to treatment", fields: [] }).returning();
  for (const login of portalLogins) {
    const [account] = await db.insert(s.portalAccounts).values({ email: login.email, name: login.email }).returning();
    await db.insert(s.portalAccountProfiles).values({ portalAccountId: account!.id, clientId: profile.id, canManage: login.canManage, status: "accepted" });
  }
  return { maya, profile, form: form! };
}

describe("sending an intake form", () => {
  it("is refused, sending nothing, when nobody on the portal may complete forms for the profile", async () => {
    const { maya, profile, form } = await setUp([{ email: "viewer@example.test", canManage: false }]);
    await expect(sendIntakeForm(maya, { clientId: profile.id, formId: form.id })).rejects.toMatchObject({ code: "no_portal_manager" });
    const db = await getDb();
    expect(await db.select().from(s.intakeRequests)).toEqual([]);
    expect(await latestMessageTo("viewer@example.test", "intake-form")).toBeNull();
  });

  it("emails only the portal logins that can complete it", async () => {
    const { maya, profile, form } = await setUp([
      { email: "self@example.test", canManage: true },
      { email: "viewer2@example.test", canManage: false },
    ]);
    await sendIntakeForm(maya, { clientId: profile.id, formId: form.id });
    expect((await latestMessageTo("self@example.test", "intake-form"))?.subject).toContain("a form to complete");
    expect(await latestMessageTo("viewer2@example.test", "intake-form")).toBeNull();
  });
});
