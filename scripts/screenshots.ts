// Usage: npm run screenshots  (against a running app with the demo data: `npm run dev` on a fresh
// database, or BASE_URL=http://127.0.0.1:3100 for another server).
// Takes the README's screenshots — the session share dialog, the session page and the client
// chart overview, at 1440 px and 375 px — into docs/screenshots/, signed in as Dr Maya Patel.
import { mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { chromium, type Page } from "@playwright/test";

const BASE_URL = process.env.BASE_URL ?? "http://localhost:3000";
const OUT = "docs/screenshots";
const WIDTHS = { desktop: 1440, mobile: 375 } as const;
const SESSION = "Initial assessment — J. Lee";

async function signIn(page: Page) {
  await page.goto(`${BASE_URL}/sign-in`);
  await page.getByLabel("Email").fill(process.env.SCREENSHOT_EMAIL ?? "maya@harbour.test");
  await page.getByLabel("Password").fill(process.env.SCREENSHOT_PASSWORD ?? "carebridge-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

async function main() {
  await mkdir(OUT, { recursive: true });
  // Debian's Chromium where Playwright's own browser cannot be downloaded (as in playwright.config.ts).
  const debian = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((path) => existsSync(path));
  const executablePath = process.env.CHROMIUM_PATH ?? debian;
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const context = await browser.newContext({ viewport: { width: WIDTHS.desktop, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await signIn(page);
    await page.goto(`${BASE_URL}/sessions`);
    await page.getByRole("link", { name: SESSION }).first().click();
    await page.getByRole("heading", { level: 1, name: SESSION }).waitFor();
    const sessionUrl = page.url();
    await page.goto(`${BASE_URL}/clients?q=Jordan`);
    await page.getByRole("link", { name: "Lee, Jordan" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Jordan Lee" }).waitFor();
    const chartUrl = page.url().split("?")[0]!;

    for (const [name, width] of Object.entries(WIDTHS)) {
      await page.setViewportSize({ width, height: name === "mobile" ? 812 : 900 });
      await page.goto(chartUrl);
      await page.getByRole("heading", { level: 1, name: "Jordan Lee" }).waitFor();
      await page.screenshot({ path: `${OUT}/chart-overview-${width}.png`, fullPage: true });

      await page.goto(sessionUrl);
      await page.getByRole("heading", { level: 1, name: SESSION }).waitFor();
      await page.screenshot({ path: `${OUT}/session-page-${width}.png`, fullPage: true });

      await page.getByRole("button", { name: "Share", exact: true }).first().click();
      await page.getByRole("dialog").waitFor();
      await page.screenshot({ path: `${OUT}/share-dialog-${width}.png` });
      await page.keyboard.press("Escape");
    }
    console.log(`Screenshots written to ${OUT}/`);
  } finally {
    await browser.close();
  }
}

await main();
