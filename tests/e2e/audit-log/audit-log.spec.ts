import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { query } from "../db";
import { signIn } from "../support";

const DAY = 24 * 3_600_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * An admin answers "who opened this client's letter last week?" from Settings → Audit log, and
 * exports the answer. The events are written straight into the database with last week's dates.
 */
test("an admin finds who opened a client's letter last week, and exports it", async ({ page }) => {
  test.slow(); // a dynamic, filtered page and a download, on a machine shared with other runs
  const surname = `Audit${randomBytes(3).toString("hex")}`;
  const [org] = await query<{ id: string }>(`select id from organisations where name = 'Harbour Health Group'`);
  const people = await query<{ id: string; email: string }>(`select id, email from users where email in ('nina@harbour.test', 'maya@harbour.test')`);
  const nina = people.find((p) => p.email === "nina@harbour.test")!.id;
  const maya = people.find((p) => p.email === "maya@harbour.test")!.id;
  const [client] = await query<{ id: string }>(`insert into clients (organisation_id, first_name, last_name) values ($1, 'Robin', $2) returning id`, [org!.id, surname]);
  const [letter] = await query<{ id: string }>(
    `insert into documents (organisation_id, client_id, author_id, kind, title, content) values ($1, $2, $3, 'letter', 'Discharge letter', $4) returning id`,
    [org!.id, client!.id, maya, JSON.stringify({ recipient: "Dr Shah", subject: "Discharge", body: "Dear Dr Shah," })],
  );
  const event = (userId: string, action: string, at: Date) =>
    query(
      `insert into audit_events (organisation_id, actor_type, actor_id, actor_role, action, target_type, target_id, client_id, ip, user_agent, created_at)
       values ($1, 'user', $2, 'Clinician', $3, 'document', $4, $5, '203.0.113.40', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', $6)`,
      [org!.id, userId, action, letter!.id, client!.id, at],
    );
  const now = Date.now();
  await event(nina, "document.viewed", new Date(now - 5 * DAY)); // last week: the answer
  await event(maya, "document.viewed", new Date(now - 30 * DAY)); // a month ago: outside the range
  await event(maya, "document.created", new Date(now - 6 * DAY)); // last week, but not a view

  await signIn(page, "admin@harbour.test");
  await page.goto("/settings");
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();

  const filters = page.getByRole("search", { name: "Filter the audit log" });
  await filters.getByLabel("Client").fill(surname);
  await filters.getByLabel("Record type").selectOption({ label: "Document" });
  await filters.getByLabel("Action").selectOption({ label: "Views" });
  await filters.getByLabel("From").fill(isoDay(new Date(now - 8 * DAY)));
  await filters.getByLabel("To").fill(isoDay(new Date(now)));
  await filters.getByRole("button", { name: "Apply filters" }).click();

  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2); // the header and Nina's view
  const row = rows.nth(1);
  await expect(row).toContainText("Dr Nina Okafor");
  await expect(row).toContainText("Clinician");
  await expect(row).toContainText("Opened a document");
  await expect(row).toContainText(`Robin ${surname}`);
  await expect(row).toContainText("Chrome on macOS");
  await expect(row.getByRole("link", { name: "Document" })).toHaveAttribute("href", `/documents/${letter!.id}`);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile((await download.path())!, "utf8")).trim().split("\r\n");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain("Dr Nina Okafor,user,Clinician,Opened a document,document.viewed,Document");
  expect(lines[1]).toContain(`Robin ${surname},${client!.id},203.0.113.40,Chrome on macOS`);

  // The export is on record too.
  const [exported] = await query<{ n: number }>(`select count(*)::int as n from audit_events where action = 'audit.exported' and client_id is null and metadata->'filters'->>'client' = $1`, [surname]);
  expect(exported!.n).toBe(1);
});

/**
 * The browser fetches ahead of a click (a link's prefetch, and Next's metadata-only prefetch of the
 * page's title): that is no view, and the audit log must not say Nina opened a session she only
 * scrolled past. Clicking it is a view, logged once. The prefetches are sent as Next 16 sends them
 * (seen in a trace) and awaited whole: the browser itself may abort its own before they finish.
 */
test("a session link prefetched by the browser is not logged as a view; opening it is", async ({ page }) => {
  test.slow();
  const title = `Prefetched consult ${randomBytes(3).toString("hex")}`;
  const [maya] = await query<{ id: string; organisation_id: string }>(
    `select u.id, m.organisation_id from users u join memberships m on m.user_id = u.id where u.email = 'maya@harbour.test'`,
  );
  const [team] = await query<{ id: string }>(`select id from teams where organisation_id = $1 and name = 'Psychology'`, [maya!.organisation_id]);
  const [session] = await query<{ id: string }>(
    `insert into clinical_sessions (organisation_id, owner_id, team_id, visibility, title) values ($1, $2, $3, 'team', $4) returning id`,
    [maya!.organisation_id, maya!.id, team!.id, title],
  );
  const views = async () =>
    (await query<{ n: number }>(`select count(*)::int as n from audit_events where action = 'session.viewed' and target_id = $1`, [session!.id]))[0]!.n;

  await signIn(page, "nina@harbour.test");
  await page.goto(`/sessions?tab=team&q=${encodeURIComponent(title)}`);
  const link = page.getByRole("link", { name: title });
  await expect(link).toBeVisible();
  const prefetch = { RSC: "1", "Next-Router-Prefetch": "1", "Next-Url": "/sessions" };
  for (const headers of [
    { ...prefetch, "Next-Router-Segment-Prefetch": "/_tree" },
    { ...prefetch, "Next-Router-State-Tree": encodeURIComponent(JSON.stringify(["", {}, null, "metadata-only"])) },
  ]) {
    const response = await page.request.get(`/sessions/${session!.id}?_rsc=prefetch`, { headers });
    expect(response.status()).toBe(200);
    await response.body();
  }
  expect(await views()).toBe(0);

  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect.poll(views).toBe(1);
});
