import { expect, test, type Keyboard, type Locator } from "@playwright/test";
import { query } from "../db";
import { signIn } from "../support";

/** Presses Tab until `target` has focus (at most 12 times), so the walk asserts order, not a count of stops. */
async function tabTo(keys: Keyboard, target: Locator) {
  for (let i = 0; i < 12; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await keys.press("Tab");
  }
  await expect(target).toBeFocused();
}

/** A new session of Maya's, titled `title`. */
async function mayasSession(title: string): Promise<string> {
  const [row] = await query<{ id: string }>(
    `insert into clinical_sessions (organisation_id, owner_id, title)
     select m.organisation_id, u.id, $1 from users u join memberships m on m.user_id = u.id where u.email = 'maya@harbour.test'
     returning id`,
    [title],
  );
  return row!.id;
}

async function sharesOf(sessionId: string) {
  return query<{ name: string; access: string }>(
    "select u.name, s.access from session_shares s join users u on u.id = s.user_id where s.session_id = $1 order by u.name",
    [sessionId],
  );
}

test("keyboard only: share with two colleagues at different levels, lower one to View, remove the other", async ({ page }) => {
  // Some twenty server round trips, each checked: more than the default minute on a loaded machine.
  test.setTimeout(120_000);
  const title = `Keyboard share ${Date.now().toString(36)}`;
  const sessionId = await mayasSession(title);
  await signIn(page, "maya@harbour.test");
  await page.goto(`/sessions/${sessionId}`);
  const keys = page.keyboard;

  // Share opens the dialog with the cursor in the search.
  await page.getByRole("button", { name: "Share", exact: true }).focus();
  await keys.press("Enter");
  const dialog = page.getByRole("dialog", { name: `Share “${title}”` });
  const search = dialog.getByRole("combobox", { name: "Add people" });
  await expect(search).toBeFocused();
  await expect(search).toHaveAccessibleDescription(/Anyone active in your organisation/);

  // Leo at Edit: choose him, then Tab to the level, ↓ to Edit, Tab past the message and Cancel to Share.
  await keys.type("leo");
  await expect(dialog.getByText("1 colleague found.")).toBeAttached();
  await keys.press("Enter");
  await expect(dialog.getByRole("list", { name: "Chosen colleagues" })).toHaveText(/Dr Leo Chen/);
  await expect(search).toBeFocused(); // focus stays in the dialog, ready for the next person
  await keys.press("Tab");
  const level = dialog.getByRole("combobox", { name: "Access level" });
  await expect(level).toBeFocused();
  await keys.press("ArrowDown");
  await expect(level).toHaveValue("edit");
  // On through the end date (its day/month/year and quick picks), the message and Cancel, to Share.
  await tabTo(keys, dialog.getByRole("textbox", { name: /Message/ }));
  await tabTo(keys, dialog.getByRole("button", { name: "Share", exact: true }));
  await keys.press("Enter");
  await expect(dialog.getByRole("status").filter({ hasText: "Shared with Dr Leo Chen." })).toBeVisible();
  await expect(search).toBeFocused();

  // Nina at Full access, the same way.
  await keys.type("nina");
  await expect(dialog.getByRole("option", { name: /Dr Nina Okafor/ })).toBeVisible();
  await keys.press("Enter");
  await expect(search).toBeFocused();
  await keys.press("Tab");
  await expect(level).toBeFocused();
  await keys.press("ArrowDown");
  await keys.press("ArrowDown");
  await expect(level).toHaveValue("full");
  await tabTo(keys, dialog.getByRole("button", { name: "Share", exact: true }));
  await keys.press("Enter");
  await expect(dialog.getByRole("status").filter({ hasText: "Shared with Dr Nina Okafor." })).toBeVisible();
  await expect(search).toBeFocused();
  expect(await sharesOf(sessionId)).toEqual([
    { name: "Dr Leo Chen", access: "edit" },
    { name: "Dr Nina Okafor", access: "full" },
  ]);

  // Leo → View: Tab reaches his level menu; Enter opens it on his level; ↑ to View; Enter.
  await keys.press("Tab");
  await expect(dialog.getByRole("button", { name: "Access for Dr Leo Chen: Edit" })).toBeFocused();
  await keys.press("Enter");
  await expect(dialog.getByRole("menuitemradio", { name: "Edit" })).toBeFocused();
  await keys.press("ArrowUp");
  await expect(dialog.getByRole("menuitemradio", { name: "View" })).toBeFocused();
  await keys.press("Enter");
  await expect(dialog.getByRole("button", { name: "Access for Dr Leo Chen: View" })).toBeFocused();
  await expect(dialog.getByRole("status").filter({ hasText: "Dr Leo Chen now has View." })).toBeVisible();

  // Remove Nina: her menu, End to "Remove access", Enter; the row asks first (focus on Cancel).
  await keys.press("Tab");
  await expect(dialog.getByRole("button", { name: "Access for Dr Nina Okafor: Full access" })).toBeFocused();
  await keys.press("Enter");
  // The menu is open on her level before End (on a busy machine an End pressed sooner is lost).
  await expect(dialog.getByRole("menuitemradio", { name: "Full access" })).toBeFocused();
  await keys.press("End");
  await expect(dialog.getByRole("menuitem", { name: "Remove access" })).toBeFocused();
  await keys.press("Enter");
  const confirm = dialog.getByRole("group", { name: "Remove Dr Nina Okafor's access? They won't be emailed." });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await keys.press("Tab");
  await expect(confirm.getByRole("button", { name: "Remove access" })).toBeFocused();
  await keys.press("Enter");
  await expect(dialog.getByRole("listitem", { name: "Dr Nina Okafor" })).toHaveCount(0);
  // Focus lands on the remaining person's menu, still inside the dialog.
  await expect(dialog.getByRole("button", { name: "Access for Dr Leo Chen: View" })).toBeFocused();
  expect(await sharesOf(sessionId)).toEqual([{ name: "Dr Leo Chen", access: "view" }]);

  // Escape closes the dialog and focus returns to Share; reopened, it starts afresh.
  await keys.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Share", exact: true })).toBeFocused();
  await keys.press("Enter");
  await expect(search).toBeFocused();
  await expect(dialog.getByRole("list", { name: "Chosen colleagues" })).toHaveCount(0);
  await expect(dialog.getByRole("status").filter({ hasText: "Shared with" })).toHaveCount(0);
});

test("on a phone, a person's access menu opens whole inside the screen", async ({ page }) => {
  const title = `Phone share ${Date.now().toString(36)}`;
  const sessionId = await mayasSession(title);
  await query(
    "insert into session_shares (session_id, user_id, access, granted_by_id) select $1, n.id, 'full', m.id from users n, users m where n.email = 'nina@harbour.test' and m.email = 'maya@harbour.test'",
    [sessionId],
  );
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, "maya@harbour.test");
  await page.goto(`/sessions/${sessionId}`);
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: /^Access for Dr Nina Okafor/ }).click();
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitem", { name: "Remove access" })).toBeVisible();
  const box = (await menu.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(375);
});

test("closing the Share dialog with someone chosen but not shared asks first, and Escape too", async ({ page }) => {
  const sessionId = await mayasSession(`Unsent share ${Date.now().toString(36)}`);
  await signIn(page, "maya@harbour.test");
  await page.goto(`/sessions/${sessionId}`);
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await page.keyboard.type("leo");
  await expect(dialog.getByRole("option", { name: /Dr Leo Chen/ })).toBeVisible();
  await page.keyboard.press("Enter");
  const chosen = dialog.getByRole("list", { name: "Chosen colleagues" });
  await expect(chosen).toHaveText(/Dr Leo Chen/);
  // Escape asks instead of dropping Leo; Keep editing leaves him chosen.
  await page.keyboard.press("Escape");
  const ask = dialog.getByRole("alertdialog", { name: "Discard what is not shared yet?" });
  await expect(ask).toContainText("Close without sharing? The people you chose and your message will be lost.");
  await ask.getByRole("button", { name: "Keep editing" }).click();
  await expect(dialog).toBeVisible();
  await expect(chosen).toHaveText(/Dr Leo Chen/);
  // Close, then Discard: closed, and nothing was shared.
  await dialog.getByRole("button", { name: "Close" }).click();
  await ask.getByRole("button", { name: "Discard" }).click();
  await expect(dialog).toBeHidden();
  expect(await sharesOf(sessionId)).toEqual([]);
  // Nothing chosen: Close closes at once.
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
});
