import { expect, type Cookie, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "carebridge-demo";

// The seeded demo accounts sign in dozens of times a run. After the first time the worker keeps
// that sign-in's cookies and later signIn calls reuse them (one page load instead of the form,
// the password hash and a redirect). A reused sign-in that was ended meanwhile (signed out,
// idle timeout) is sent to /sign-in, and then the form is used again. Accounts a spec creates
// always sign in through the form: their specs count and end device sessions.
const DEMO_ACCOUNT = /^(admin|maya|nina|leo|sam)@harbour\.test$/;
const demoSignIns = new Map<string, Cookie[]>();

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  const reusable = password === DEMO_PASSWORD && DEMO_ACCOUNT.test(email);
  const saved = reusable ? demoSignIns.get(email) : undefined;
  if (saved) {
    await page.context().addCookies(saved);
    await page.goto("/");
    if (!new URL(page.url()).pathname.startsWith("/sign-in")) return;
    demoSignIns.delete(email);
    await page.context().clearCookies();
  }
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  if (reusable) demoSignIns.set(email, await page.context().cookies());
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}@harbour.test`;
}
