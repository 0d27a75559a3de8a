import { expect, test } from "@playwright/test";
import { query } from "../db";
import { callFormAction, serverActions } from "../server-actions";
import { signIn } from "../support";

async function clientState() {
  const [clients, access, links, grants, requests] = await Promise.all([
    query("select id, first_name, last_name, date_of_birth::text, email, phone, address from clients order by id"),
    query("select client_id, user_id from client_access order by client_id, user_id"),
    query("select id, client_id, linked_client_id, contact_id, relationship from client_links order by id"),
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
  // A contact link on Jordan's chart (Tom as "Other"), for the forged removal below.
  const [link] = await query<{ id: string }>("insert into client_links (client_id, linked_client_id, relationship) values ($1, $2, 'other') returning id", [jordan!.id, tom!.id]);

  // Maya has Jordan's chart: she still may not grant anyone (herself included) or make profiles.
  await signIn(page, "maya@harbour.test");
  const before = await clientState();
  await callFormAction(page.request, byName("setClientAccessAction"), { clientId: jordan!.id, userIds: [id("maya@harbour.test"), id("nina@harbour.test")] });
  await callFormAction(page.request, byName("setClientAccessAction"), { clientId: tom!.id, userIds: [id("maya@harbour.test")] });
  await callFormAction(page.request, byName("createSeparateProfileAction"), { clientId: jordan!.id, practitionerId: id("maya@harbour.test") });
  await callFormAction(page.request, byName("linkClientContactAction"), { clientId: jordan!.id, target: "contact", name: "Forged", relationship: "other" });
  await callFormAction(page.request, byName("createClientAction"), { firstName: "Forged", lastName: "Client" });
  // Portal logins are set up and revoked by an administrator only, on her own chart too.
  await callFormAction(page.request, byName("inviteToPortalAction"), { clientId: jordan!.id, who: "profile", canManage: "on" });
  // Tom is not on her list: inviting and sending forms there are refused as "not found".
  await callFormAction(page.request, byName("inviteToPortalAction"), { clientId: tom!.id, who: "profile", canManage: "on" });
  await callFormAction(page.request, byName("sendIntakeFormAction"), { clientId: tom!.id, formId: form!.id });
  // Editing details needs the chart: Tom's is refused. Removing a contact link is the admins' job,
  // on her own chart too; and a link forged onto another chart's id is not found.
  await callFormAction(page.request, byName("updateClientAction"), { clientId: tom!.id, firstName: "Forged", lastName: "Name", email: "forged@example.test" });
  await callFormAction(page.request, byName("removeClientLinkAction"), { clientId: jordan!.id, linkId: link!.id });
  await callFormAction(page.request, byName("removeClientLinkAction"), { clientId: tom!.id, linkId: link!.id });
  expect(await clientState()).toBe(before);

  // The same request from an admin goes through: the refusals above were the policy, not the transport.
  await page.context().clearCookies();
  await signIn(page, "admin@harbour.test");
  await callFormAction(page.request, byName("setClientAccessAction"), { clientId: tom!.id, userIds: [id("leo@harbour.test"), id("nina@harbour.test")] });
  const access = await query<{ email: string }>("select u.email from client_access a join users u on u.id = a.user_id where a.client_id = $1 order by u.email", [tom!.id]);
  expect(access.map((a) => a.email)).toEqual(["leo@harbour.test", "nina@harbour.test"]);
  // A pairing of another chart's id with the link stays refused for an admin too.
  await callFormAction(page.request, byName("removeClientLinkAction"), { clientId: tom!.id, linkId: link!.id });
  expect(await query("select id from client_links where id = $1", [link!.id])).toHaveLength(1);
  await callFormAction(page.request, byName("removeClientLinkAction"), { clientId: jordan!.id, linkId: link!.id });
  expect(await query("select id from client_links where id = $1", [link!.id])).toEqual([]);
  await callFormAction(page.request, byName("updateClientAction"), { clientId: tom!.id, firstName: "Tom", lastName: "Becker", dateOfBirth: "1962-01-05", email: "tom.becker@example.test", phone: "+44 7700 900303" });
  const [tomNow] = await query<{ phone: string }>("select phone from clients where id = $1", [tom!.id]);
  expect(tomNow!.phone).toBe("+44 7700 900303");
});

test("forged client-detail edits from a practitioner who sees the chart go through only as far as the policy allows", async ({ page }) => {
  // Leo is on Tom's list (patients: edit): he may edit Tom's details, never Jordan's (not on his list).
  const actions = serverActions().filter((a) => a.filename.startsWith("app/(app)/clients/"));
  const update = actions.find((a) => a.exportedName === "updateClientAction")!;
  const [jordan] = await query<{ id: string }>("select id from clients where first_name = 'Jordan' and last_name = 'Lee' order by created_at limit 1");
  const [tom] = await query<{ id: string }>("select id from clients where first_name = 'Tom' and last_name = 'Becker'");
  await signIn(page, "leo@harbour.test");
  const before = await clientState();
  await callFormAction(page.request, update, { clientId: jordan!.id, firstName: "Forged", lastName: "Lee" });
  expect(await clientState()).toBe(before);
  await callFormAction(page.request, update, { clientId: tom!.id, firstName: "Tom", lastName: "Becker", dateOfBirth: "1962-01-05", email: "tom.becker@example.test", phone: "+44 7700 900404" });
  const [tomNow] = await query<{ phone: string }>("select phone from clients where id = $1", [tom!.id]);
  expect(tomNow!.phone).toBe("+44 7700 900404");
});
