import { expect, test } from "@playwright/test";
import { query } from "../db";
import { callFormAction, serverActions } from "../server-actions";
import { signIn } from "../support";

async function clientState() {
  const [clients, access, links, grants, requests] = await Promise.all([
    query("select id, email from clients order by id"),
    query("select client_id, user_id from client_access order by client_id, user_id"),
    query("select id from client_links order by id"),
    query("select portal_account_id, client_id, status, can_manage from portal_account_profiles order by 1, 2"),
    query("select id from intake_requests order by id"),
  ]);
  return JSON.stringify({ clients, access, links, grants, requests });
}

test("forged client server actions from a practitioner without access (and admin-only ones from one with access) change nothing", async ({ page }) => {
  const actions = serverActions().filter((a) => a.filename.startsWith("app/(app)/clients/"));
  const byName = (n: string) => actions.find((a) => a.exportedName === n)!;
  const [jordan] = await query<{ id: string }>("select id from clients where first_name = 'Jordan' and last_name = 'Lee' order by created_at limit 1");
  const [tom] = await query<{ id: string }>("select id from clients where first_name = 'Tom' and last_name = 'Becker'");
  const users = await query<{ id: string; email: string }>("select id, email from users");
  const id = (email: string) => users.find((u) => u.email === email)!.id;
  const [form] = await query<{ id: string }>("select id from intake_forms where name = 'Consent to treatment'");

  // Maya has Jordan's chart: she still may not grant anyone (herself included) or make profiles.
  await signIn(page, "maya@harbour.test");
  const before = await clientState();
  await callFormAction(page.request, byName("setClientAccessAction"), { clientId: jordan!.id, userIds: [id("maya@harbour.test"), id("nina@harbour.test")] });
  await callFormAction(page.request, byName("setClientAccessAction"), { clientId: tom!.id, userIds: [id("maya@harbour.test")] });
  await callFormAction(page.request, byName("createSeparateProfileAction"), { clientId: jordan!.id, practitionerId: id("maya@harbour.test") });
  await callFormAction(page.request, byName("linkClientContactAction"), { clientId: jordan!.id, target: "contact", name: "Forged", relationship: "other" });
  await callFormAction(page.request, byName("createClientAction"), { firstName: "Forged", lastName: "Client" });
  // Tom is not on her list: inviting and sending forms there are refused as "not found".
  await callFormAction(page.request, byName("inviteToPortalAction"), { clientId: tom!.id, who: "profile", canManage: "on" });
  await callFormAction(page.request, byName("sendIntakeFormAction"), { clientId: tom!.id, formId: form!.id });
  expect(await clientState()).toBe(before);

  // The same request from an admin goes through: the refusals above were the policy, not the transport.
  await page.context().clearCookies();
  await signIn(page, "admin@harbour.test");
  await callFormAction(page.request, byName("setClientAccessAction"), { clientId: tom!.id, userIds: [id("leo@harbour.test"), id("nina@harbour.test")] });
  const access = await query<{ email: string }>("select u.email from client_access a join users u on u.id = a.user_id where a.client_id = $1 order by u.email", [tom!.id]);
  expect(access.map((a) => a.email)).toEqual(["leo@harbour.test", "nina@harbour.test"]);
});
