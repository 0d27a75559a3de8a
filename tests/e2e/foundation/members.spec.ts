import { expect, test } from "@playwright/test";
import { query } from "../db";
import { openLatestMessage, pathOf } from "../outbox";
import { signIn, uniqueEmail } from "../support";

test("an admin invites a member, who sets a password and signs in; when removed, their next request is refused", async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@harbour.test");

  const email = uniqueEmail("rosa");
  await admin.goto("/settings/members");
  await admin.getByRole("link", { name: "Invite member" }).click();
  await admin.getByLabel("Full name").fill("Dr Rosa Diaz");
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Role").selectOption({ label: "Clinician" });
  await admin.getByLabel("Psychology").check();
  await admin.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByText(`Invitation sent to ${email}`)).toBeVisible();
  const memberPage = admin.url();

  // Resending replaces the first banner: only the current message shows.
  await admin.getByRole("button", { name: "Resend invitation" }).click();
  await expect(admin.getByText(`A new invitation was sent to ${email}.`)).toBeVisible();
  await expect(admin.getByText(`Invitation sent to ${email}`)).toHaveCount(0);
  await expect(admin.getByRole("alert").or(admin.getByRole("status")).filter({ hasText: /invitation/i })).toHaveCount(1);

  const invitationLink = await openLatestMessage(admin, email, "invited you to Harbour Health Group");

  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await member.goto(pathOf(invitationLink));
  // A common password is refused next to the field (NIST 800-63B: a dictionary check, no composition rules).
  await member.getByLabel("New password").fill("password12");
  await member.getByLabel("Confirm password").fill("password12");
  await member.getByRole("button", { name: "Set password and continue" }).click();
  await expect(member.getByText("This password is too common or too easy to guess.")).toBeVisible();
  await member.getByLabel("New password").fill("rosa-password-1");
  await member.getByLabel("Confirm password").fill("rosa-password-1");
  await member.getByRole("button", { name: "Set password and continue" }).click();
  await expect(member.getByText("Your password is set")).toBeVisible();
  await member.getByLabel("Password").fill("rosa-password-1");
  await member.getByRole("button", { name: "Sign in" }).click();
  await expect(member).not.toHaveURL(/\/sign-in/);
  await expect(member.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sessions", exact: true })).toBeVisible();

  await admin.goto(memberPage);

  await admin.getByRole("button", { name: "Remove member" }).click();
  const dialog = admin.getByRole("dialog");
  await expect(dialog).toContainText("Remove Dr Rosa Diaz?");
  await dialog.getByRole("button", { name: "Remove member" }).click();
  await expect(admin.getByText("The member was removed")).toBeVisible();

  // The removed member's very next request is refused, although their auth cookie is still valid.
  await member.goto("/sessions");
  await expect(member).toHaveURL(/\/sign-in/);
  await expect(member.getByText("Your access to this organisation has ended")).toBeVisible();
  await member.getByLabel("Email").fill(email);
  await member.getByLabel("Password").fill("rosa-password-1");
  await member.getByRole("button", { name: "Sign in" }).click();
  await expect(member.getByText("Your access here has ended, so you can no longer sign in.")).toBeVisible();

  await adminContext.close();
  await memberContext.close();
});

test("a form with bad input shows the problem next to the field and keeps what was typed", async ({ page }) => {
  await signIn(page, "admin@harbour.test");
  await page.goto("/settings/members/new");
  await page.getByLabel("Full name").fill("Dr Bad Email");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByLabel("Full name")).toHaveValue("Dr Bad Email");
  await page.getByLabel("Full name").fill("");
  await page.getByLabel("Email").fill("maya@harbour.test");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("Enter a name.")).toBeVisible();
  await page.getByLabel("Full name").fill("Dr Maya Patel");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("This person is already a member of the organisation.").first()).toBeVisible();
});

test("choosing a role without Sessions for someone who owns sessions says what follows, before it is saved", async ({ page }) => {
  const [maya] = await query<{ id: string }>(
    "select m.id from memberships m join users u on u.id = m.user_id join organisations o on o.id = m.organisation_id where u.email = 'maya@harbour.test' and o.name = 'Harbour Health Group'",
  );
  await signIn(page, "admin@harbour.test");
  await page.goto(`/settings/members/${maya!.id}`);
  const role = page.getByRole("combobox", { name: "Role" });
  await role.selectOption({ label: "Medical secretary" });
  await expect(page.getByText(/Dr Maya Patel owns \d+ sessions?\. This role has no Sessions area/)).toBeVisible();
  await expect(role).toHaveAccessibleDescription(/owns \d+ session/);
  await role.selectOption({ label: "Clinician" });
  await expect(page.getByText(/This role has no Sessions area/)).toHaveCount(0);
});

test("an admin deletes a team: the confirmation says what happens to its members and sessions; the team's sessions become private", async ({ page }) => {
  const name = `Outreach ${Date.now().toString(36)}`;
  const [team] = await query<{ id: string }>("insert into teams (organisation_id, name) select id, $1 from organisations where name = 'Harbour Health Group' returning id", [name]);
  await query("insert into team_members (team_id, user_id) select $1, id from users where email = 'maya@harbour.test'", [team!.id]);
  const [session] = await query<{ id: string }>(
    "insert into clinical_sessions (organisation_id, owner_id, team_id, visibility, title, status) select m.organisation_id, u.id, $1, 'team', 'Outreach visit', 'draft' from users u join memberships m on m.user_id = u.id where u.email = 'maya@harbour.test' returning id",
    [team!.id],
  );
  await signIn(page, "admin@harbour.test");
  await page.goto(`/settings/teams/${team!.id}`);
  await page.getByRole("button", { name: "Delete team" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`Delete ${name}?`);
  await expect(dialog).toContainText("1 member stays in the organisation. The 1 session visible to this team becomes private: its owner and the people it is shared with keep it");
  // Cancel keeps it; confirming deletes it and returns to the list.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { name: `Members of ${name}` })).toBeVisible();
  await page.getByRole("button", { name: "Delete team" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete team" }).click();
  await expect(page).toHaveURL(/\/settings\/teams$/);
  await expect(page.getByText(name)).toHaveCount(0);
  const [after] = await query<{ visibility: string; team_id: string | null }>("select visibility, team_id from clinical_sessions where id = $1", [session!.id]);
  expect(after).toEqual({ visibility: "private", team_id: null });
});
