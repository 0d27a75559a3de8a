import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { query } from "../db";
import { signIn } from "../support";

/**
 * A provider outage outlasted the retries: the outbox gave up on a share's link email. Written
 * straight into the database (the e2e app has no provider to fail), then seen as the sender and
 * as an admin, who retries it.
 */
test("an undelivered share email shows on the share, is listed in Settings → Messages, and an admin retries it", async ({ browser }) => {
  const [doc] = await query<{ id: string; organisation_id: string }>(`select id, organisation_id from documents where title = 'Assessment summary for GP' limit 1`);
  const [contact] = await query<{ id: string }>(`select id from contacts where name = 'Dr Priya Shah' limit 1`);
  const [sam] = await query<{ id: string }>(`select id from users where email = 'sam@harbour.test'`);
  const to = `unreachable-${randomBytes(3).toString("hex")}@northside.test`;
  const [email] = await query<{ id: string }>(
    `insert into outbox (organisation_id, channel, template, "to", subject, text, status, attempts, last_error, failed_at, created_at)
     values ($1, 'email', 'document-shared', $2, 'A document', 'A link', 'failed', 27, 'resend_503_application_error', now(), now() - interval '24 hours')
     returning id`,
    [doc!.organisation_id, to],
  );
  await query(
    `insert into document_shares (document_id, contact_id, shared_by_id, token_hash, security_level, sent_at, link_email_id)
     values ($1, $2, $3, $4, 'link', now() - interval '1 hour', $5)`,
    [doc!.id, contact!.id, sam!.id, randomBytes(32).toString("hex"), email!.id],
  );

  // The sender sees it on the share.
  const samPage = await (await browser.newContext()).newPage();
  await signIn(samPage, "sam@harbour.test");
  await samPage.goto(`/documents/${doc!.id}`);
  await expect(samPage.getByTestId("share-email-state").filter({ hasText: "Email not delivered" }).first()).toBeVisible();

  // A non-admin cannot open Settings → Messages.
  await samPage.goto("/settings/messages");
  await expect(samPage.getByRole("heading", { name: "Undelivered messages" })).toHaveCount(0);

  // The admin sees it with its reason, and retries it.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@harbour.test");
  await admin.goto("/settings");
  await admin.getByRole("link", { name: "Messages" }).click();
  await expect(admin.getByRole("heading", { name: "Undelivered messages" })).toBeVisible();
  const row = admin.getByTestId("undelivered-message").filter({ hasText: to });
  await expect(row).toContainText("Document share link");
  await expect(row).toContainText("The provider was unavailable (resend_503_application_error)");
  await row.getByRole("button", { name: "Retry" }).click();
  await expect(admin.getByTestId("undelivered-message").filter({ hasText: to })).toHaveCount(0);
  await expect
    .poll(async () => (await query<{ status: string }>(`select status from outbox where id = $1`, [email!.id]))[0]!.status)
    .toMatch(/^(pending|sending|delivered_locally)$/);
  const audit = await query<{ actor_id: string }>(`select actor_id from audit_events where action = 'outbox.message_retried' and target_id = $1`, [email!.id]);
  expect(audit).toHaveLength(1);
});
