import { createHash, randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { query } from "../db";
import { signIn } from "../support";

// It turns on the organisation's reminder setting (put back at the end); the records it needs are
// its own (contacts, letters, shares made in the database).

const HOUR = 3_600_000;

/** Runs the sweep as a cron job would (scripts/test-e2e.sh gives the server SWEEP_CRON_SECRET). */
async function runSweep(request: APIRequestContext) {
  const response = await request.post("/api/access/sweep", { headers: { authorization: `Bearer ${process.env.SWEEP_CRON_SECRET}` } });
  expect(response.status()).toBe(200);
}

/** A contact, a letter and a link-only share of it sent `hoursAgo`, made in the database; returns the link's path. */
async function sentShare(world: { orgId: string; adminId: string; clientId: string }, opts: { suffix: string; hoursAgo: number }) {
  const email = `lena.fox.${opts.suffix}@gp.test`;
  const [contact] = await query<{ id: string }>("insert into contacts (organisation_id, name, email, mobile) values ($1, $2, $3, '+44 7700 900123') returning id", [world.orgId, `Dr Lena Fox ${opts.suffix}`, email]);
  const [doc] = await query<{ id: string }>(
    "insert into documents (organisation_id, client_id, author_id, kind, title, content) values ($1, $2, $3, 'letter', $4, $5) returning id",
    [world.orgId, world.clientId, world.adminId, `Assessment summary ${opts.suffix}`, JSON.stringify({ recipient: "Dr Lena Fox", subject: "Assessment summary", body: "Dear Dr Fox,\n\nSummary." })],
  );
  const token = randomBytes(32).toString("base64url");
  await query(
    "insert into document_shares (document_id, contact_id, shared_by_id, token_hash, security_level, sent_at, created_at, purpose) values ($1, $2, $3, $4, 'link', $5, now(), 'referral')",
    [doc!.id, contact!.id, world.adminId, createHash("sha256").update(token, "utf8").digest("hex"), new Date(Date.now() - opts.hoursAgo * HOUR)],
  );
  return { email, contactName: `Dr Lena Fox ${opts.suffix}`, title: `Assessment summary ${opts.suffix}`, path: `/share/${token}` };
}

async function latestLink(to: string, template: string): Promise<string> {
  const [message] = await query<{ text: string }>("select text from outbox where \"to\" = $1 and template = $2 order by created_at desc limit 1", [to, template]);
  const link = /https?:\/\/\S+\/share\/[A-Za-z0-9_-]+/.exec(message?.text ?? "")?.[0];
  if (!link) throw new Error(`no ${template} link to ${to}`);
  return new URL(link).pathname;
}

test("unopened links: the contact is reminded, the sender hears it was not opened and resends, then bulk-revokes and the links are refused", async ({ browser, request }) => {
  const [world] = await query<{ orgId: string; adminId: string; clientId: string }>(
    `select m.organisation_id as "orgId", u.id as "adminId",
       (select c.id from clients c where c.organisation_id = m.organisation_id and c.archived_at is null order by c.created_at limit 1) as "clientId"
     from users u join memberships m on m.user_id = u.id where u.email = 'admin@harbour.test'`,
  );
  // Both sides' whole path in one test (one sign-in): longer than one page's budget on a busy machine.
  test.setTimeout(180_000);
  const suffix = randomBytes(3).toString("hex");
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@harbour.test");

  // Settings → Sharing: remind contacts 4 hours before an unopened link expires (off by default).
  await admin.goto("/settings/sharing");
  const sharing = admin.getByLabel("Allow document sharing with external contacts");
  const sharingWasOn = await sharing.isChecked();
  await sharing.check();
  const remind = admin.getByLabel("Remind the contact 4 hours before an unopened link expires");
  await expect(remind).not.toBeChecked();
  await remind.check();
  await admin.getByRole("button", { name: "Save sharing settings" }).click();
  await expect(admin.getByText("Sharing settings saved.")).toBeVisible();

  try {
    const unopened = await sentShare(world!, { suffix: `${suffix}a`, hoursAgo: 25 });
    const nearlyDue = await sentShare(world!, { suffix: `${suffix}b`, hoursAgo: 21 });
    await runSweep(request);

    // The contact side: one reminder email, whose link opens the portal's landing page.
    const reminded = await query<{ n: number }>("select count(*)::int as n from outbox where \"to\" = $1 and template = 'share-link-reminder'", [nearlyDue.email]);
    expect(reminded[0]!.n).toBe(1);
    const reminderPath = await latestLink(nearlyDue.email, "share-link-reminder");
    const contact = await (await browser.newContext()).newPage();
    await contact.goto(reminderPath);
    await expect(contact.getByRole("button", { name: "View document" })).toBeVisible();
    // The first email's link gave way to the reminder's.
    expect((await contact.goto(nearlyDue.path))?.status()).toBeGreaterThanOrEqual(400);

    // The sender side: "did not open … — Resend" leads to the document, where Resend sends it again.
    await admin.goto("/notifications");
    await admin.getByRole("button", { name: new RegExp(`${unopened.contactName} did not open “${unopened.title}” — Resend`) }).click();
    await expect(admin.getByRole("heading", { name: `${unopened.contactName} did not open this document` })).toBeVisible();
    await admin.getByRole("button", { name: `Resend to ${unopened.contactName}` }).click();
    await expect(admin.getByText(`Sent again to ${unopened.contactName}, with a new link.`)).toBeVisible();
    const rows = admin.getByTestId("share-row").filter({ hasText: unopened.contactName });
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toContainText("Sent");
    await expect(rows.last()).toContainText("Expired");
    const resentPath = await latestLink(unopened.email, "document-shared");

    // The documents list shows each document's shares with their state.
    await admin.goto("/documents?kind=letter");
    await expect(admin.getByRole("list", { name: `External shares of ${unopened.title}` })).toContainText("Expired");

    // Shared externally → Sent: select both live links, Revoke, confirm.
    await admin.goto("/documents/shared?state=sent");
    await admin.getByLabel(`Select ${unopened.title}, shared with ${unopened.contactName}`).check();
    await admin.getByLabel(`Select ${nearlyDue.title}, shared with ${nearlyDue.contactName}`).check();
    await expect(admin.getByText("2 selected")).toBeVisible();
    await admin.getByRole("button", { name: "Revoke selected" }).click();
    await admin.getByRole("dialog").getByRole("button", { name: "Revoke access" }).click();
    // Revoked shares leave the Sent view, and the note stays (also when the view empties and shows its
    // empty state, as it does when this spec runs alone: other specs' links may share the view).
    await expect(admin.getByLabel(`Select ${nearlyDue.title}, shared with ${nearlyDue.contactName}`)).toHaveCount(0);
    await expect(admin.getByText("Revoked. Those links stop working at once.")).toBeVisible();
    await admin.goto("/documents/shared?state=revoked");
    await expect(admin.getByTestId("external-share-row").filter({ hasText: nearlyDue.title })).toContainText("Revoked");

    // The contact's links are refused now, also in the tab that had the landing page open.
    for (const path of [reminderPath, resentPath]) expect((await contact.goto(path))?.status()).toBeGreaterThanOrEqual(400);
    await expect(contact.getByRole("heading", { name: "This link can't be used" })).toBeVisible();
  } finally {
    await admin.goto("/settings/sharing");
    await admin.getByLabel("Remind the contact 4 hours before an unopened link expires").uncheck();
    await admin.getByLabel("Allow document sharing with external contacts").setChecked(sharingWasOn);
    await admin.getByRole("button", { name: "Save sharing settings" }).click();
    await expect(admin.getByText("Sharing settings saved.")).toBeVisible();
  }
});
