import { spawn } from "node:child_process";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { outboxPage } from "../outbox";
import { signIn } from "../support";

const nonceOf = (csp: string | undefined) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? "")?.[1];

/** Headers every response carries (next.config.ts); the e2e server is a production build, so HSTS too. */
function expectCommonHeaders(response: APIResponse) {
  const h = response.headers();
  expect(h["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  expect(h["permissions-policy"]).toBe("camera=(), microphone=(), geolocation=()");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["referrer-policy"]).toBe("no-referrer");
}

/** A page's policy: a nonce, strict-dynamic, no eval in production, and never framed. */
function expectPagePolicy(response: APIResponse): string {
  const csp = response.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/(^|; )script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'self'");
  expect(csp).not.toContain("unsafe-eval");
  return nonceOf(csp)!;
}

test("a page, a sharing-portal page and a client-portal page carry a per-request CSP nonce that Next puts on its scripts", async ({ request }) => {
  for (const path of ["/sign-in", `/share/${"x".repeat(43)}`, "/portal/sign-in"]) {
    const first = await request.get(path);
    const second = await request.get(path);
    expectCommonHeaders(first);
    const nonce = expectPagePolicy(first);
    expect(expectPagePolicy(second)).not.toBe(nonce);
    const scripts = [...(await first.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  }
});

test("an API route gets the common headers and a policy that allows nothing", async ({ request }) => {
  const response = await request.get("/api/notifications");
  expect(response.status()).toBe(401);
  expectCommonHeaders(response);
  expect(response.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
});

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply|frame)/i.test(m.text())) seen.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`Refused to execute (CSP): ${e.violatedDirective} ${e.blockedURI}`));
  });
  return seen;
}

test("signed-in pages, the outbox's email preview and the portals run their scripts with no CSP violation", async ({ page, browser }) => {
  const violations = await watchViolations(page);
  await signIn(page, "admin@harbour.test");
  for (const path of ["/sessions", "/clients", "/documents", "/contacts", "/settings/members", "/notifications"]) {
    await page.goto(path);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  }
  // Client-side navigation only works when the app's scripts were allowed to run.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sessions", exact: true }).click();
  await expect(page).toHaveURL(/\/sessions$/);
  expect(await page.evaluate(() => typeof (window as unknown as { next?: unknown }).next)).toBe("object");

  // The outbox shows an email in a sandboxed srcdoc iframe: its inline styles must render too.
  await page.goto("/dev/outbox");
  await expect(page.getByRole("heading", { name: "Outbox" })).toBeVisible();
  const preview = page.frameLocator("iframe[title='Email as the recipient sees it']");
  if ((await page.locator("iframe[title='Email as the recipient sees it']").count()) > 0) await expect(preview.locator("body")).toBeVisible();

  const anonymous = await (await browser.newContext()).newPage();
  const anonymousViolations = await watchViolations(anonymous);
  await anonymous.goto("/portal/sign-in");
  await expect(anonymous.getByRole("button", { name: "Sign in" })).toBeVisible();
  await anonymous.goto(`/share/${"y".repeat(43)}`);
  await expect(anonymous.locator("main")).toBeVisible();
  expect(await anonymous.evaluate(() => typeof (window as unknown as { next?: unknown }).next)).toBe("object");

  expect(violations).toEqual([]);
  expect(anonymousViolations).toEqual([]);
});

test("/dev/outbox is shown to a signed-in admin only: anonymous requests and other members get 404", async ({ browser, page }) => {
  // scripts/test-e2e.sh builds without OUTBOX_VIEWER and serves with OUTBOX_VIEWER=1: a page
  // decided at build time would be a prerendered 404 for the admin below too.
  const anonymous = await (await browser.newContext()).newPage();
  const response = await anonymous.request.get("/dev/outbox");
  expect(response.status()).toBe(404);
  expect(await response.text()).not.toContain("Every email and text the app has sent");

  await signIn(page, "maya@harbour.test");
  const asClinician = await page.goto("/dev/outbox");
  expect(asClinician?.status()).toBe(404);

  // An admin sees it (the helper signs one in, in its own browser context).
  const viewer = await outboxPage(anonymous);
  await expect(viewer.getByRole("heading", { name: "Outbox" })).toBeVisible();
});

test("a production server without AUTH_SECRET refuses to start and names the variable", async () => {
  test.setTimeout(120_000);
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
  delete env.AUTH_SECRET;
  const port = String(Number(process.env.E2E_PORT ?? 3100) + 57);
  const child = spawn("npx", ["next", "start", "-p", port, "-H", "127.0.0.1"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += String(d)));
  child.stderr.on("data", (d) => (output += String(d)));
  // If it did start, a request would be what triggers a lazy check: ask once it listens.
  const poke = setInterval(() => void fetch(`http://127.0.0.1:${port}/sign-in`).catch(() => undefined), 2000);
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      resolve(-1);
    }, 90_000);
    child.on("exit", (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  clearInterval(poke);
  expect(output).toContain("AUTH_SECRET is not set");
  expect(code).not.toBe(0);
  expect(code).not.toBe(-1);
});
