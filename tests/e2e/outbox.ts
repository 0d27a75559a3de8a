import { expect, type Page } from "@playwright/test";

/** Opens the newest message to `to` in the development outbox viewer and returns its link. */
export async function openLatestMessage(page: Page, to: string, subject?: string | RegExp): Promise<string> {
  await page.goto("/dev/outbox");
  const list = page.getByRole("list", { name: "Messages" });
  let item = list.getByRole("link").filter({ hasText: to });
  if (subject) item = item.filter({ hasText: subject });
  await item.first().click();
  await expect(page.getByTestId("message-to")).toHaveText(to);
  const link = await page.getByTestId("message-link").textContent();
  if (!link) throw new Error(`no link in the message to ${to}`);
  return link;
}

/** Turns an absolute link from an email into a path on the server under test. */
export function pathOf(link: string): string {
  const url = new URL(link);
  return url.pathname + url.search;
}
