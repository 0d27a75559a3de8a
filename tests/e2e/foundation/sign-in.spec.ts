import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "../support";

const AREAS = ["Sessions", "Clients", "Documents", "Contacts", "Notifications", "Settings"];

const ROLES = [
  { who: "an admin", email: "admin@harbour.test", name: "Ava Morgan", sees: AREAS },
  { who: "a clinician", email: "maya@harbour.test", name: "Dr Maya Patel", sees: ["Sessions", "Clients", "Documents", "Contacts", "Notifications"] },
  { who: "a medical secretary", email: "sam@harbour.test", name: "Sam Rivers", sees: ["Clients", "Documents", "Contacts", "Notifications"] },
];

for (const role of ROLES) {
  test(`${role.who} signs in and sees the navigation of their role`, async ({ page }) => {
    await signIn(page, role.email);
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const area of AREAS) {
      const link = nav.getByRole("link", { name: area, exact: true });
      if (role.sees.includes(area)) await expect(link).toBeVisible();
      else await expect(link).toHaveCount(0);
    }
    await expect(page.getByText("Harbour Health Group").first()).toBeVisible();
    await expect(page.getByText(role.name).first()).toBeVisible();
  });
}

test("a wrong password gets a clear message and no access", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("maya@harbour.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("The email or password is incorrect.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/sessions");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsessions/);
});

test("a signed-out person is brought back to the page they asked for after signing in", async ({ page }) => {
  await page.goto("/contacts");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill("nina@harbour.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/contacts$/);
  await expect(page.getByRole("heading", { name: "Contacts", level: 1 })).toBeVisible();
});

test("a signed-in member who opens the sign-in page goes on to their home page, or to a same-site callback", async ({ page }) => {
  await signIn(page, "maya@harbour.test");
  await page.goto("/sign-in");
  // Maya's home is the first area her role opens: Sessions.
  await expect(page).toHaveURL(/\/sessions$/);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in" })).toHaveCount(0);
  await page.goto("/sign-in?callbackUrl=%2Fcontacts");
  await expect(page).toHaveURL(/\/contacts$/);
  // Another site is never followed.
  await page.goto("/sign-in?callbackUrl=%2F%2Fevil.example");
  await expect(page).toHaveURL(/^http:\/\/(localhost|127\.0\.0\.1):\d+\/sessions$/);
  // Browsers drop a tab inside a URL, so "/<tab>/evil.example" would read as "//evil.example".
  await page.goto("/sign-in?callbackUrl=%2F%09%2Fevil.example%2Fphish");
  await expect(page).toHaveURL(/^http:\/\/(localhost|127\.0\.0\.1):\d+\/sessions$/);
  for (const callbackUrl of ["%2F%09%2Fevil.example%2Fphish", "%2F%0D%0A%2Fevil.example", "%2F%5Cevil.example", "https%3A%2F%2Fevil.example"]) {
    const response = await page.request.get(`/sign-in?callbackUrl=${callbackUrl}`, { maxRedirects: 0 });
    expect(response.status(), callbackUrl).toBe(307);
    expect(response.headers()["location"], callbackUrl).toBe("/");
  }
});

test("a clinician cannot open the settings pages", async ({ page }) => {
  await signIn(page, "leo@harbour.test");
  await page.goto("/settings/members");
  await expect(page.getByText("Not found or no access")).toBeVisible();
});

test("signing out ends access", async ({ page }) => {
  await signIn(page, "leo@harbour.test");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/sessions");
  await expect(page).toHaveURL(/\/sign-in/);
});
