import { expect, test } from "@playwright/test";
import { signIn } from "../support";

test("contacts: add with bad input shows field errors; edit; archive with confirm makes it read-only; restore; search", async ({ page }) => {
  await signIn(page, "admin@harbour.test");
  const name = `Dr Zoë Ōta ${Date.now().toString(36)}`;

  // Add, with bad input first: each error next to its field, what was typed is kept.
  await page.goto("/contacts/new");
  await page.getByLabel("Organisation").fill("Eastgate Clinic");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Mobile").fill("7700 900999");
  await page.getByRole("button", { name: "Add contact" }).click();
  await expect(page.locator("#name-error")).toHaveText("Enter the contact's name.");
  await expect(page.locator("#email-error")).toHaveText("Enter a valid email address.");
  await expect(page.locator("#mobile-error")).toHaveText("Enter the mobile in international format, e.g. +44 7700 900123.");
  await expect(page.getByLabel("Organisation")).toHaveValue("Eastgate Clinic");

  // Fixed: a UK mobile typed nationally is saved in international format and shown grouped.
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill("zoe.ota@eastgate.test");
  await page.getByLabel("Mobile").fill("07700 900-999");
  await page.getByRole("button", { name: "Add contact" }).click();
  await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}\?saved=1$/);
  await expect(page.getByText("Contact added.")).toBeVisible();
  await expect(page.getByLabel("Mobile")).toHaveValue("+44 7700 900999");
  const contactUrl = page.url().replace(/\?.*$/, "");

  // Edit.
  await page.goto(contactUrl);
  await page.getByLabel("Role").fill("Specialist");
  await page.getByRole("button", { name: "Save contact" }).click();
  await expect(page.getByText("Contact saved.")).toBeVisible();

  // Search finds it by organisation; the list shows the mobile formatted.
  await page.goto("/contacts");
  await page.getByLabel("Search contacts").fill("Eastgate");
  await page.getByRole("button", { name: "Search" }).click();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Specialist");
  await expect(row).toContainText("+44 7700 900999");
  await expect(page.getByRole("row").filter({ hasText: "Dr Priya Shah" })).toHaveCount(0);

  // Archive, through the confirmation: read-only, no stale "Contact saved.", and Restore offered.
  await page.goto(contactUrl);
  await page.getByRole("button", { name: "Save contact" }).click();
  await expect(page.getByText("Contact saved.")).toBeVisible();
  await page.getByRole("button", { name: "Archive", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Archive contact" }).click();
  await expect(page.getByRole("button", { name: "Restore contact" })).toBeVisible();
  await expect(page.getByText("This contact is archived")).toBeVisible();
  await expect(page.getByText("Contact saved.")).toHaveCount(0);
  await expect(page.getByLabel("Name")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save contact" })).toHaveCount(0);
  await page.goto("/contacts?q=Eastgate");
  await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);
  await page.goto("/contacts?q=Eastgate&archived=1");
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Archived");

  // Restore: editable again and back in the list.
  await page.goto(contactUrl);
  await page.getByRole("button", { name: "Restore contact" }).click();
  await expect(page.getByRole("button", { name: "Save contact" })).toBeVisible();
  await expect(page.getByLabel("Name")).toBeEnabled();
  await page.goto("/contacts?q=Eastgate");
  await expect(page.getByRole("row").filter({ hasText: name })).toBeVisible();
});
