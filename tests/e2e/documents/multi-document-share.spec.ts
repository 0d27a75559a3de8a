import { randomBytes, randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { unzipSync } from "fflate";
import { query } from "../db";
import { signIn } from "../support";

// Issue 13 §4: several documents of one client in one share — one email, one link, one code.
// Its own clinic (sharing on, code by text), so no organisation-wide setting of Harbour's changes.

const one = async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => (await query<T>(text, params))[0]!;

async function clinicWithThreeDocuments() {
  const tag = randomBytes(3).toString("hex");
  const org = await one<{ id: string }>("insert into organisations (name, sharing_enabled, security_level) values ($1, true, 'link_and_sms') returning id", [`Multi Clinic ${tag}`]);
  const role = await one<{ id: string }>(
    `insert into roles (organisation_id, name, built_in, contacts, letters, patients, labs, invoices, sessions, settings, client_scope)
     values ($1, 'Admin', 'admin', 'edit', 'edit', 'edit', 'edit', 'edit', 'edit', 'edit', 'all') returning id`,
    [org.id],
  );
  const { password_hash } = await one<{ password_hash: string }>("select password_hash from users where email = 'admin@harbour.test'");
  const email = `sender-${tag}@multi.test`;
  const sender = await one<{ id: string }>("insert into users (email, name, password_hash) values ($1, 'Dr Multi Sender', $2) returning id", [email, password_hash]);
  await query("insert into memberships (organisation_id, user_id, role_id) values ($1, $2, $3)", [org.id, sender.id, role.id]);
  const client = await one<{ id: string }>("insert into clients (organisation_id, first_name, last_name) values ($1, 'Robin', 'Multi') returning id", [org.id]);
  // A unique mobile, so this spec reads its own code from the outbox.
  const mobile = `+447700${randomInt(100000, 999999)}`;
  const contact = { name: `Dr Gale ${tag}`, email: `gp-${tag}@multi.test`, mobile };
  await query("insert into contacts (organisation_id, name, email, mobile) values ($1, $2, $3, $4)", [org.id, contact.name, contact.email, contact.mobile]);
  const insert = (kind: string, title: string, content: unknown) =>
    one<{ id: string }>("insert into documents (organisation_id, client_id, kind, title, content, author_id) values ($1, $2, $3, $4, $5, $6) returning id", [org.id, client.id, kind, title, JSON.stringify(content), sender.id]);
  const letter = await insert("letter", "Referral letter", { recipient: "Dr Gale", subject: "Referral", body: "Dear Dr Gale,\n\nPlease see Robin." });
  await insert("lab_result", "Thyroid panel", { test: "Thyroid", values: [{ name: "TSH", value: 5.9, unit: "mU/L", low: 0.4, high: 4 }] });
  await insert("invoice", "Invoice for March", { number: "INV-7", items: [{ description: "Review", quantity: 1, unitPrice: 65 }], taxRate: 0, dueDate: "2026-12-15", paid: false });
  return { email, contact, letterId: letter.id, clientId: client.id };
}

test("staff share three documents in one go; the contact opens them with one code, downloads one PDF and all as a ZIP", async ({ browser }) => {
  // Two people's whole path (share, code, three downloads) in one test: longer than the default on a loaded machine.
  test.slow();
  const { email, contact, letterId } = await clinicWithThreeDocuments();

  // The sender: Share on the letter, add the client's two other documents.
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, email);
  await staff.goto(`/documents/${letterId}`);
  await staff.getByRole("button", { name: "Share" }).click();
  const dialog = staff.getByRole("dialog");
  await dialog.getByLabel("Contact", { exact: true }).fill("Dr Gale");
  await dialog.getByRole("option", { name: new RegExp(contact.name) }).click();
  const more = dialog.getByRole("group", { name: /Add documents of this client/ });
  await more.getByLabel(/Thyroid panel/).check();
  await more.getByLabel(/Invoice for March/).check();
  await expect(more.getByText("3 documents in this share.")).toBeVisible();
  await dialog.getByLabel("Purpose of sharing").selectOption("Referral");
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByText(`Shared 3 documents with ${contact.name}.`, { exact: false })).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();
  await staff.reload();
  await expect(staff.getByTestId("share-row").filter({ hasText: contact.name }).getByTestId("share-document-count")).toHaveText("3 documents in one link");

  // One email with one link.
  const emails = await query<{ text: string }>("select text from outbox where \"to\" = $1 and template = 'document-shared'", [contact.email]);
  expect(emails).toHaveLength(1);
  expect(emails[0]!.text).toContain("has shared 3 documents with you");
  const linkPath = new URL(/https?:\/\/\S+\/share\/[A-Za-z0-9_-]+/.exec(emails[0]!.text)![0]).pathname;

  // The contact: the kinds before opening, one code, then the list of three.
  const gp = await (await browser.newContext()).newPage();
  await gp.goto(linkPath);
  await expect(gp.getByTestId("shared-what")).toHaveText("3 documents: Letter, Invoice and Lab result");
  await expect(gp.getByText("Thyroid panel")).toHaveCount(0);
  await expect(gp.getByText(/To protect these documents, we'll text a 6-digit code/)).toBeVisible();
  await gp.getByRole("button", { name: "Send me a code" }).click();
  await expect(gp.getByLabel("Code from the text message")).toBeVisible();
  const code = async () => /\b(\d{6})\b/.exec((await query<{ text: string }>("select text from outbox where \"to\" = $1 and template = 'security-code' order by created_at desc limit 1", [contact.mobile]))[0]?.text ?? "")?.[1];
  await expect.poll(code, { timeout: 30_000 }).toBeTruthy();
  await gp.getByLabel("Code from the text message").fill((await code())!);
  await gp.getByRole("button", { name: "View documents", exact: true }).click();
  await expect(gp.getByRole("heading", { name: "3 shared documents" })).toBeVisible();
  const list = gp.getByTestId("shared-documents");
  await expect(list.getByRole("listitem")).toHaveCount(3);
  await expect(list.getByRole("link", { name: "Referral letter", exact: true })).toBeVisible();

  // One document as PDF.
  const [pdf] = await Promise.all([gp.waitForEvent("download"), list.getByRole("link", { name: "Download Thyroid panel as PDF" }).click()]);
  expect(pdf.suggestedFilename()).toBe("thyroid-panel.pdf");
  expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe("%PDF-");

  // All of them as one ZIP: three PDFs, in the share's order (the dialog lists the newest first).
  const [zip] = await Promise.all([gp.waitForEvent("download"), gp.getByRole("link", { name: "Download all (ZIP)" }).click()]);
  const entries = unzipSync(new Uint8Array(readFileSync((await zip.path())!)));
  expect(Object.keys(entries)).toEqual(["1-referral-letter.pdf", "2-invoice-for-march.pdf", "3-thyroid-panel.pdf"]);
  for (const bytes of Object.values(entries)) expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");

  // One document opened from the list, with its way back.
  await list.getByRole("link", { name: "Invoice for March", exact: true }).click();
  await expect(gp.getByRole("heading", { level: 2, name: "Invoice for March" })).toBeVisible();
  await gp.getByRole("link", { name: "← All shared documents" }).click();
  await expect(list.getByRole("listitem")).toHaveCount(3);

  // The sender sees it downloaded.
  await staff.reload();
  await expect(staff.getByTestId("share-row").filter({ hasText: contact.name })).toContainText("Downloaded");
});

test("documents chosen together on the chart's Documents tab open the first one's Share dialog with the others added", async ({ page }) => {
  const { email, contact, letterId, clientId } = await clinicWithThreeDocuments();
  await signIn(page, email);
  await page.goto(`/clients/${clientId}/documents`);
  await expect(page.getByText("Select documents to share them together.")).toBeVisible();
  await page.getByLabel("Select Referral letter").check();
  await page.getByLabel("Select Invoice for March").check();
  await expect(page.getByText("2 selected")).toBeVisible();
  await page.getByRole("link", { name: "Share selected" }).click();

  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: "Share this document" })).toBeVisible();
  // Opened once: the address no longer asks for the dialog, so a reload shows the document.
  await expect(page).toHaveURL(new RegExp(`/documents/${letterId}$`));
  const more = dialog.getByRole("group", { name: /Add documents of this client/ });
  await expect(more.getByLabel(/Invoice for March/)).toBeChecked();
  await expect(more.getByLabel(/Thyroid panel/)).not.toBeChecked();
  await expect(more.getByText("2 documents in this share.")).toBeVisible();
  await dialog.getByLabel("Contact", { exact: true }).fill("Dr Gale");
  await dialog.getByRole("option", { name: new RegExp(contact.name) }).click();
  await dialog.getByLabel("Purpose of sharing").selectOption("Referral");
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByText(`Shared 2 documents with ${contact.name}.`, { exact: false })).toBeVisible();
  const emails = await query<{ text: string }>("select text from outbox where \"to\" = $1 and template = 'document-shared'", [contact.email]);
  expect(emails).toHaveLength(1);
  expect(emails[0]!.text).toContain("has shared 2 documents with you");
});
