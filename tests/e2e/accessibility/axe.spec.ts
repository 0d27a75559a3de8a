import { createHash, randomBytes } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import axe from "axe-core";
import { query } from "../db";
import { DEMO_PASSWORD, signIn } from "../support";

/**
 * axe-core (WCAG 2.2 A/AA) on every page of the staff app, as each built-in role, and on both
 * portals, with the main dialogs open. Any critical or serious violation fails. Kept fast: one
 * sign-in per audience, records read from the seed or inserted straight into the database.
 */

const one = async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => (await query<T>(text, params))[0]!;
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

// About 30 pages for the admin, 10 for the others, each loaded and analysed once (menus and dialogs
// analysed alone): well under a minute on an idle machine, a few minutes on a loaded one.
test.describe.configure({ timeout: 600_000 });

type Finding = string;

// axe's source goes into every page once, before the page's own scripts (an init script is not
// subject to the page's CSP); @axe-core/playwright injected its 500 KB again for every analysis,
// ~2 s a scan against ~0.3 s for the run itself.
test.beforeEach(async ({ context }) => {
  await context.addInitScript({ content: axe.source });
});

async function scan(page: Page, where: string, findings: Finding[], include?: string) {
  // Violations only: collecting passes and incomplete results doubles the time of each scan.
  const violations = await page.evaluate(
    async ({ tags, include }) => {
      const injected = (window as unknown as { axe: typeof axe }).axe;
      const result = await injected.run(include ?? document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
    },
    { tags: TAGS, include },
  );
  for (const v of violations) {
    if (v.impact !== "critical" && v.impact !== "serious") continue;
    findings.push(`${where}: [${v.impact}] ${v.id} — ${v.help} (${v.targets.length}×: ${v.targets.slice(0, 3).join(" | ")})`);
  }
}

async function visit(page: Page, path: string, findings: Finding[]) {
  const response = await page.goto(path);
  expect(response, path).not.toBeNull();
  await scan(page, path, findings);
}

interface Ids {
  session: string;
  adminSession: string;
  client: string;
  document: string;
  contact: string;
  membership: string;
  role: string;
  team: string;
  request: string;
}

let ids: Ids;

test.beforeAll(async () => {
  const org = await one<{ id: string }>("select id from organisations where name = 'Harbour Health Group'");
  const admin = await one<{ id: string }>("select id from users where email = 'admin@harbour.test'");
  const jordan = await one<{ id: string }>("select id from clients where organisation_id = $1 and first_name = 'Jordan' and last_name = 'Lee' order by created_at limit 1", [org.id]);
  const form = await one<{ id: string }>("select id from intake_forms where organisation_id = $1 and name = 'New client intake'", [org.id]);
  // The admin owns no seeded session: one of their own, so the session page is scanned as Admin too.
  const adminSession = await one<{ id: string }>(
    "insert into clinical_sessions (organisation_id, owner_id, visibility, title, status, client_id, notes, context) values ($1, $2, 'private', 'Accessibility review — J. Lee', 'draft', $3, 'Notes', 'Context') returning id",
    [org.id, admin.id, jordan.id],
  );
  // A submitted form, so the answers page has something to show.
  const request = await one<{ id: string }>(
    "insert into intake_requests (client_id, form_id, sent_by_id, status, answers, sent_at, submitted_at) values ($1, $2, $3, 'submitted', $4, now(), now()) returning id",
    [jordan.id, form.id, admin.id, JSON.stringify({ reason: "Poor sleep.", referral: "GP referral", dob: "1988-04-12", signature: "Jordan Lee" })],
  );
  ids = {
    session: (await one<{ id: string }>("select id from clinical_sessions where title = 'Initial assessment — J. Lee' and organisation_id = $1", [org.id])).id,
    adminSession: adminSession.id,
    client: jordan.id,
    document: (await one<{ id: string }>("select id from documents where title = 'Assessment summary for GP' and organisation_id = $1", [org.id])).id,
    contact: (await one<{ id: string }>("select id from contacts where email = 'gp@northside.test' and organisation_id = $1", [org.id])).id,
    membership: (await one<{ id: string }>("select m.id from memberships m join users u on u.id = m.user_id where u.email = 'maya@harbour.test' and m.organisation_id = $1", [org.id])).id,
    role: (await one<{ id: string }>("select id from roles where organisation_id = $1 and built_in = 'clinician'", [org.id])).id,
    team: (await one<{ id: string }>("select id from teams where organisation_id = $1 and name = 'Psychology'", [org.id])).id,
    request: request.id,
  };
});

type Role = "admin" | "clinician" | "secretary";

/**
 * The admin sees every page; the other roles see the pages whose content depends on the role
 * (lists, the chart, a document, a contact), not a second scan of the same forms.
 */
function staffPages(role: Role): string[] {
  const { client, document, contact } = ids;
  const pages = [
    "/notifications",
    "/clients",
    `/clients/${client}`,
    `/clients/${client}/portal`,
    "/documents",
    `/documents/${document}`,
    "/contacts",
    `/contacts/${contact}`,
  ];
  if (role !== "secretary") pages.push("/sessions");
  if (role === "admin") {
    pages.push(
      "/account",
      `/clients/${client}/sessions`,
      `/clients/${client}/documents`,
      `/clients/${client}/forms/${ids.request}`,
      `/clients/${client}/edit`,
      "/documents/new",
      `/documents/${document}/edit`,
      "/contacts/new",
      "/sessions/new",
      // A record that does not exist: the not-found page.
      "/clients/00000000-0000-4000-8000-000000000000",
      "/clients/new",
      `/clients/${client}/access`,
      `/clients/${client}/separate-profile`,
      "/settings/members",
      "/settings/members/new",
      `/settings/members/${ids.membership}`,
      "/settings/roles",
      "/settings/roles/new",
      `/settings/roles/${ids.role}`,
      "/settings/teams",
      `/settings/teams/${ids.team}`,
      "/settings/sharing",
      "/settings/security",
      "/settings/messages",
    );
  }
  return pages;
}

const ACCOUNTS: Record<Role, string> = { admin: "admin@harbour.test", clinician: "maya@harbour.test", secretary: "sam@harbour.test" };

/** Opens a menu or panel by its button and scans only what opened (the page under it was just scanned). */
async function scanOpened(page: Page, trigger: Locator, where: string, findings: Finding[]) {
  await trigger.click();
  await expect(trigger).toHaveAttribute("aria-expanded", "true");
  const controls = await trigger.getAttribute("aria-controls");
  await scan(page, where, findings, controls ? `[id="${controls}"]` : undefined);
  await page.keyboard.press("Escape");
}

/** Opens a record page's Share dialog and scans the dialog alone. */
async function scanShareDialog(page: Page, where: string, findings: Finding[]) {
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await scan(page, where, findings, 'dialog[open], [role="dialog"]');
  await page.keyboard.press("Escape");
}

/** The page's width at 375 px, then back to the desktop size: a resize reflows the page without loading it again. */
async function widthAt375(page: Page): Promise<number> {
  const desktop = page.viewportSize();
  await page.setViewportSize({ width: 375, height: 800 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (desktop) await page.setViewportSize(desktop);
  return width;
}

for (const role of ["admin", "clinician", "secretary"] as const) {
  // The admin's pass, which loads every page, also checks WCAG 1.4.10 (reflow) on each: at 375 px no
  // page scrolls sideways; wide content (a table, the settings tabs) scrolls inside its own strip or stacks.
  const reflow = role === "admin";
  test(`staff app as ${role}: no critical or serious axe violations${reflow ? "; no page scrolls sideways at 375 px" : ""}`, async ({ page }) => {
    const findings: Finding[] = [];
    const wide: string[] = [];
    const checkReflow = async (path: string) => {
      const width = await widthAt375(page);
      if (width > 375) wide.push(`${path}: ${width} px`);
    };
    await signIn(page, ACCOUNTS[role]);
    // One load and one full analysis per page; the dialogs and menus are opened on the page that
    // holds them and analysed alone.
    for (const path of staffPages(role)) {
      await visit(page, path, findings);
      if (reflow) await checkReflow(path);
      if (path === `/clients/${ids.client}`) {
        const chartActions = page.getByRole("button", { name: "Chart actions" });
        if (await chartActions.count()) await scanOpened(page, chartActions, "chart actions menu", findings);
        await scanOpened(page, page.getByRole("button", { name: /Notifications/ }).first(), "notification bell", findings);
      }
      if (path === `/documents/${ids.document}`) await scanShareDialog(page, "document share dialog", findings);
    }
    if (reflow) {
      // Pages the other passes scan are only measured here.
      for (const path of ["/documents/shared", "/settings/audit-log", "/settings/audit-log/emergency"]) {
        await page.goto(path);
        await checkReflow(path);
      }
    }
    if (role !== "secretary") {
      const path = `/sessions/${role === "admin" ? ids.adminSession : ids.session}`;
      await visit(page, path, findings);
      if (reflow) await checkReflow(path);
      await scanShareDialog(page, "session share dialog", findings);
    }

    // 375 px: the last page as it reflows, and the mobile navigation, open.
    await page.setViewportSize({ width: 375, height: 800 });
    await scan(page, `${new URL(page.url()).pathname} (375 px)`, findings);
    await scanOpened(page, page.getByRole("button", { name: /menu/i }).first(), "mobile navigation (375 px)", findings);

    expect(findings, findings.join("\n")).toEqual([]);
    expect(wide, wide.join("\n")).toEqual([]);
  });
}

test("signed-out pages and the client portal: no critical or serious axe violations", async ({ page }) => {
  const findings: Finding[] = [];
  for (const path of ["/sign-in", "/portal/sign-in", "/invitation/not-a-real-token", "/portal/invitation/not-a-real-token"]) await visit(page, path, findings);

  // A client with two profiles on one login and a form to complete.
  const tag = randomBytes(3).toString("hex");
  const email = `robin-${tag}@example.test`;
  const org = await one<{ id: string }>("select id from organisations where name = 'Harbour Health Group'");
  const admin = await one<{ id: string; password_hash: string }>("select id, password_hash from users where email = 'admin@harbour.test'");
  const form = await one<{ id: string }>("select id from intake_forms where organisation_id = $1 and name = 'New client intake'", [org.id]);
  const account = await one<{ id: string }>("insert into portal_accounts (email, name, password_hash) values ($1, 'Robin Axe', $2) returning id", [email, admin.password_hash]);
  const profiles: string[] = [];
  for (const n of [1, 2]) {
    const c = await one<{ id: string }>("insert into clients (organisation_id, first_name, last_name, email, date_of_birth) values ($1, 'Robin', $2, $3, '1990-02-03') returning id", [org.id, `Axe-${tag}`, email]);
    await query("insert into portal_account_profiles (portal_account_id, client_id, can_manage, status, accepted_at, invited_name) values ($1, $2, true, 'accepted', now(), 'Robin Axe')", [account.id, c.id]);
    profiles.push(c.id);
    void n;
  }
  const request = await one<{ id: string }>("insert into intake_requests (client_id, form_id, sent_by_id) values ($1, $2, $3) returning id", [profiles[0], form.id, admin.id]);

  await page.goto("/portal/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  for (const path of ["/portal", `/portal/profiles/${profiles[0]}`, `/portal/profiles/${profiles[0]}/forms/${request.id}`, "/portal/profiles/00000000-0000-4000-8000-000000000000"]) {
    await visit(page, path, findings);
  }
  await page.setViewportSize({ width: 375, height: 800 });
  await visit(page, `/portal/profiles/${profiles[0]}`, findings);

  expect(findings, findings.join("\n")).toEqual([]);
});

test("sharing portal: no critical or serious axe violations", async ({ page }) => {
  const findings: Finding[] = [];
  const org = await one<{ id: string; sharing_enabled: boolean; security_level: string }>("select id, sharing_enabled, security_level from organisations where name = 'Harbour Health Group'");
  const admin = await one<{ id: string }>("select id from users where email = 'admin@harbour.test'");
  const token = randomBytes(32).toString("base64url");
  const hash = createHash("sha256").update(token, "utf8").digest("hex");
  await query(
    "insert into document_shares (document_id, contact_id, shared_by_id, token_hash, security_level, purpose) values ($1, $2, $3, $4, 'link', 'continuing_care')",
    [ids.document, ids.contact, admin.id, hash],
  );
  await query("update organisations set sharing_enabled = true where id = $1", [org.id]);
  try {
    await visit(page, `/share/${token}`, findings);
    await page.getByRole("button", { name: "View document" }).click();
    await expect(page).toHaveURL(/\/share\/s\//);
    await scan(page, "shared document", findings);
    await visit(page, "/share/not-a-real-token", findings);
  } finally {
    await query("update organisations set sharing_enabled = $2 where id = $1", [org.id, org.sharing_enabled]);
  }
  expect(findings, findings.join("\n")).toEqual([]);
});
