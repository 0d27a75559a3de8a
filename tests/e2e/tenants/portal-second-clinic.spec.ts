import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { query } from "../db";
import { openLatestMessage, pathOf } from "../outbox";
import { DEMO_PASSWORD, signIn } from "../support";

const one = async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => (await query<T>(text, params))[0]!;

// Issue 9, item 3: Harbour invites an email another clinic already has on its portal. Harbour sees
// "Invitation sent" under its own name for the person; the client accepts with the password they
// already have, and only then does their login reach Harbour's profile.
test("a portal invitation to another clinic's login stays 'Invitation sent' until the client accepts with their password", async ({ page, browser }) => {
  const tag = randomBytes(3).toString("hex");
  const email = `quinn-${tag}@example.test`;
  const { password_hash } = await one<{ password_hash: string }>("select password_hash from users where email = 'admin@harbour.test'");
  const other = await one<{ id: string }>("insert into organisations (name) values ($1) returning id", [`Elsewhere Clinic ${tag}`]);
  const elsewhere = await one<{ id: string }>("insert into clients (organisation_id, first_name, last_name, email) values ($1, 'Quinn', 'Elsewhere-Recorded', $2) returning id", [other.id, email]);
  const account = await one<{ id: string }>("insert into portal_accounts (email, name, password_hash) values ($1, 'Quinn Elsewhere-Recorded', $2) returning id", [email, password_hash]);
  await query("insert into portal_account_profiles (portal_account_id, client_id, status, accepted_at, invited_name) values ($1, $2, 'accepted', now(), 'Quinn Elsewhere-Recorded')", [account.id, elsewhere.id]);
  const harbour = await one<{ id: string }>("select id from organisations where name = 'Harbour Health Group'");
  const mine = await one<{ id: string }>("insert into clients (organisation_id, first_name, last_name, email) values ($1, 'Quinn', 'Harbourside', $2) returning id", [harbour.id, email]);

  await signIn(page, "admin@harbour.test");
  await page.goto(`/clients/${mine.id}/portal`);
  await page.getByRole("button", { name: "Invite to portal" }).click();
  await expect(page.getByText("Invitation sent.")).toBeVisible();
  const invitations = page.getByRole("table", { name: "Portal invitations" });
  await expect(invitations).toContainText("Invitation sent");
  await expect(invitations).toContainText("Quinn Harbourside");
  await expect(invitations).not.toContainText("Elsewhere");
  // No "profile added": the login does not reach Harbour's profile yet.
  expect(await query("select 1 from outbox where \"to\" = $1 and template = 'portal-profile-added'", [email])).toEqual([]);
  expect(await query("select status from portal_account_profiles where client_id = $1", [mine.id])).toEqual([{ status: "invited" }]);

  const link = await openLatestMessage(page, email, "invited you to its client portal");
  // A context of its own (the client), on the same server.
  const client = await (await browser.newContext({ baseURL: new URL(page.url()).origin })).newPage();
  await client.goto(pathOf(link));
  await expect(client.getByRole("heading", { name: "Hello, Quinn Harbourside" })).toBeVisible();
  await expect(client.getByText("You already have a portal login")).toBeVisible();
  await expect(client.getByLabel("New password")).toHaveCount(0);
  await client.getByLabel("Your password", { exact: true }).fill("not-the-password");
  await client.getByRole("button", { name: "Accept and open the portal" }).click();
  await expect(client.getByText("That password isn't right.")).toBeVisible();
  await client.getByLabel("Your password", { exact: true }).fill(DEMO_PASSWORD);
  await client.getByRole("button", { name: "Accept and open the portal" }).click();
  const profiles = client.getByRole("list", { name: "Profiles" });
  await expect(profiles.getByRole("link")).toHaveCount(2);

  await page.goto(`/clients/${mine.id}/portal`);
  await expect(page.getByRole("table", { name: "Portal invitations" })).toContainText("Accepted");
});
