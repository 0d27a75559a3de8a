import { expect, test } from "@playwright/test";
import { query } from "../db";
import { signIn } from "../support";

const one = async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => (await query<T>(text, params))[0]!;
const MISSING = "00000000-0000-4000-8000-000000000000";

/**
 * Issue 14 §4/§6: a record's page carries its name in the title; a refused or missing record is
 * a 404 titled "Not found"; and after access is removed, Back does not bring the session back
 * from the browser's cache.
 */
test("record pages: named titles, 404 for refused and missing records, and Back after access removal asks the server again", async ({ page }) => {
  const session = await one<{ id: string }>("select id from clinical_sessions where title = 'Initial assessment — J. Lee'");
  const nina = await one<{ id: string }>("select id from users where email = 'nina@harbour.test'");
  const maya = await one<{ id: string }>("select id from users where email = 'maya@harbour.test'");
  // A chart of the clinic with nobody on its access list (other specs change the seeded charts' lists).
  const tom = await one<{ id: string }>(
    "insert into clients (organisation_id, first_name, last_name) select organisation_id, 'Tomas', 'Refused' from memberships m join users u on u.id = m.user_id where u.email = 'admin@harbour.test' returning id",
  );
  await query("insert into session_shares (session_id, user_id, access, granted_by_id) values ($1, $2, 'view', $3) on conflict do nothing", [session.id, nina.id, maya.id]);
  try {
    await signIn(page, "nina@harbour.test");
    const opened = await page.goto(`/sessions/${session.id}`);
    expect(opened?.status()).toBe(200);
    await expect(page).toHaveTitle("Initial assessment — J. Lee · Carebridge");
    await expect(page.getByText("PHQ-9 score 14")).toBeVisible();

    // Refused and missing look the same: 404, "Not found".
    for (const path of [`/sessions/${MISSING}`, `/clients/${tom.id}`, `/clients/${tom.id}/documents`, `/documents/${MISSING}`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page).toHaveTitle("Not found · Carebridge");
      await expect(page.getByRole("heading", { name: "We can't show you this page" })).toBeVisible();
    }

    // Open the session, move on inside the app, lose access, press Back.
    await page.goto(`/sessions/${session.id}`);
    await expect(page.getByText("PHQ-9 score 14")).toBeVisible();
    await page.getByRole("link", { name: "Contacts" }).first().click();
    await expect(page).toHaveURL(/\/contacts$/);
    await query("delete from session_shares where session_id = $1 and user_id = $2", [session.id, nina.id]);
    await page.goBack();
    await expect(page.getByRole("heading", { name: "We can't show you this page" })).toBeVisible();
    await expect(page.getByText("PHQ-9 score 14")).toHaveCount(0);
    await expect(page).toHaveTitle("Not found · Carebridge");
  } finally {
    await query("delete from session_shares where session_id = $1 and user_id = $2", [session.id, nina.id]);
  }
});

test("the chart overview summarises the chart, and a new client who may already have one is warned about it", async ({ page }) => {
  const jordan = await one<{ id: string }>("select id from clients where first_name = 'Jordan' and last_name = 'Lee' order by created_at limit 1");
  // The newest document of the chart (other specs add documents to the seeded charts too).
  const title = `Overview letter ${Date.now()}`;
  await query(
    "insert into documents (organisation_id, client_id, kind, title, content, author_id) select c.organisation_id, c.id, 'letter', $2, $3, u.id from clients c, users u where c.id = $1 and u.email = 'maya@harbour.test'",
    [jordan.id, title, JSON.stringify({ recipient: "Dr Gail", subject: "Overview", body: "Dear Dr Gail," })],
  );
  await signIn(page, "admin@harbour.test");
  await page.goto(`/clients/${jordan.id}`);
  await expect(page).toHaveTitle("Jordan Lee · Carebridge");
  const documents = page.getByRole("region", { name: "Latest documents" });
  await expect(documents.getByRole("link", { name: title })).toBeVisible();
  await expect(documents.getByRole("link", { name: "All documents" })).toHaveAttribute("href", `/clients/${jordan.id}/documents`);
  await expect(page.getByRole("region", { name: "Assigned practitioners" })).toContainText("Dr Maya Patel");
  // An empty part says what to do next.
  await expect(page.getByRole("region", { name: "Client portal" })).toContainText(/Invite the client|Can sign in|Invitation sent/);

  await page.goto("/clients/new");
  await page.getByLabel("First name").fill("jordan");
  await page.getByLabel("Last name").fill("Lee");
  await page.getByLabel("Date of birth (optional)").fill("1988-04-12");
  await page.getByLabel("Email (optional)").focus();
  const warning = page.getByRole("status").filter({ hasText: "This person may already have a chart" });
  await expect(warning.getByRole("link", { name: "Jordan Lee, born 12 Apr 1988" }).first()).toHaveAttribute("href", `/clients/${jordan.id}`);
  await page.getByRole("button", { name: "Create client" }).click();
  await expect(page.getByText("A chart with this email, or this name and date of birth, already exists.")).toBeVisible();
  expect(await query("select 1 from clients where first_name = 'jordan'")).toEqual([]);
});

test("on a phone the chart's tabs scroll inside their strip, and a fade shows which way more tabs are", async ({ page }) => {
  const jordan = await one<{ id: string }>("select id from clients where first_name = 'Jordan' and last_name = 'Lee' order by created_at limit 1");
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, "admin@harbour.test");
  await page.goto(`/clients/${jordan.id}`);
  const tabs = page.getByRole("navigation", { name: "Chart" });
  await expect(tabs.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  // More tabs to the right, none to the left.
  await expect(page.getByTestId("tabs-more-after")).toBeVisible();
  await expect(page.getByTestId("tabs-more-before")).toHaveCount(0);
  // The last tab, opened: the strip brings it into view, and the fade moves to the left.
  await tabs.getByRole("link", { name: "Access" }).click();
  await expect(page).toHaveURL(/\/access$/);
  await expect(tabs.getByRole("link", { name: "Access" })).toHaveAttribute("aria-current", "page");
  await expect(tabs.getByRole("link", { name: "Access" })).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId("tabs-more-before")).toBeVisible();
  await expect(page.getByTestId("tabs-more-after")).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
