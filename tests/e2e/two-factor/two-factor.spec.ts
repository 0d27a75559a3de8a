import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { generate } from "otplib";
import { query } from "../db";
import { DEMO_PASSWORD, signIn, uniqueEmail } from "../support";

// Three sign-ins on a busy machine.
test.describe.configure({ timeout: 180_000 });

/** A clinician of Harbour of this test's own (the demo password), so the demo accounts keep signing in without a code. */
async function createClinician() {
  const email = uniqueEmail("twofa");
  await query(
    `with u as (insert into users (email, name, password_hash) select $1, $2, password_hash from users where email = 'nina@harbour.test' returning id)
     insert into memberships (organisation_id, user_id, role_id)
     select r.organisation_id, u.id, r.id from u, roles r join organisations o on o.id = r.organisation_id
     where o.name = 'Harbour Health Group' and r.built_in = 'clinician'`,
    [email, `Robin Twofa ${Date.now().toString(36)}`],
  );
  return email;
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  // Generous: this machine is shared, and signing out is a server action plus a redirect.
  await expect(page).toHaveURL(/\/sign-in/, { timeout: 30_000 });
}

/** The password step: with two-factor on, it leads to the code step, not into the app. */
async function passwordStep(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  await expect(page.getByRole("heading", { name: "Two-factor sign-in" })).toBeVisible();
}

async function enterCode(page: Page, code: string) {
  await page.getByLabel("Code").fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
}

test("a member turns on two-factor sign-in, then signs in with a code, and with a recovery code once", async ({ page }) => {
  const email = await createClinician();
  await signIn(page, email);

  // Set-up from the account page: QR code and key, confirmed with a first code from the "app".
  await page.goto("/account");
  await page.getByRole("link", { name: "Set up two-factor sign-in" }).click();
  await expect(page).toHaveURL(/\/two-factor/);
  await expect(page.getByRole("img", { name: /QR code to add Carebridge/ })).toBeVisible();
  const secret = (await page.getByTestId("two-factor-secret").innerText()).replace(/\s/g, "");
  const now = () => Math.floor(Date.now() / 1000);
  await page.getByLabel("Code from your app").fill(await generate({ secret, epoch: now() }));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recoveryCode = (await codes.first().innerText()).trim();
  const allCodes = (await codes.allInnerTexts()).map((c) => c.trim());
  // The codes can be kept without copying them by hand: downloaded as a text file, or copied.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download as a text file" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("carebridge-recovery-codes.txt");
  const saved = await readFile((await file.path())!, "utf8");
  expect(saved).toContain(email);
  for (const code of allCodes) expect(saved).toContain(code);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy codes" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(allCodes.join("\n"));
  await page.getByRole("link", { name: "I have saved my recovery codes" }).click();
  await expect(page.getByText("10 of 10 recovery codes unused")).toBeVisible();
  await signOut(page);

  // The password alone leads to the code step; the app's code signs in. (The set-up used this
  // period's code, which works once only: the app's next one is within the accepted drift.)
  await passwordStep(page, email);
  await enterCode(page, "000000" === (await generate({ secret, epoch: now() + 30 })) ? "111111" : "000000");
  await expect(page.getByText(/That code isn.t right/)).toBeVisible();
  await enterCode(page, await generate({ secret, epoch: now() + 30 }));
  await expect(page).not.toHaveURL(/\/sign-in/);
  await signOut(page);

  // A recovery code instead of the app, once.
  await passwordStep(page, email);
  await enterCode(page, recoveryCode);
  await expect(page).not.toHaveURL(/\/sign-in/);
  await page.goto("/account");
  await expect(page.getByText("9 of 10 recovery codes unused")).toBeVisible();
  await signOut(page);
  await passwordStep(page, email);
  await enterCode(page, recoveryCode);
  // Refused, and the person is told why: it was used already.
  const refusal = page.getByRole("alert").filter({ hasText: "That code has already been used: each code works once." });
  await expect(refusal).toContainText("4 more tries before you need to sign in again.");
});
