import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { query } from "../db";
import { pdfText } from "../documents/pdf-text";
import { signIn } from "../support";

const one = async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => (await query<T>(text, params))[0]!;

/**
 * One chart with every kind of access, made in the database: Leo on the access list, Maya's
 * session about the client shared with Nina at View and with Leo at Full access, a portal login
 * that can manage information, and a letter shared with an outside GP.
 */
async function chartWithEveryKindOfAccess() {
  // Digits only: the PDF font draws "ff" as one glyph, which reads back differently.
  const tag = String(randomBytes(3).readUIntBE(0, 3)).padStart(8, "0");
  const org = await one<{ id: string }>("select organisation_id as id from memberships m join users u on u.id = m.user_id where u.email = 'admin@harbour.test'");
  const user = async (email: string) => (await one<{ id: string }>("select id from users where email = $1", [email])).id;
  const [admin, maya, nina, leo] = [await user("admin@harbour.test"), await user("maya@harbour.test"), await user("nina@harbour.test"), await user("leo@harbour.test")];
  const client = await one<{ id: string }>("insert into clients (organisation_id, first_name, last_name, email) values ($1, 'Ada', $2, $3) returning id", [org.id, `Access${tag}`, `ada-${tag}@example.test`]);
  await query("insert into client_access (client_id, user_id, granted_by_id) values ($1, $2, $3)", [client.id, leo, admin]);
  const session = await one<{ id: string }>("insert into clinical_sessions (organisation_id, owner_id, title, client_id) values ($1, $2, $3, $4) returning id", [org.id, maya, `Review ${tag}`, client.id]);
  await query("insert into session_shares (session_id, user_id, access, granted_by_id) values ($1, $2, 'view', $3), ($1, $4, 'full', $3)", [session.id, nina, maya, leo]);
  const { password_hash } = await one<{ password_hash: string }>("select password_hash from users where email = 'admin@harbour.test'");
  const account = await one<{ id: string }>("insert into portal_accounts (email, name, password_hash) values ($1, $2, $3) returning id", [`ada-${tag}@example.test`, `Ada Access${tag}`, password_hash]);
  await query("insert into portal_account_profiles (portal_account_id, client_id, can_manage, status, accepted_at) values ($1, $2, true, 'accepted', now())", [account.id, client.id]);
  const gp = await one<{ id: string }>("insert into contacts (organisation_id, name, organisation_name, email) values ($1, $2, 'Northside GP', $3) returning id", [org.id, `Dr Gail ${tag}`, `gail-${tag}@gp.test`]);
  const letter = await one<{ id: string }>(
    "insert into documents (organisation_id, client_id, kind, title, content, author_id) values ($1, $2, 'letter', $3, $4, $5) returning id",
    [org.id, client.id, `Discharge summary ${tag}`, JSON.stringify({ recipient: "Dr Gail", subject: "Discharge", body: "Dear Dr Gail," }), maya],
  );
  await query("insert into document_shares (document_id, contact_id, shared_by_id, token_hash, security_level, purpose) values ($1, $2, $3, $4, 'link', 'continuing_care')", [letter.id, gp.id, maya, randomBytes(32).toString("hex")]);
  return { tag, clientId: client.id, sessionId: session.id, email: `ada-${tag}@example.test` };
}

test("a client signs in to the portal and downloads their record of disclosures listing the GP share with its purpose", async ({ page }) => {
  const chart = await chartWithEveryKindOfAccess();
  await page.goto("/portal/sign-in");
  await page.getByLabel("Email").fill(chart.email);
  await page.getByLabel("Password").fill("carebridge-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  // Signed in once the portal has moved on from its sign-in page (navigating earlier would cancel the sign-in).
  await page.waitForURL((url) => !url.pathname.startsWith("/portal/sign-in"));
  await page.goto(`/portal/profiles/${chart.clientId}`);
  await page.getByRole("link", { name: "See the record" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Who has seen this information" })).toBeVisible();
  const table = page.getByRole("table", { name: "Documents shared outside the clinic" });
  await expect(table).toContainText(`Dr Gail ${chart.tag}`);
  await expect(table).toContainText(`Discharge summary ${chart.tag}`);
  await expect(table).toContainText("Continuing care");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download as PDF" }).click()]);
  // Table cells wrap: read the text as one line.
  const text = pdfText(readFileSync((await download.path())!)).replace(/[·\s]+/g, " ");
  expect(text).toContain("Record of disclosures");
  expect(text).toContain("Harbour Health Group");
  expect(text).toContain(`Dr Gail ${chart.tag}, Northside GP`);
  expect(text).toContain(`Discharge summary ${chart.tag}`);
  expect(text).toContain("Continuing care");
  const audited = await query<{ action: string }>("select action from audit_events where target_id = $1 and actor_type = 'client' order by created_at", [chart.clientId]);
  expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(["client.disclosures_viewed", "client.disclosures_downloaded"]));
});

test("the Access tab lists every kind of access, and a session share removed there is refused at the colleague's next request", async ({ page, browser }) => {
  // Two people signing in on a loaded machine.
  test.setTimeout(120_000);
  const chart = await chartWithEveryKindOfAccess();
  // Nina opens the session through her View share, in a browser of her own; Leo sees the chart
  // (on its access list) and holds the session at Full access.
  const nina = await (await browser.newContext()).newPage();
  await Promise.all([signIn(nina, "nina@harbour.test"), signIn(page, "leo@harbour.test")]);
  await nina.goto(`/sessions/${chart.sessionId}`);
  await expect(nina.getByRole("heading", { level: 1, name: `Review ${chart.tag}` })).toBeVisible();

  await page.goto(`/clients/${chart.clientId}/access`);
  await expect(page.getByRole("list", { name: "Practitioners on the access list" })).toContainText("Dr Leo Chen");
  const everyChart = page.getByRole("list", { name: "Staff whose role sees every chart" });
  await expect(everyChart.getByRole("listitem").filter({ hasText: "Ava Morgan" })).toContainText("Role: Admin");
  await expect(everyChart.getByRole("listitem").filter({ hasText: "Sam Rivers" })).toContainText("Role: Medical secretary");
  const people = page.getByRole("list", { name: /^People with access to / });
  await expect(people.getByRole("listitem").filter({ hasText: "Dr Maya Patel" })).toContainText("Owner");
  await expect(people.getByRole("listitem").filter({ hasText: "Dr Leo Chen" })).toContainText("Shared: Full access");
  const ninaLine = people.getByRole("listitem").filter({ hasText: "Dr Nina Okafor" });
  await expect(ninaLine).toContainText("Shared: View");
  const portal = page.getByRole("list", { name: "Client portal logins" });
  await expect(portal).toContainText(`Ada Access${chart.tag}`);
  await expect(portal).toContainText("Can manage information");
  const external = page.getByRole("list", { name: "External contacts holding a document" });
  await expect(external).toContainText(`Dr Gail ${chart.tag}, Northside GP`);
  await expect(external).toContainText(`Discharge summary ${chart.tag}`);

  await ninaLine.getByRole("button", { name: "Remove share" }).click();
  await page.getByRole("dialog", { name: "Remove Dr Nina Okafor's share of this session?" }).getByRole("button", { name: "Remove share" }).click();
  await expect(people.getByRole("listitem").filter({ hasText: "Dr Nina Okafor" })).toHaveCount(0);

  // Nina's next request: the session is not found, as if it never existed.
  await nina.reload();
  await expect(nina.getByRole("heading", { level: 1, name: "We can't show you this page" })).toBeVisible();
  await expect(nina.getByText(`Review ${chart.tag}`)).toHaveCount(0);
  expect(await query("select 1 from session_shares where session_id = $1 and user_id = (select id from users where email = 'nina@harbour.test')", [chart.sessionId])).toEqual([]);
  await nina.context().close();
});
