import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { query } from "../db";
import { callFormAction, serverActions } from "../server-actions";
import { DEMO_PASSWORD, signIn } from "../support";

// Issue 9, item 3: organisation A's (Harbour's) pages, route handlers and server actions, called
// with organisation B's ids, answer 404 / change nothing. Probed as Harbour's admin and as someone
// who works at both (B's session is shared with them, B's chart is on their list, they sit in B's
// team) while signed into Harbour.

const one = async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => (await query<T>(text, params))[0]!;

async function organisationB() {
  const tag = randomBytes(3).toString("hex");
  const org = await one<{ id: string }>("insert into organisations (name, sharing_enabled, security_level) values ($1, true, 'link') returning id", [`Probe Clinic ${tag}`]);
  const role = await one<{ id: string }>(
    `insert into roles (organisation_id, name, built_in, contacts, letters, patients, labs, invoices, sessions, settings, client_scope)
     values ($1, 'Admin', 'admin', 'edit', 'edit', 'edit', 'edit', 'edit', 'edit', 'edit', 'all') returning id`,
    [org.id],
  );
  const { password_hash } = await one<{ password_hash: string }>("select password_hash from users where email = 'admin@harbour.test'");
  const owner = await one<{ id: string }>("insert into users (email, name, password_hash) values ($1, 'Probe Owner', $2) returning id", [`owner-${tag}@probe.test`, password_hash]);
  const ownerMembership = await one<{ id: string }>("insert into memberships (organisation_id, user_id, role_id) values ($1, $2, $3) returning id", [org.id, owner.id, role.id]);
  const team = await one<{ id: string }>("insert into teams (organisation_id, name) values ($1, 'Probe Team') returning id", [org.id]);
  const client = await one<{ id: string }>("insert into clients (organisation_id, first_name, last_name, email) values ($1, 'Probe', 'Client', $2) returning id", [org.id, `client-${tag}@probe.test`]);
  const contact = await one<{ id: string }>("insert into contacts (organisation_id, name, email) values ($1, 'Probe GP', $2) returning id", [org.id, `gp-${tag}@probe.test`]);
  const document = await one<{ id: string }>(
    "insert into documents (organisation_id, client_id, kind, title, content, author_id) values ($1, $2, 'document', 'Probe document', $3, $4) returning id",
    [org.id, client.id, JSON.stringify({ body: "Probe." }), owner.id],
  );
  const share = await one<{ id: string }>(
    "insert into document_shares (document_id, contact_id, shared_by_id, token_hash, security_level) values ($1, $2, $3, $4, 'link') returning id",
    [document.id, contact.id, owner.id, randomBytes(32).toString("hex")],
  );
  const session = await one<{ id: string }>(
    "insert into clinical_sessions (organisation_id, owner_id, title, client_id, team_id, visibility) values ($1, $2, 'Probe session', $3, $4, 'team') returning id",
    [org.id, owner.id, client.id, team.id],
  );
  const form = await one<{ id: string }>("insert into intake_forms (organisation_id, name, fields) values ($1, 'Probe form', '[]') returning id", [org.id]);
  const request = await one<{ id: string }>("insert into intake_requests (client_id, form_id, sent_by_id) values ($1, $2, $3) returning id", [client.id, form.id, owner.id]);
  const link = await one<{ id: string }>("insert into client_links (client_id, contact_id, relationship) values ($1, $2, 'other') returning id", [client.id, contact.id]);
  const notification = await one<{ id: string }>("insert into notifications (user_id, organisation_id, kind, text, link) values ($1, $2, 'probe', 'Probe', '/') returning id", [owner.id, org.id]);
  // B's own audit trail: the export filtered on B's client or B's owner must not reach it.
  const event = await one<{ id: string }>(
    "insert into audit_events (organisation_id, actor_type, actor_id, action, target_type, target_id, client_id) values ($1, 'user', $2, 'document.viewed', 'document', $3, $4) returning id",
    [org.id, owner.id, document.id, client.id],
  );

  // Someone who works at both: in B first (with B's session, chart and team), then Harbour's admin,
  // so sign-in (the most recently joined membership) puts them in Harbour.
  const dual = await one<{ id: string }>("insert into users (email, name, password_hash) values ($1, 'Dana Both', $2) returning id", [`dual-${tag}@harbour.test`, password_hash]);
  await query("insert into memberships (organisation_id, user_id, role_id, created_at) values ($1, $2, $3, now() - interval '1 day')", [org.id, dual.id, role.id]);
  await query("insert into team_members (team_id, user_id) values ($1, $2)", [team.id, dual.id]);
  await query("insert into session_shares (session_id, user_id, access, granted_by_id) values ($1, $2, 'full', $3)", [session.id, dual.id, owner.id]);
  await query("insert into client_access (client_id, user_id) values ($1, $2)", [client.id, dual.id]);
  const harbour = await one<{ id: string }>("select id from organisations where name = 'Harbour Health Group'");
  const harbourAdminRole = await one<{ id: string }>("select id from roles where organisation_id = $1 and built_in = 'admin'", [harbour.id]);
  await query("insert into memberships (organisation_id, user_id, role_id) values ($1, $2, $3)", [harbour.id, dual.id, harbourAdminRole.id]);

  return {
    orgId: org.id,
    roleId: role.id,
    ownerId: owner.id,
    membershipId: ownerMembership.id,
    teamId: team.id,
    clientId: client.id,
    contactId: contact.id,
    documentId: document.id,
    shareId: share.id,
    sessionId: session.id,
    formId: form.id,
    requestId: request.id,
    linkId: link.id,
    notificationId: notification.id,
    auditEventId: event.id,
    dualEmail: `dual-${tag}@harbour.test`,
    orgName: `Probe Clinic ${tag}`,
  };
}

type B = Awaited<ReturnType<typeof organisationB>>;

/** Every row that belongs to organisation B, as one string: any change shows. */
async function stateOf(b: B) {
  const rows = await Promise.all([
    query("select * from organisations where id = $1", [b.orgId]),
    query("select * from roles where organisation_id = $1 order by id", [b.orgId]),
    query("select * from memberships where organisation_id = $1 order by id", [b.orgId]),
    query("select * from teams where organisation_id = $1 order by id", [b.orgId]),
    query("select * from team_members where team_id = $1 order by user_id", [b.teamId]),
    query("select * from clients where organisation_id = $1 order by id", [b.orgId]),
    query("select * from client_access where client_id = $1 order by user_id", [b.clientId]),
    query("select * from client_links where client_id = $1 or linked_client_id = $1 order by id", [b.clientId]),
    query("select * from portal_account_profiles where client_id = $1 order by portal_account_id", [b.clientId]),
    query("select * from contacts where organisation_id = $1 order by id", [b.orgId]),
    query("select * from documents where organisation_id = $1 order by id", [b.orgId]),
    query("select * from document_shares where document_id = $1 order by id", [b.documentId]),
    query("select * from clinical_sessions where organisation_id = $1 order by id", [b.orgId]),
    query("select * from session_shares where session_id = $1 order by id", [b.sessionId]),
    query("select * from intake_forms where organisation_id = $1 order by id", [b.orgId]),
    query("select * from intake_requests where client_id = $1 order by id", [b.clientId]),
    query("select * from notifications where organisation_id = $1 order by id", [b.orgId]),
  ]);
  return JSON.stringify(rows);
}

/** Harbour pages and route handlers that name a record in their path, with B's ids. */
function urls(b: B): string[] {
  return [
    `/sessions/${b.sessionId}`,
    `/clients/${b.clientId}`,
    `/clients/${b.clientId}/sessions`,
    `/clients/${b.clientId}/documents`,
    `/clients/${b.clientId}/portal`,
    `/clients/${b.clientId}/access`,
    `/clients/${b.clientId}/edit`,
    `/clients/${b.clientId}/separate-profile`,
    `/clients/${b.clientId}/forms/${b.requestId}`,
    `/contacts/${b.contactId}`,
    `/documents/${b.documentId}`,
    `/documents/${b.documentId}/edit`,
    `/documents/${b.documentId}/pdf`,
    `/documents/${b.documentId}/file`,
    `/clients/${b.clientId}/access/record`,
    `/settings/members/${b.membershipId}`,
    `/settings/roles/${b.roleId}`,
    `/settings/teams/${b.teamId}`,
  ];
}

/** Server actions of the staff app with B's ids in every id field. */
function forgedActions(b: B): [string, Record<string, string | string[]>][] {
  return [
    ["updateSessionAction", { sessionId: b.sessionId, notes: "forged" }],
    ["setSessionPatientAction", { sessionId: b.sessionId, clientId: "" }],
    ["addSessionDocumentAction", { sessionId: b.sessionId, title: "Forged", body: "Forged" }],
    ["setSessionVisibilityAction", { sessionId: b.sessionId, visibility: "private", teamId: "" }],
    ["shareSessionAction", { sessionId: b.sessionId, userId: b.ownerId, access: "view" }],
    ["changeShareLevelAction", { sessionId: b.sessionId, userId: b.ownerId, access: "view" }],
    ["removeShareAction", { sessionId: b.sessionId, userId: b.ownerId }],
    ["deleteSessionAction", { sessionId: b.sessionId }],
    ["createSessionAction", { title: "Forged", clientId: b.clientId, teamId: b.teamId, visibility: "team" }],
    ["setClientAccessAction", { clientId: b.clientId, userIds: [] }],
    ["createSeparateProfileAction", { clientId: b.clientId, practitionerId: b.ownerId }],
    ["linkClientContactAction", { clientId: b.clientId, target: "contact", name: "Forged", relationship: "other" }],
    ["inviteToPortalAction", { clientId: b.clientId, who: "profile", canManage: "on" }],
    ["sendIntakeFormAction", { clientId: b.clientId, formId: b.formId }],
    ["updateClientAction", { clientId: b.clientId, firstName: "Forged", lastName: "Forged" }],
    ["removeClientLinkAction", { clientId: b.clientId, linkId: b.linkId }],
    ["saveContactAction", { contactId: b.contactId, name: "Forged", email: "", mobile: "" }],
    ["archiveContactAction", { contactId: b.contactId }],
    ["shareDocumentAction", { documentId: b.documentId, contactId: b.contactId, purpose: "referral" }],
    ["changeShareAction", { shareId: b.shareId, change: "revoke" }],
    ["renameTeamAction", { teamId: b.teamId, name: "Forged" }],
    ["changeTeamMembershipAction", { teamId: b.teamId, membershipId: b.membershipId, change: "remove" }],
    ["changeMemberRoleAction", { membershipId: b.membershipId, roleId: b.roleId }],
    ["setMemberTeamsAction", { membershipId: b.membershipId, teamIds: [] }],
    ["removeMemberAction", { membershipId: b.membershipId }],
    ["changeInvitationAction", { membershipId: b.membershipId, change: "revoke" }],
    ["deleteRoleAction", { roleId: b.roleId }],
  ];
}

test("Harbour's pages, route handlers and server actions answer 404 / change nothing for another organisation's ids", async ({ page }) => {
  test.setTimeout(240_000);
  const b = await organisationB();
  const actions = serverActions().filter((a) => a.filename.startsWith("app/(app)/"));
  const before = await stateOf(b);
  for (const email of ["admin@harbour.test", b.dualEmail]) {
    await page.context().clearCookies();
    await signIn(page, email);
    // The member of both clinics rightly sees the other clinic's name in the header's switcher
    // (pages and action answers carry the layout); nothing else of it ("Probe …") may appear.
    const withoutSwitcher = (text: string) => (email === b.dualEmail ? text.replaceAll(b.orgName, "") : text);
    // Signed into Harbour (the most recently joined membership), not the probe clinic.
    // (Someone with two organisations sees them in the header's switcher, the current one chosen.)
    const current = email === b.dualEmail ? page.getByRole("combobox", { name: "Organisation" }).locator("option:checked") : page.getByRole("banner").getByText("Harbour Health Group");
    await expect(current).toHaveText("Harbour Health Group");
    for (const url of urls(b)) {
      const response = await page.request.get(url, { maxRedirects: 0 });
      const body = await response.text();
      if (/\/(pdf|file|record)$/.test(url)) {
        expect(response.status(), `${email} GET ${url}`).toBe(404);
      } else {
        // Pages under the app's loading.tsx stream: the status line (200) is sent before the page
        // calls notFound(), so the answer is Next's streamed not-found (our not-found page, noindex).
        expect([200, 404], `${email} GET ${url}`).toContain(response.status());
        expect(body, `${email} GET ${url}`).toContain("show you this page");
        expect(body, `${email} GET ${url}`).toMatch(/<meta name="robots" content="noindex"/);
      }
      expect(withoutSwitcher(body), `${email} GET ${url}`).not.toContain("Probe");
    }
    // The audit CSV export with B's ids in its filters: a file of Harbour's own events only.
    for (const filter of [`client=${b.clientId}`, `person=user:${b.ownerId}`, "client=Probe"]) {
      const response = await page.request.get(`/settings/audit-log/export?${filter}`, { maxRedirects: 0 });
      expect(response.status(), `${email} export ${filter}`).toBe(200);
      const csv = await response.text();
      const eventIds = csv.trim().split("\r\n").slice(1).map((line) => line.slice(-36));
      const foreign = await query("select id from audit_events where id = any($1::uuid[]) and organisation_id is distinct from (select id from organisations where name = 'Harbour Health Group')", [eventIds]);
      expect(foreign, `${email} export ${filter}`).toEqual([]);
      expect(csv, `${email} export ${filter}`).not.toContain(b.auditEventId);
      expect(csv, `${email} export ${filter}`).not.toContain("Probe");
    }
    for (const [name, fields] of forgedActions(b)) {
      const action = actions.find((a) => a.exportedName === name);
      expect(action, name).toBeTruthy();
      const { text } = await callFormAction(page.request, action!, fields);
      expect(withoutSwitcher(text), `${email} ${name}`).not.toContain("Probe");
    }
    expect(await stateOf(b), email).toBe(before);
  }
});

test("another clinic's client login gets not-found for B's record of disclosures, as a page and as a PDF", async ({ page }) => {
  const b = await organisationB();
  const tag = randomBytes(3).toString("hex");
  const email = `probe-client-${tag}@example.test`;
  // A Harbour client with a portal login of their own: B's profile is not theirs.
  const harbour = await one<{ id: string }>("select id from organisations where name = 'Harbour Health Group'");
  const mine = await one<{ id: string }>("insert into clients (organisation_id, first_name, last_name, email) values ($1, 'Rowan', 'Harbourside', $2) returning id", [harbour.id, email]);
  const { password_hash } = await one<{ password_hash: string }>("select password_hash from users where email = 'admin@harbour.test'");
  const account = await one<{ id: string }>("insert into portal_accounts (email, name, password_hash) values ($1, 'Rowan Harbourside', $2) returning id", [email, password_hash]);
  await query("insert into portal_account_profiles (portal_account_id, client_id, status, accepted_at) values ($1, $2, 'accepted', now())", [account.id, mine.id]);

  await page.goto("/portal/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/portal/sign-in"));

  const pdf = await page.request.get(`/portal/profiles/${b.clientId}/disclosures/pdf`, { maxRedirects: 0 });
  expect(pdf.status()).toBe(404);
  await page.goto(`/portal/profiles/${b.clientId}/disclosures`);
  await expect(page.getByRole("heading", { level: 1, name: "We can't find this page" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText("Probe");
  // Their own record still opens.
  await page.goto(`/portal/profiles/${mine.id}/disclosures`);
  await expect(page.getByRole("heading", { level: 1, name: "Who has seen this information" })).toBeVisible();
});
