import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { signIn } from "./support";

// The outbox viewer is for signed-in admins only. One admin context per browser, kept for the run.
const adminContexts = new WeakMap<Browser, Promise<BrowserContext>>();

/**
 * A page showing /dev/outbox as an admin: a new page beside the caller's when the caller is a
 * signed-in admin, otherwise one kept admin context (signed in again if its sign-in has ended),
 * so a contact's or client's own browser never carries a staff sign-in.
 */
export async function outboxPage(page: Page): Promise<Page> {
  // A signed-in admin's own context reads it directly (no second sign-in).
  if ((await page.context().request.get("/dev/outbox", { maxRedirects: 0 })).status() === 200) {
    const viewer = await page.context().newPage();
    await viewer.goto("/dev/outbox");
    return viewer;
  }
  const browser = page.context().browser();
  if (!browser) throw new Error("no browser behind this page");
  let context = adminContexts.get(browser);
  if (!context) {
    context = browser.newContext();
    adminContexts.set(browser, context);
  }
  const ctx = await context;
  const viewer = ctx.pages()[0] ?? (await ctx.newPage());
  const response = await viewer.goto("/dev/outbox");
  if (response?.status() !== 200 || !viewer.url().includes("/dev/outbox")) {
    await signIn(viewer, "admin@harbour.test");
    await viewer.goto("/dev/outbox");
  }
  return viewer;
}

/** Opens the newest message to `to` in the development outbox viewer: the viewer page and the message's link. */
export async function openLatestMessageViewer(page: Page, to: string, subject?: string | RegExp): Promise<{ viewer: Page; link: string }> {
  const viewer = await outboxPage(page);
  const list = viewer.getByRole("list", { name: "Messages" });
  let item = list.getByRole("link").filter({ hasText: to });
  if (subject) item = item.filter({ hasText: subject });
  await item.first().click();
  await expect(viewer.getByTestId("message-to")).toHaveText(to);
  const link = await viewer.getByTestId("message-link").textContent();
  if (!link) throw new Error(`no link in the message to ${to}`);
  return { viewer, link };
}

/** Opens the newest message to `to` in the development outbox viewer and returns its link. */
export async function openLatestMessage(page: Page, to: string, subject?: string | RegExp): Promise<string> {
  return (await openLatestMessageViewer(page, to, subject)).link;
}

/** Turns an absolute link from an email into a path on the server under test. */
export function pathOf(link: string): string {
  const url = new URL(link);
  return url.pathname + url.search;
}
