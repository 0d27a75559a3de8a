import { expect, test, type Page } from "@playwright/test";
import { query } from "../db";
import { pathOf } from "../outbox";
import { signIn, uniqueEmail } from "../support";

// Two people side by side through a whole path, on a loaded machine: more than the default minute.
test.describe.configure({ timeout: 150_000 });

/** A private session of Maya's, made in the database (creating one through the UI is tested elsewhere). */
async function mayasSession(title: string): Promise<string> {
  const [row] = await query<{ id: string }>(
    `insert into clinical_sessions (organisation_id, owner_id, title)
     select o.id, u.id, $1 from users u join memberships m on m.user_id = u.id and m.status = 'active' join organisations o on o.id = m.organisation_id
     where u.email = 'maya@harbour.test' and o.name = 'Harbour Health Group' returning id`,
    [title],
  );
  return row!.id;
}

/**
 * A clinician of our own (the demo password), so the notifications this spec sends never change
 * another spec's unread counts.
 */
async function newClinician(name: string, prefix: string): Promise<string> {
  const email = uniqueEmail(prefix);
  const [user] = await query<{ id: string }>(
    "insert into users (email, name, password_hash) select $1, $2, password_hash from users where email = 'nina@harbour.test' returning id",
    [email, name],
  );
  await query(
    `insert into memberships (organisation_id, user_id, role_id)
     select r.organisation_id, $1, r.id from roles r join organisations o on o.id = r.organisation_id
     where o.name = 'Harbour Health Group' and r.built_in = 'clinician'`,
    [user!.id],
  );
  return email;
}

async function signedIn(page: Page, email: string): Promise<Page> {
  await signIn(page, email);
  return page;
}

/** The newest email of `template` to `to` that mentions `about`. */
async function latestEmail(to: string, template: string, about: string): Promise<string> {
  const [email] = await query<{ text: string }>(`select text from outbox where "to" = $1 and template = $2 and text like $3 order by created_at desc limit 1`, [to, template, `%${about}%`]);
  expect(email, `an email "${template}" to ${to} about ${about}`).toBeDefined();
  return email!.text;
}

/** Runs the end-date sweep the way a cron job does. */
async function runSweep(page: Page) {
  const response = await page.request.post("/api/access/sweep", { headers: { authorization: `Bearer ${process.env.SWEEP_CRON_SECRET}` } });
  expect(response.status()).toBe(200);
}

test("access until a date: “Until …” on both sides, Extend from the 3-day warning, refused once the date has passed", async ({ browser }) => {
  const tag = Date.now().toString(36);
  const title = `Knee review ${tag}`;
  const name = `Dr Robin Vale ${tag}`;
  const sessionId = await mayasSession(title);
  const robinEmail = await newClinician(name, "robin");

  // Maya shares for a week with a quick pick.
  const maya = await signedIn(await (await browser.newContext()).newPage(), "maya@harbour.test");
  await maya.goto(`/sessions/${sessionId}`);
  await maya.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = maya.getByRole("dialog", { name: `Share “${title}”` });
  const search = dialog.getByRole("combobox", { name: "Add people" });
  await search.pressSequentially(robinEmail.split("@")[0]!);
  await expect(dialog.getByRole("option", { name: new RegExp(name) })).toBeVisible();
  await search.press("Enter");
  await dialog.getByRole("button", { name: "End in 1 week" }).click();
  await expect(dialog.getByLabel(/^Access ends/)).not.toHaveValue("");
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByText("They have been notified")).toBeVisible();
  await expect(dialog.getByRole("listitem", { name })).toContainText(/Until \d{1,2} \w{3}/);

  // Robin sees the session, and until when.
  const robin = await signedIn(await (await browser.newContext()).newPage(), robinEmail);
  await robin.goto(`/sessions/${sessionId}`);
  await expect(robin.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(robin.getByRole("paragraph").filter({ hasText: "Your access:" })).toContainText(/Your access: View\s*Until \d{1,2} \w{3}/);

  // Two days before the end, the sweep warns Maya by email; Extend opens the share dialog, where she moves the date.
  await query("update session_shares set expires_at = now() + interval '2 days', expiry_warned_at = null where session_id = $1", [sessionId]);
  await runSweep(maya);
  const warning = await latestEmail("maya@harbour.test", "access-ending", title);
  expect(warning).toContain("Let it end");
  await maya.goto(pathOf(warning.match(/Extend (https?:\/\/\S+)/)![1]!));
  const row = maya.getByRole("dialog", { name: `Share “${title}”` }).getByRole("listitem", { name });
  await row.getByRole("button", { name: `Access for ${name}: View` }).click();
  await maya.getByRole("menuitem", { name: "Change end date" }).click();
  const endForm = row.getByRole("form", { name: `${name}'s access ends` });
  await endForm.getByRole("button", { name: "End in 30 days" }).click();
  await endForm.getByRole("button", { name: "Save end date" }).click();
  await expect(endForm.getByText("End date saved.")).toBeVisible();
  const [moved] = await query<{ days: number; warned: boolean }>(
    "select (extract(epoch from expires_at - now()) / 86400)::float8 as days, expiry_warned_at is not null as warned from session_shares where session_id = $1",
    [sessionId],
  );
  expect(moved!.days).toBeGreaterThan(29);
  expect(moved!.warned).toBe(false); // warned again three days before the new date

  // The end date passes (no sweep has run yet): Robin's very next request is refused, and reveals nothing.
  await query("update session_shares set expires_at = now() - interval '1 minute' where session_id = $1", [sessionId]);
  await robin.reload();
  await expect(robin.getByRole("heading", { name: "We can't show you this page" })).toBeVisible();
  await expect(robin.getByText(title)).toHaveCount(0);
  // The sweep then tidies up and tells Maya.
  await runSweep(maya);
  expect(await query("select 1 from session_shares where session_id = $1", [sessionId])).toEqual([]);
  const [ended] = await query<{ text: string }>(
    "select n.text from notifications n join users u on u.id = n.user_id where u.email = 'maya@harbour.test' and n.kind = 'access_ended' and n.text like $1",
    [`%${title}%`],
  );
  expect(ended!.text).toBe(`${name}'s access to “${title}” has ended, on the end date you set.`);
});

test("asking for access: a colleague requests View with a message, the owner approves from the email, the requester hears back and gets in", async ({ browser }) => {
  const tag = Date.now().toString(36);
  const title = `Hip assessment ${tag}`;
  const name = `Dr Quinn Ash ${tag}`;
  const sessionId = await mayasSession(title);
  const quinnEmail = await newClinician(name, "quinn");

  // Quinn opens a session she cannot see: the no-access page, with Request access and nothing about the record.
  const quinn = await signedIn(await (await browser.newContext()).newPage(), quinnEmail);
  await quinn.goto(`/sessions/${sessionId}`);
  await expect(quinn.getByRole("heading", { name: "We can't show you this page" })).toBeVisible();
  const form = quinn.getByRole("form", { name: "Request access" });
  await form.getByRole("radio", { name: "View", exact: true }).check();
  await form.getByLabel("Message").fill("I'm seeing this patient on Friday.");
  await form.getByRole("button", { name: "Request access" }).click();
  await expect(quinn.getByText(/^Request sent on \d{1,2} \w{3} \d{4} \(View\)/)).toBeVisible();
  await expect(quinn.getByText(title)).toHaveCount(0);
  // Coming back shows the pending request, not a second form.
  await quinn.reload();
  await expect(quinn.getByText(/^Request sent on .* \(View\)/)).toBeVisible();
  await expect(quinn.getByRole("form", { name: "Request access" })).toHaveCount(0);

  // Maya's email carries the message and one button per answer; Approve at View opens the request, she confirms.
  const email = await latestEmail("maya@harbour.test", "access-requested", title);
  expect(email).toContain("I'm seeing this patient on Friday.");
  const maya = await signedIn(await (await browser.newContext()).newPage(), "maya@harbour.test");
  await maya.goto(pathOf(email.match(/Approve at View (https?:\/\/\S+)/)![1]!));
  const asked = maya.getByText(/asked for access to/);
  await expect(asked).toContainText(`${name} (${quinnEmail})`);
  await expect(asked).toContainText(`the session “${title}” at View`);
  await expect(maya.getByText("I'm seeing this patient on Friday.")).toBeVisible();
  // Access for the week only: it ends by itself.
  await maya.getByRole("button", { name: "End in 1 week" }).click();
  await maya.getByRole("button", { name: "Approve at View" }).click();
  // The page says what was given, by whom and when.
  await expect(
    maya.getByRole("status").filter({ hasText: /^This request was approved at View, until \d{1,2} \w{3} \d{4} by Dr Maya Patel on \d{1,2} \w{3} \d{4}\. They have been told\.$/ }),
  ).toBeVisible();

  // Quinn hears back in the app (and by email) and opens the session from the notification.
  await quinn.goto("/notifications");
  // The notification says the access ends.
  await quinn.getByRole("button", { name: new RegExp(`Dr Maya Patel gave you View access to “${title}”, until \\d{1,2} \\w{3} \\d{4}\\.`) }).click();
  await expect(quinn).toHaveURL(new RegExp(`/sessions/${sessionId}$`));
  await expect(quinn.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(quinn.getByText("You have view-only access to this session.")).toBeVisible();
  // In the header beside their access, and in the Share dialog's list of people.
  await expect(quinn.getByLabel(/^Access until \d{1,2} \w{3} \d{4}$/).first()).toBeVisible();
  await latestEmail(quinnEmail, "session-shared", title);
});

test("a role that could never be given sessions is not offered a request it would be refused", async ({ page }) => {
  const sessionId = await mayasSession(`Not for secretaries ${Date.now()}`);
  await signIn(page, "sam@harbour.test");
  await page.goto(`/sessions/${sessionId}`);
  await expect(page.getByRole("heading", { name: "We can't show you this page" })).toBeVisible();
  await expect(page.getByText("Your role can't be given access to sessions, so there is nothing to request here.")).toBeVisible();
  await expect(page.getByRole("form", { name: "Request access" })).toHaveCount(0);
});
