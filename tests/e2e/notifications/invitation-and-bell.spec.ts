import { expect, test } from "@playwright/test";
import { query } from "../db";
import { openLatestMessageViewer, pathOf } from "../outbox";
import { signIn, uniqueEmail } from "../support";

test("an invited member sets a password from the emailed link, signs in, and reads their notification from the bell", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@harbour.test");
  const email = uniqueEmail("omar");
  await admin.goto("/settings/members/new");
  await admin.getByLabel("Full name").fill("Dr Omar Haddad");
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Role").selectOption({ label: "Clinician" });
  await admin.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByText(`Invitation sent to ${email}`)).toBeVisible();

  // The email is in the development outbox, rendered, with its set-password link.
  const { viewer, link } = await openLatestMessageViewer(admin, email, "Ava Morgan invited you to Harbour Health Group");
  await expect(viewer.getByTestId("message-text")).toContainText("expires in 24 hours");
  await expect(viewer.frameLocator("iframe").getByRole("link", { name: "Set your password" })).toBeVisible();

  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(pathOf(link));
  await expect(invitee.getByRole("heading", { name: "Welcome, Dr Omar Haddad" })).toBeVisible();
  await invitee.getByLabel("New password").fill("omar-password-1");
  await invitee.getByLabel("Confirm password").fill("omar-password-2");
  await invitee.getByRole("button", { name: "Set password and continue" }).click();
  await expect(invitee.getByText("The passwords don't match.")).toBeVisible();
  await invitee.getByLabel("Confirm password").fill("omar-password-1");
  await invitee.getByRole("button", { name: "Set password and continue" }).click();
  await expect(invitee.getByText("Your password is set")).toBeVisible();
  await invitee.getByLabel("Password").fill("omar-password-1");
  await invitee.getByRole("button", { name: "Sign in" }).click();

  const bell = invitee.getByRole("button", { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
  await bell.click();
  const panel = invitee.getByRole("dialog", { name: /Notifications/ });
  await panel.getByRole("link", { name: /Welcome to Harbour Health Group/ }).click();
  await expect(invitee).toHaveURL(/\/notifications$/);
  await expect(bell).toHaveAccessibleName("Notifications");

  // The link is used up: opening it again shows a calm explanation, not a form.
  await invitee.goto(pathOf(link));
  await expect(invitee.getByRole("heading", { name: "This invitation link can't be used" })).toBeVisible();
});

test("the bell picks up a new notification while the page stays open", async ({ page }) => {
  await page.clock.install();
  await signIn(page, "nina@harbour.test");
  await page.goto("/notifications");
  const bell = page.getByRole("button", { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName(/^Notifications/);
  const before = await query<{ n: number }>(
    "select count(*)::int as n from notifications n join users u on u.id = n.user_id where u.email = 'nina@harbour.test' and n.read_at is null",
  );
  await query(
    "insert into notifications (user_id, organisation_id, kind, text, link) select u.id, m.organisation_id, 'session_shared', 'Dr Maya Patel shared the session ''Test'' with you (View)', '/sessions' from users u join memberships m on m.user_id = u.id where u.email = 'nina@harbour.test'",
  );
  await page.clock.fastForward("00:31");
  await expect(bell).toHaveAccessibleName(`Notifications, ${before[0]!.n + 1} unread`);
});
