import { expect, test } from "@playwright/test";
import { query } from "../db";
import { signIn } from "../support";

/**
 * Overview → Edit details (validation next to the fields, audited) and Portal tab → Remove a
 * contact (confirm dialog, audited), on a client this test makes itself.
 */
test("an admin edits a client's details and removes a contact link; a practitioner without access cannot open the edit page", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@harbour.test");
  const suffix = Date.now().toString(36);
  const lastName = `Nair${suffix}`;

  // Clients → Add → Individual.
  await admin.goto("/clients/new");
  await admin.getByLabel("First name").fill("Priya");
  await admin.getByLabel("Last name").fill(lastName);
  await admin.getByRole("button", { name: "Create client" }).click();
  await expect(admin.getByText("The client was created.")).toBeVisible();
  const chartUrl = admin.url().split("?")[0]!;
  const clientId = chartUrl.split("/").pop()!;

  // Bad input: a message next to each field, nothing saved.
  await admin.getByRole("link", { name: "Edit details" }).click();
  await admin.getByLabel("First name").fill("");
  await admin.getByLabel("Email (optional)").fill("not-an-email");
  await admin.getByLabel("Date of birth (optional)").fill("2999-01-01");
  await admin.getByRole("button", { name: "Save details" }).click();
  await expect(admin.getByText("Enter a first name.")).toBeVisible();
  await expect(admin.getByText("Enter a valid email address, or leave it empty.")).toBeVisible();
  await expect(admin.getByText("Enter a valid date of birth, not in the future.")).toBeVisible();
  const [unchanged] = await query<{ first_name: string; email: string | null }>("select first_name, email from clients where id = $1", [clientId]);
  expect(unchanged).toEqual({ first_name: "Priya", email: null });

  await admin.getByLabel("First name").fill("Priyanka");
  await admin.getByLabel("Email (optional)").fill("Priyanka.Nair@Example.test");
  await admin.getByLabel("Date of birth (optional)").fill("1979-11-03");
  await admin.getByLabel("Phone (optional)").fill("+44 7700 900456");
  await admin.getByLabel("Address (optional)").fill("4 Quay Street\nBristol BS1 4DB");
  await admin.getByRole("button", { name: "Save details" }).click();
  await expect(admin.getByText("The details were saved.")).toBeVisible();
  await expect(admin.getByRole("heading", { level: 1, name: `Priyanka ${lastName}` })).toBeVisible();
  await expect(admin.getByText("priyanka.nair@example.test").first()).toBeVisible();
  await expect(admin.getByText("+44 7700 900456")).toBeVisible();
  await expect(admin.getByText("Bristol BS1 4DB")).toBeVisible();
  const [updated] = await query<{ metadata: { fields: string[] } }>("select metadata from audit_events where action = 'client.updated' and target_id = $1", [clientId]);
  expect(updated!.metadata.fields.sort()).toEqual(["address", "dateOfBirth", "email", "firstName", "phone"]);

  // Portal tab → "+" → New contact, then Remove (with a confirm dialog that can be cancelled).
  await admin.getByRole("link", { name: "Portal", exact: true }).click();
  await admin.getByRole("link", { name: "Add contact" }).click();
  await admin.getByLabel("New contact").check();
  await admin.getByLabel("Name", { exact: true }).fill("Sam Nair");
  // The relationship has no default (a parent saved as "Self" could be invited as the client).
  await admin.getByRole("button", { name: "Save contact" }).click();
  await expect(admin.getByText("Choose how they are related to the client.")).toBeVisible();
  await admin.getByLabel("Relationship to client").selectOption({ label: "Parent" });
  await admin.getByRole("button", { name: "Save contact" }).click();
  await expect(admin.getByText("The contact was added.")).toBeVisible();
  const contacts = admin.getByRole("list", { name: "Contacts" });
  await expect(contacts).toContainText("Sam Nair");

  await contacts.getByRole("button", { name: "Remove Sam Nair" }).click();
  const dialog = admin.getByRole("dialog", { name: "Remove Sam Nair (Parent) from this profile's contacts?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(contacts).toContainText("Sam Nair");
  await contacts.getByRole("button", { name: "Remove Sam Nair" }).click();
  await dialog.getByRole("button", { name: "Remove contact" }).click();
  await expect(admin.getByText("No contacts yet.")).toBeVisible();
  const [unlinked] = await query<{ n: number }>("select count(*)::int as n from audit_events where action = 'client.contact_unlinked' and target_id = $1", [clientId]);
  expect(unlinked!.n).toBe(1);
  expect(await query("select id from client_links where client_id = $1", [clientId])).toEqual([]);

  // Leo is not on this chart's list: no chart, no edit page.
  const leo = await (await browser.newContext()).newPage();
  await signIn(leo, "leo@harbour.test");
  await leo.goto(`${chartUrl}/edit`);
  await expect(leo.getByRole("heading", { name: "We can't show you this page" })).toBeVisible();
});

test("the staff sign-in page points clients to the client portal", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Sign in to the client portal" }).click();
  await expect(page).toHaveURL(/\/portal\/sign-in$/);
  await expect(page.getByRole("heading", { name: "Sign in to your portal" })).toBeVisible();
});
