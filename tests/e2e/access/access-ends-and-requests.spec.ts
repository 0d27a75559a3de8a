import { expect, test } from "@playwright/test";
import { query } from "../db";
import { pathOf } from "../outbox";
import { signIn } from "../support";

/** A private session of Maya's, made in the database (the UI for creating one is tested elsewhere). */
async function mayasSession(title: string): Promise<string> {
  const [row] = await query<{ id: string }>(
    `insert into clinical_sessions (organisation_id, owner_id, title)
     select o.id, u.id, $1 from users u join memberships m on m.user_id = u.id and m.status = 'active' join organisations o on o.id = m.organisation_id
     where u.email = 'maya@harbour.test' and o.name = 'Harbour Health Group' returning id`,
    [title],
  );
  return row!.id;
}

test("a share with an end date shows “Until …” to both, and is refused after the date", async ({ browser }) => {
  const title = `Knee review ${Date.now().toString(36)}`;
  const sessionId = await mayasSession(title);

  const maya = await (await browser.newContext()).newPage();
  await signIn(maya, "maya@harbour.test");
  await maya.goto(`/sessions/${sessionId}`);
  await maya.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = maya.getByRole("dialog", { name: /^Share/ });
  const form = dialog.getByRole("form", { name: "Share with a colleague" });
  await form.getByRole("combobox", { name: "Colleague" }).pressSequentially("leo");
  await expect(form.getByRole("option", { name: /Dr Leo Chen/ })).toBeVisible();
  await form.getByRole("combobox", { name: "Colleague" }).press("Enter");
  await form.getByRole("radio", { name: "View", exact: true }).check();
  await form.getByRole("button", { name: "End in 1 week" }).click();
  await expect(form.getByLabel("Access ends")).not.toHaveValue("");
  await form.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog.getByText("They have been notified")).toBeVisible();
  await expect(dialog.getByRole("listitem", { name: "Dr Leo Chen" })).toContainText(/Until \d{1,2} \w{3}/);

  const leo = await (await browser.newContext()).newPage();
  await signIn(leo, "leo@harbour.test");
  await leo.goto(`/sessions/${sessionId}`);
  await expect(leo.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(leo.getByText(/^Until \d{1,2} \w{3}/)).toBeVisible();

  // The end date passes (no sweep has run): the very next request is refused.
  await query("update session_shares set expires_at = now() - interval '1 minute' where session_id = $1", [sessionId]);
  await leo.reload();
  await expect(leo.getByRole("heading", { name: "We can't show you this page" })).toBeVisible();
  await expect(leo.getByText(title)).toHaveCount(0);
});

test("someone without access asks for it; the owner approves at Edit from the email; they get in", async ({ browser }) => {
  const title = `Hip assessment ${Date.now().toString(36)}`;
  const sessionId = await mayasSession(title);

  const nina = await (await browser.newContext()).newPage();
  await signIn(nina, "nina@harbour.test");
  await nina.goto(`/sessions/${sessionId}`);
  await expect(nina.getByRole("heading", { name: "We can't show you this page" })).toBeVisible();
  const panel = nina.getByRole("form", { name: "Request access" });
  await panel.getByRole("radio", { name: "Edit", exact: true }).check();
  await panel.getByLabel("Message").fill("I'm seeing this patient on Friday.");
  await panel.getByRole("button", { name: "Request access" }).click();
  await expect(nina.getByText(/^Request sent on .* \(Edit\)/)).toBeVisible();
  await expect(nina.getByText(title)).toHaveCount(0); // nothing about the record until approved
  // Coming back shows the pending request instead of a second form.
  await nina.reload();
  await expect(nina.getByText(/^Request sent on .* \(Edit\)/)).toBeVisible();
  await expect(nina.getByRole("form", { name: "Request access" })).toHaveCount(0);

  // Maya's email has one button per answer; "Approve at Edit" opens the request, she confirms.
  const [email] = await query<{ text: string }>(`select text from outbox where "to" = 'maya@harbour.test' and template = 'access-requested' and text like $1 order by created_at desc`, [`%${title}%`]);
  expect(email!.text).toContain("I'm seeing this patient on Friday.");
  const approve = email!.text.match(/Approve at Edit (https?:\/\/\S+)/)![1]!;
  const maya = await (await browser.newContext()).newPage();
  await signIn(maya, "maya@harbour.test");
  await maya.goto(pathOf(approve));
  await expect(maya.getByText("Dr Nina Okafor")).toBeVisible();
  await maya.getByRole("button", { name: "Approve at Edit" }).click();
  await expect(maya.getByText("Answered. They have been told.")).toBeVisible();

  await nina.reload();
  await expect(nina.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(nina.getByText("Your access:")).toContainText("Edit");
});
