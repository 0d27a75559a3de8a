import { expect, test } from "@playwright/test";
import { signIn } from "../support";

// A page reached by a cursor (a saved or shared "Next" link) can empty later: its rows revoked,
// deleted or moved. It must not claim the list is empty while earlier pages hold rows.
const past = (text: string) => Buffer.from(text, "utf8").toString("base64url");
const before2000 = past("2000-01-01 00:00:00+00|00000000-0000-4000-8000-000000000000");
const lastClient = past(JSON.stringify(["\u{10FFFF}", "", "ffffffff-ffff-4fff-bfff-ffffffffffff"]));

test("a list page past the end says so and leads back to the first page, not 'nothing yet'", async ({ page }) => {
  await signIn(page, "admin@harbour.test");
  for (const { path, first, firstPage } of [
    { path: `/sessions?tab=mine&after=${before2000}`, first: "/sessions?tab=mine", firstPage: /Sessions/ },
    { path: `/documents?after=${before2000}`, first: "/documents", firstPage: /Documents/ },
    { path: `/documents/shared?after=${before2000}`, first: "/documents/shared", firstPage: /Shared externally/ },
    { path: `/clients?after=${lastClient}`, first: "/clients", firstPage: /Clients/ },
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Nothing left on this page" }), path).toBeVisible();
    await expect(page.getByText(/No sessions yet|No documents yet|Nothing shared externally|No clients yet/)).toHaveCount(0);
    await page.getByRole("link", { name: "Back to the first page" }).click();
    await expect(page).toHaveURL((u) => `${u.pathname}${u.search}`.startsWith(first) && !u.search.includes("after="));
    await expect(page.getByRole("heading", { level: 1, name: firstPage })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Nothing left on this page" })).toHaveCount(0);
  }
});

test("a page someone may not open says so inside the app, with one main landmark", async ({ page }) => {
  await signIn(page, "sam@harbour.test"); // a medical secretary: no Sessions area, no Settings
  for (const path of ["/sessions", "/settings/members"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "We can't show you this page" }), path).toBeVisible();
    await expect(page.getByRole("main")).toHaveCount(1);
    await expect(page.getByRole("navigation", { name: "Main" }).first()).toBeAttached();
  }
});
