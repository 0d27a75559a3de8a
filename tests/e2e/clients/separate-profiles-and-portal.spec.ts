import { expect, test, type Page } from "@playwright/test";
import { query } from "../db";
import { openLatestMessage, pathOf } from "../outbox";
import { signIn } from "../support";

async function openChart(page: Page, name: string) {
  await page.goto("/clients");
  await page.getByRole("searchbox", { name: "Search clients" }).fill(name.split(" ")[0]!);
  await page.getByRole("button", { name: "Search" }).click();
  const links = page.getByRole("link", { name: `${name.split(" ")[1]}, ${name.split(" ")[0]}` });
  await links.last().click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

/**
 * The reference article, end to end: an admin creates a separate profile for Jordan Lee (Self link;
 * the guided action needs a practitioner, Nina), assigns it to Leo through Manage access (step 5),
 * invites Jordan to the portal with "manage information" on; Jordan sets a password from the
 * emailed link and sees two profiles under one login; Leo sends an intake form to the second
 * profile; Jordan saves a draft and submits it; Leo reads the answers; Maya, who has the first
 * profile, cannot open the second. Last, a third profile lands on Jordan's existing login, and
 * Jordan is emailed about it.
 */
test("separate profiles for one person, one portal login, an intake form, and privacy between practitioners", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@harbour.test");

  // Clients > Jordan Lee > "…" > Create a separate profile for this person…; the guided action
  // asks for a first practitioner: Nina (Leo is added in step 5, through Manage access).
  await openChart(admin, "Jordan Lee");
  const firstUrl = admin.url();
  // The "…" button is a disclosure of links: Escape closes it and gives focus back to the button.
  const actions = admin.getByRole("button", { name: "Chart actions" });
  const actionLinks = admin.locator(`[id="${await actions.getAttribute("aria-controls")}"]`);
  await actions.click();
  await expect(actions).toHaveAttribute("aria-expanded", "true");
  await admin.keyboard.press("Tab");
  await expect(actionLinks.getByRole("link", { name: "Manage access" })).toBeFocused();
  await admin.keyboard.press("Escape");
  await expect(actions).toHaveAttribute("aria-expanded", "false");
  await expect(actions).toBeFocused();
  await expect(actionLinks).toBeHidden();
  await actions.press("Enter");
  await actionLinks.getByRole("link", { name: "Create a separate profile for this person…" }).click();
  // Only practitioners whose charts come from access lists are offered (not Ava, Admin, or Sam, Medical secretary).
  const picker = admin.getByLabel("Practitioner for the new profile");
  await expect(picker).toHaveAccessibleDescription(/Admins and medical secretaries already see every chart/);
  await expect(picker.locator("option", { hasText: "Ava Morgan" })).toHaveCount(0);
  await expect(picker.locator("option", { hasText: "Sam Rivers" })).toHaveCount(0);
  // Nobody chosen: a message about this field, not a generic one.
  await admin.getByRole("button", { name: "Create separate profile" }).click();
  await expect(admin.getByText("Choose a practitioner.")).toBeVisible();
  await picker.selectOption({ label: "Dr Nina Okafor (Clinician)" });
  await admin.getByRole("button", { name: "Create separate profile" }).click();
  await expect(admin.getByText("Separate profile created")).toBeVisible();
  const secondUrl = admin.url().split("?")[0]!;
  expect(secondUrl).not.toBe(firstUrl);
  await expect(admin.getByRole("list", { name: "Assigned practitioners" })).toHaveText("Dr Nina Okafor");
  await expect(admin.getByText("No email")).toBeVisible();

  // Step 5: "…" > Manage access lists the practitioners with checkboxes; the admin ticks Leo and saves.
  await admin.getByRole("button", { name: "Chart actions" }).click();
  await admin.getByRole("link", { name: "Manage access" }).first().click();
  await expect(admin.getByText("Admins and medical secretaries already see every chart, so they are not listed.")).toBeVisible();
  await expect(admin.getByRole("checkbox", { name: "Ava Morgan", exact: true })).toHaveCount(0);
  await expect(admin.getByRole("checkbox", { name: "Sam Rivers", exact: true })).toHaveCount(0);
  await expect(admin.getByRole("checkbox", { name: "Dr Nina Okafor", exact: true })).toBeChecked();
  await expect(admin.getByRole("checkbox", { name: "Dr Leo Chen", exact: true })).not.toBeChecked();
  await expect(admin.getByRole("checkbox", { name: "Dr Maya Patel", exact: true })).not.toBeChecked();
  await admin.getByRole("checkbox", { name: "Dr Leo Chen", exact: true }).check();
  await admin.getByRole("button", { name: "Save", exact: true }).click();
  await expect(admin.getByText("Access saved.")).toBeVisible();
  await admin.goto(secondUrl);
  await expect(admin.getByRole("list", { name: "Assigned practitioners" }).getByRole("listitem")).toHaveText(["Dr Leo Chen", "Dr Nina Okafor"]);

  // Leo now sees the second chart (and is told so); Maya's stays the only one she sees.
  const leo = await (await browser.newContext()).newPage();
  await signIn(leo, "leo@harbour.test");
  await leo.goto(secondUrl);
  await expect(leo.getByRole("heading", { level: 1, name: "Jordan Lee" })).toBeVisible();
  await expect(leo.getByRole("list", { name: "Assigned practitioners" })).toContainText("Dr Leo Chen");
  const [granted] = await query<{ link: string }>(
    "select n.link from notifications n join users u on u.id = n.user_id where u.email = 'leo@harbour.test' and n.kind = 'client_access_granted' order by n.created_at desc limit 1",
  );
  expect(secondUrl.endsWith(granted!.link)).toBe(true);

  // Portal tab: the first profile is its contact, relationship Self; invite with "manage information" on.
  await admin.goto(`${secondUrl}/portal`);
  const contacts = admin.getByRole("list", { name: "Contacts" });
  await expect(contacts).toContainText("Jordan Lee");
  await expect(contacts).toContainText("Self");
  await expect(contacts).toContainText("Can manage information");
  await admin.getByLabel("Person to invite").selectOption({ label: "Jordan Lee (Self, jordan.lee@example.test)" });
  // "Can manage information" is already on for an invitation (a client must manage a profile to complete its forms).
  await expect(admin.getByRole("switch", { name: /Can manage information/ })).toHaveAttribute("aria-checked", "true");
  await admin.getByRole("button", { name: "Invite to portal" }).click();
  await expect(admin.getByText("Invitation sent.")).toBeVisible();
  await expect(admin.getByRole("table", { name: "Portal invitations" })).toContainText("Invitation sent");

  // The client accepts from the outbox email and sees two profiles under one login.
  const link = await openLatestMessage(admin, "jordan.lee@example.test", "invited you to its client portal");
  const client = await (await browser.newContext()).newPage();
  await client.goto(pathOf(link));
  await expect(client.getByRole("heading", { name: "Welcome, Jordan Lee" })).toBeVisible();
  await client.getByLabel("New password").fill("jordan-portal-1");
  await client.getByLabel("Confirm password").fill("jordan-portal-1");
  await client.getByRole("button", { name: "Set password and open the portal" }).click();
  await expect(client.getByText("Your portal login is ready.")).toBeVisible();
  const profiles = client.getByRole("list", { name: "Profiles" });
  await expect(profiles.getByRole("link")).toHaveCount(2);
  await expect(profiles).toContainText("Jordan Lee — Profile 1");
  await expect(profiles).toContainText("Jordan Lee — Profile 2");

  await admin.goto(`${secondUrl}/portal`);
  await expect(admin.getByRole("table", { name: "Portal invitations" })).toContainText("Accepted");

  // Leo sends the intake form to the second profile from its Portal tab.
  await openChart(leo, "Jordan Lee");
  expect(leo.url().split("?")[0]).toBe(secondUrl);
  await leo.getByRole("link", { name: "Portal", exact: true }).click();
  // Portal access is the admins' job: no invite, no "manage information" switch, no Revoke for Leo.
  await expect(leo.getByText("Portal access is set up by an administrator.")).toBeVisible();
  await expect(leo.getByRole("button", { name: "Invite to portal" })).toHaveCount(0);
  await expect(leo.getByRole("switch", { name: /Can manage information/ })).toHaveCount(0);
  await expect(leo.getByRole("table", { name: "Portal invitations" })).toContainText("Accepted");
  await expect(leo.getByRole("button", { name: "Revoke" })).toHaveCount(0);
  await leo.getByLabel("Form", { exact: true }).selectOption({ label: "New client intake" });
  await leo.getByRole("button", { name: "Send form" }).click();
  await expect(leo.getByText("Form sent. Everyone who manages this profile on the portal has been emailed.")).toBeVisible();

  // The client fills it in the portal: draft first, then submit.
  await client.goto("/portal");
  // The list of profiles says which one has a form waiting.
  const waiting = client.getByRole("list", { name: "Profiles" }).getByRole("listitem").filter({ hasText: "Jordan Lee — Profile 2" });
  await expect(waiting).toContainText("1 form to complete");
  await waiting.getByRole("link", { name: "Jordan Lee — Profile 2" }).click();
  await client.getByRole("link", { name: "New client intake" }).click();
  await client.getByLabel("What brings you to the clinic?").fill("Lower back pain after lifting.");
  await client.getByRole("button", { name: "Save draft" }).click();
  await expect(client.getByText("Draft saved.")).toBeVisible();
  await client.getByRole("button", { name: "Submit form" }).click();
  await expect(client.getByText("Answer this question.").first()).toBeVisible();
  await client.getByLabel(/How did you hear about us/).selectOption("GP referral");
  await client.getByLabel("Date of birth").fill("1988-04-12");
  await client.getByLabel("Type your full name as your signature").fill("Jordan Lee");
  await client.getByRole("button", { name: "Submit form" }).click();
  await expect(client.getByText("Thank you. Your form was sent to the clinic.")).toBeVisible();
  await client.getByRole("link", { name: "New client intake" }).click();
  await expect(client.getByText("This form has been submitted and can no longer be changed.")).toBeVisible();

  // A profile the client was not given: not found (forged id).
  const [tom] = await query<{ id: string }>("select id from clients where first_name = 'Tom' and last_name = 'Becker'");
  await client.goto(`/portal/profiles/${tom!.id}`);
  await expect(client.getByRole("heading", { name: "We can't find this page" })).toBeVisible();

  // Leo is notified and reads the answers on the second profile's chart.
  await leo.goto(`${secondUrl}/portal`);
  await leo.getByRole("link", { name: /View answers/ }).click();
  await expect(leo.getByRole("definition").filter({ hasText: "Lower back pain after lifting." })).toBeVisible();
  const [note] = await query<{ text: string }>(
    "select n.text from notifications n join users u on u.id = n.user_id where u.email = 'leo@harbour.test' and n.kind = 'intake_submitted'",
  );
  expect(note?.text).toContain("New client intake");

  // Maya has the first profile only: the second chart is not found, and hers shows just a linked Self profile.
  const maya = await (await browser.newContext()).newPage();
  await signIn(maya, "maya@harbour.test");
  await maya.goto(secondUrl);
  await expect(maya.getByRole("heading", { name: "We can't show you this page" })).toBeVisible();
  await maya.goto(`${secondUrl}/portal`);
  await expect(maya.getByRole("heading", { name: "We can't show you this page" })).toBeVisible();
  await maya.goto(firstUrl);
  await expect(maya.getByRole("list", { name: "Linked profiles" })).toContainText("Self — a linked profile you don't have access to");

  // A third profile for Jordan, who already has a portal login: it is added to the login at once,
  // and Jordan gets a "profile added" email (no new password) whose link opens it.
  await admin.goto(firstUrl);
  await admin.getByRole("button", { name: "Chart actions" }).click();
  await admin.getByRole("link", { name: "Create a separate profile for this person…" }).click();
  await admin.getByLabel("Practitioner for the new profile").selectOption({ label: "Dr Nina Okafor (Clinician)" });
  await admin.getByRole("button", { name: "Create separate profile" }).click();
  await expect(admin.getByText("Separate profile created")).toBeVisible();
  const thirdId = admin.url().split("?")[0]!.split("/").pop()!;
  const added = await openLatestMessage(admin, "jordan.lee@example.test", "added a profile to your client portal");
  expect(pathOf(added)).toBe(`/portal/profiles/${thirdId}`);
  await client.goto(pathOf(added));
  await expect(client.getByRole("heading", { level: 1, name: /Jordan Lee/ })).toBeVisible();
  await client.goto("/portal");
  await expect(client.getByRole("list", { name: "Profiles" }).getByRole("link")).toHaveCount(3);
});
