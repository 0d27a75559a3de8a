import { expect, test, type Browser } from "@playwright/test";
import { decode, encode } from "next-auth/jwt";
import { query } from "../db";
import { DEMO_PASSWORD, signIn, uniqueEmail } from "../support";

// Several browsers sign in per test: on a busy machine that takes longer than the default minute.
test.describe.configure({ timeout: 180_000 });

/**
 * A clinician of Harbour of this test's own (same password as the demo accounts): signing out
 * everywhere or timing out must never touch the demo accounts other specs sign in with.
 */
async function createClinician(prefix: string) {
  const email = uniqueEmail(prefix);
  const name = `Casey ${prefix} ${Date.now().toString(36)}`;
  const [user] = await query<{ id: string }>(
    "insert into users (email, name, password_hash) select $1, $2, password_hash from users where email = 'nina@harbour.test' returning id",
    [email, name],
  );
  const [membership] = await query<{ id: string }>(
    `insert into memberships (organisation_id, user_id, role_id)
     select r.organisation_id, $1, r.id from roles r join organisations o on o.id = r.organisation_id
     where o.name = 'Harbour Health Group' and r.built_in = 'clinician' returning id`,
    [user!.id],
  );
  return { email, name, userId: user!.id, membershipId: membership!.id };
}

// Every browser a test opens is closed after it, so none keeps polling into the next test.
const opened: import("@playwright/test").BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
});
async function newContext(browser: Browser, options?: Parameters<Browser["newContext"]>[0]) {
  const context = await browser.newContext(options);
  opened.push(context);
  return context;
}

/** A second browser holding a copy of the first one's cookies, as a thief would. */
async function copyCookies(browser: Browser, from: import("@playwright/test").BrowserContext) {
  const copy = await newContext(browser);
  await copy.addCookies(await from.cookies());
  return copy;
}

test("after Sign out, a copied auth cookie is sent to sign-in and the API answers 401", async ({ browser }) => {
  const casey = await createClinician("signout");
  const context = await newContext(browser);
  const page = await context.newPage();
  await signIn(page, casey.email, DEMO_PASSWORD);
  const thief = await copyCookies(browser, context);
  expect((await thief.request.get("/api/notifications")).status()).toBe(200);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  expect((await thief.request.get("/api/notifications")).status()).toBe(401);
  const stolen = await thief.newPage();
  await stolen.goto("/sessions");
  await expect(stolen).toHaveURL(/\/sign-in\?callbackUrl=%2Fsessions/);
  const [row] = await query<{ ended_reason: string }>("select ended_reason from staff_auth_sessions where user_id = $1", [casey.userId]);
  expect(row).toEqual({ ended_reason: "signed_out" });
});

test("only the server's own, unexpired session cookie signs anyone in: tampered, foreign-secret, expired and renamed ones do not", async ({ browser, playwright, baseURL }) => {
  const casey = await createClinician("forged");
  const context = await newContext(browser);
  const page = await context.newPage();
  await signIn(page, casey.email, DEMO_PASSWORD);
  const name = "authjs.session-token"; // the server runs on http here
  const real = (await context.cookies()).find((c) => c.name === name)!.value;
  const claims = await decode({ token: real, secret: process.env.AUTH_SECRET!, salt: name });
  const ids = { sub: claims!.sub, asid: claims!.asid };
  const asCookie = (cookieName: string, value: string) => ({ Cookie: `${cookieName}=${value}` });
  // A client with no cookies of its own, so each request carries only the cookie given.
  const bare = await playwright.request.newContext({ baseURL });
  const api = async (headers: Record<string, string>) => (await bare.get("/api/notifications", { headers })).status();
  const tamper = (t: string) => t.slice(0, -6) + (t.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");

  expect(await api(asCookie(name, real))).toBe(200);
  expect(await api(asCookie(name, tamper(real)))).toBe(401);
  // The same ids, encrypted with another secret, or with ours but expired, or salted for the other cookie name.
  expect(await api(asCookie(name, await encode({ token: ids, secret: "not-the-server-secret-0123456789abcdef", salt: name })))).toBe(401);
  expect(await api(asCookie(name, await encode({ token: ids, secret: process.env.AUTH_SECRET!, salt: name, maxAge: -60 })))).toBe(401);
  const secureName = "__Secure-authjs.session-token";
  expect(await api(asCookie(name, await encode({ token: ids, secret: process.env.AUTH_SECRET!, salt: secureName })))).toBe(401);
  // Over http the __Secure- cookie is not the session cookie, whatever it holds.
  expect(await api(asCookie(secureName, await encode({ token: ids, secret: process.env.AUTH_SECRET!, salt: secureName })))).toBe(401);
  // A page, not only the API: a forged cookie is sent to sign-in.
  const forged = await newContext(browser);
  await forged.addCookies([{ name, value: tamper(real), url: new URL(page.url()).origin }]);
  const stranger = await forged.newPage();
  await stranger.goto("/sessions");
  await expect(stranger).toHaveURL(/\/sign-in\?callbackUrl=%2Fsessions/);
  await bare.dispose();
});

test("the account page lists signed-in devices, signs one out, then signs out of all devices", async ({ browser }) => {
  const casey = await createClinician("devices");
  const laptop = await (await newContext(browser)).newPage();
  const phone = await (await newContext(browser, { userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1" })).newPage();
  await signIn(laptop, casey.email, DEMO_PASSWORD);
  await signIn(phone, casey.email, DEMO_PASSWORD);

  await laptop.getByRole("link", { name: /Your account/ }).click();
  await expect(laptop.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  const devices = laptop.getByRole("list", { name: "Signed-in devices" }).getByRole("listitem");
  await expect(devices).toHaveCount(2);
  await expect(devices.filter({ hasText: "This device" })).toContainText("Chrome on Linux");
  const iphone = devices.filter({ hasText: "Safari on iOS" });
  await expect(iphone).toContainText("last active");
  // Two sign-ins of the same browser on one address still differ: each says when it began.
  await expect(iphone).toContainText(/signed in \d{1,2} \w{3} \d{4}, \d{2}:\d{2}/);

  await iphone.getByRole("button", { name: /Sign out/ }).click();
  await expect(devices).toHaveCount(1);
  await phone.goto("/sessions");
  await expect(phone).toHaveURL(/\/sign-in/);

  await laptop.getByRole("button", { name: "Sign out of all devices" }).click();
  await laptop.getByRole("dialog").getByRole("button", { name: "Sign out of all devices" }).click();
  await expect(laptop).toHaveURL(/\/sign-in/);
  await expect(laptop.getByText("You were signed out of all devices.")).toBeVisible();
  const live = await query("select id from staff_auth_sessions where user_id = $1 and ended_at is null", [casey.userId]);
  expect(live).toEqual([]);
});

test("an admin signs a member out of every device from the member page", async ({ browser }) => {
  const casey = await createClinician("reset");
  const member = await (await newContext(browser)).newPage();
  await signIn(member, casey.email, DEMO_PASSWORD);

  const admin = await (await newContext(browser)).newPage();
  await signIn(admin, "admin@harbour.test");
  await admin.goto(`/settings/members/${casey.membershipId}`);
  await admin.getByRole("button", { name: "Sign out of all devices" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(admin.getByText(`${casey.name} is signed out of every device.`)).toBeVisible();

  await member.goto("/sessions");
  await expect(member).toHaveURL(/\/sign-in/);
  // The admin's own sign-in is untouched.
  await admin.goto("/settings/members");
  await expect(admin.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
});

test.describe("automatic sign-out after inactivity", () => {
  test.afterEach(async () => {
    await query("update organisations set idle_timeout_minutes = 30 where name = 'Harbour Health Group'");
  });

  test("an admin sets 5 minutes; a sign-in idle that long is ended at its next request, with the reason on the sign-in page", async ({ browser }) => {
    const admin = await (await newContext(browser)).newPage();
    await signIn(admin, "admin@harbour.test");
    await admin.goto("/settings/security");
    const minutes = admin.getByLabel("Sign out after this many minutes without activity");
    await minutes.fill("4");
    await admin.getByRole("button", { name: "Save security settings" }).click();
    await expect(admin.getByText("Use at least 5 minutes.")).toBeVisible();
    await minutes.fill("5");
    await admin.getByRole("button", { name: "Save security settings" }).click();
    await expect(admin.getByText("Security settings saved.")).toBeVisible();

    const casey = await createClinician("idle");
    const page = await (await newContext(browser)).newPage();
    await signIn(page, casey.email, DEMO_PASSWORD);
    // The clock we control: the sign-in was last active 6 minutes ago.
    await query("update staff_auth_sessions set last_active_at = now() - interval '6 minutes' where user_id = $1 and ended_at is null", [casey.userId]);
    await page.goto("/clients");
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByText("You were signed out after 5 minutes without activity.")).toBeVisible();
    const [row] = await query<{ ended_reason: string }>("select ended_reason from staff_auth_sessions where user_id = $1", [casey.userId]);
    expect(row).toEqual({ ended_reason: "idle_timeout" });
  });

  test("the bell's polling does not count as activity", async ({ browser }) => {
    await query("update organisations set idle_timeout_minutes = 5 where name = 'Harbour Health Group'");
    const casey = await createClinician("poll");
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, casey.email, DEMO_PASSWORD);
    // Only the poll talks to the server from here on: no page still loading, navigating or prefetching
    // (a request already sent would still reach the server after the page closed).
    await page.waitForLoadState("networkidle");
    await page.close();
    await query("update staff_auth_sessions set last_active_at = now() - interval '3 minutes' where user_id = $1 and ended_at is null", [casey.userId]);
    const before = await query<{ last_active_at: Date }>("select last_active_at from staff_auth_sessions where user_id = $1", [casey.userId]);
    expect((await context.request.get("/api/notifications")).status()).toBe(200);
    expect(await query("select last_active_at from staff_auth_sessions where user_id = $1", [casey.userId])).toEqual(before);
    await query("update staff_auth_sessions set last_active_at = now() - interval '6 minutes' where user_id = $1", [casey.userId]);
    const poll = await context.request.get("/api/notifications");
    expect(poll.status()).toBe(401);
  });

  test("a minute before, a warning offers 'Stay signed in'; without an answer the person lands on sign-in", async ({ browser }) => {
    await query("update organisations set idle_timeout_minutes = 5 where name = 'Harbour Health Group'");
    const casey = await createClinician("warning");
    const page = await (await newContext(browser)).newPage();
    await page.clock.install();
    await signIn(page, casey.email, DEMO_PASSWORD);
    await page.goto("/clients");
    await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
    // The warning's timer is set once the page has hydrated: fast-forwarding before that (a slow,
    // busy machine) would pass no timer at all.
    await page.waitForLoadState("networkidle");

    // Server side: 4 min 10 s without a request. Browser side: its 4-minute timer comes due.
    await query("update staff_auth_sessions set last_active_at = now() - interval '250 seconds' where user_id = $1 and ended_at is null", [casey.userId]);
    await page.clock.fastForward("04:01");
    const warning = page.getByRole("alertdialog", { name: "You'll be signed out soon" });
    await expect(warning).toBeVisible();
    await warning.getByRole("button", { name: "Stay signed in" }).click();
    await expect(warning).toBeHidden();
    const [touched] = await query<{ idle_seconds: number }>(
      "select extract(epoch from now() - last_active_at)::int as idle_seconds from staff_auth_sessions where user_id = $1 and ended_at is null",
      [casey.userId],
    );
    expect(touched!.idle_seconds).toBeLessThan(60);

    // Next time nobody answers.
    await page.waitForLoadState("networkidle");
    await query("update staff_auth_sessions set last_active_at = now() - interval '250 seconds' where user_id = $1 and ended_at is null", [casey.userId]);
    await page.clock.fastForward("04:01");
    await expect(warning).toBeVisible();
    await query("update staff_auth_sessions set last_active_at = now() - interval '6 minutes' where user_id = $1 and ended_at is null", [casey.userId]);
    await page.clock.fastForward("01:05");
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByText("You were signed out after 5 minutes without activity.")).toBeVisible();
  });
});

test("a member of two organisations switches between them from the header", async ({ browser }) => {
  const casey = await createClinician("switch");
  const orgName = `Northside Clinic ${Date.now().toString(36)}`;
  const [org] = await query<{ id: string }>("insert into organisations (name) values ($1) returning id", [orgName]);
  const [role] = await query<{ id: string }>(
    `insert into roles (organisation_id, name, built_in, contacts, letters, patients, labs, invoices, sessions, settings, client_scope)
     values ($1, 'Admin', 'admin', 'edit', 'edit', 'edit', 'edit', 'edit', 'edit', 'edit', 'all') returning id`,
    [org!.id],
  );
  await query("insert into memberships (organisation_id, user_id, role_id) values ($1, $2, $3)", [org!.id, casey.userId, role!.id]);

  const page = await (await newContext(browser)).newPage();
  await signIn(page, casey.email, DEMO_PASSWORD);
  const switcher = page.getByRole("combobox", { name: "Organisation" });
  const nav = page.getByRole("navigation", { name: "Main" });
  // Never used yet: sign-in enters the membership joined most recently (Northside, as its admin).
  await expect(switcher).toHaveValue(org!.id);
  await expect(nav.getByRole("link", { name: "Settings", exact: true })).toBeVisible();

  const [harbour] = await query<{ id: string }>("select id from organisations where name = 'Harbour Health Group'");
  await switcher.selectOption({ label: "Harbour Health Group" });
  await expect(nav.getByRole("link", { name: "Settings", exact: true })).toHaveCount(0);
  await expect(switcher).toHaveValue(harbour!.id);
  const [row] = await query<{ organisation_id: string }>("select organisation_id from staff_auth_sessions where user_id = $1 and ended_at is null", [casey.userId]);
  expect(row).toEqual({ organisation_id: harbour!.id });

  // Someone with one organisation sees its name, not a switcher.
  const solo = await (await newContext(browser)).newPage();
  await signIn(solo, (await createClinician("solo")).email, DEMO_PASSWORD);
  await expect(solo.getByRole("combobox", { name: "Organisation" })).toHaveCount(0);
});

test("a form sent after this device was signed out elsewhere keeps what was typed and says why it was not saved", async ({ browser }) => {
  const casey = await createClinician("kept");
  const page = await (await newContext(browser)).newPage();
  await signIn(page, casey.email, DEMO_PASSWORD);
  await page.goto("/sessions/new");
  await page.getByLabel("Title").fill("Typed before the sign-out");
  // Signed out of every device from elsewhere (the account page of another device, or an admin).
  await query("update staff_auth_sessions set ended_at = now(), ended_reason = 'signed_out' where user_id = $1 and ended_at is null", [casey.userId]);
  await page.getByRole("button", { name: "Create session" }).click();
  await expect(page.getByText("You're no longer signed in, so this wasn't saved.")).toBeVisible();
  await expect(page).toHaveURL(/\/sessions\/new$/);
  await expect(page.getByLabel("Title")).toHaveValue("Typed before the sign-out");
  expect(await query("select id from clinical_sessions where owner_id = $1", [casey.userId])).toEqual([]);
});
