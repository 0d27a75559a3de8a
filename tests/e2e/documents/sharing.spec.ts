import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { query } from "../db";
import { openLatestMessage, outboxPage, pathOf } from "../outbox";
import { callFormAction, serverActions } from "../server-actions";
import { signIn } from "../support";
import { pdfText } from "./pdf-text";

const GP_EMAIL = "gp@northside.test";
// Texts go to the mobile in international format (the seed stores it as typed, "+44 7700 900123").
const GP_MOBILE = "+447700900123";

async function staffPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** The code in the newest text message to the mobile, read from the development outbox. */
async function latestCode(page: Page): Promise<string> {
  const viewer = await outboxPage(page);
  await viewer.getByRole("list", { name: "Messages" }).getByRole("link").filter({ hasText: GP_MOBILE }).first().click();
  await expect(viewer.getByTestId("message-to")).toHaveText(GP_MOBILE);
  const text = (await viewer.getByTestId("message-text").textContent()) ?? "";
  return /\b(\d{6})\b/.exec(text)![1]!;
}

test("Sam shares a letter with Dr Priya Shah under link and code; the contact opens, downloads, and is refused after Revoke", async ({ browser }) => {
  // An admin turns sharing on with the code-to-mobile security level.
  const admin = await staffPage(browser, "admin@harbour.test");
  await admin.goto("/settings/sharing");
  await admin.getByLabel("Allow document sharing with external contacts").check();
  await admin.getByLabel("Link and a code sent to the contact's mobile").check();
  await admin.getByRole("button", { name: "Save sharing settings" }).click();
  await expect(admin.getByText("Sharing settings saved.")).toBeVisible();

  // Sam (medical secretary) shares the letter.
  const sam = await staffPage(browser, "sam@harbour.test");
  await sam.goto("/documents?kind=letter");
  await sam.getByRole("link", { name: "Assessment summary for GP" }).click();
  await expect(sam).toHaveURL(/\/documents\/[0-9a-f-]{36}$/);
  const documentUrl = sam.url();
  await sam.getByRole("button", { name: "Share" }).click();
  const dialog = sam.getByRole("dialog");
  // Focus starts in the first field; the search says how many it found.
  await expect(dialog.getByLabel("Contact", { exact: true })).toBeFocused();
  // Share with nothing chosen: each field says what it needs, and clears as soon as it is changed.
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByText("Choose a contact from the list.")).toBeVisible();
  await expect(dialog.getByText("Choose why you are sharing it.")).toBeVisible();
  await dialog.getByLabel("Contact", { exact: true }).fill("Priya");
  await expect(dialog.getByText("Choose a contact from the list.")).toHaveCount(0);
  await expect(dialog.getByText("Choose why you are sharing it.")).toBeVisible();
  await expect(dialog.getByRole("status").filter({ hasText: "1 contact found." })).toBeAttached();
  await dialog.getByRole("option", { name: /Dr Priya Shah/ }).click();
  // The purpose is asked on every external share ("Other" needs its words).
  await dialog.getByLabel("Purpose of sharing").selectOption("Other");
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByText("Say what the purpose is.")).toBeVisible();
  await dialog.getByLabel("Purpose of sharing").selectOption("Continuing care");
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByText(/Shared with Dr Priya Shah\. The contact has been emailed/)).toBeVisible();
  // Done state: no Share button left to press twice.
  await expect(dialog.getByRole("button", { name: "Share", exact: true })).toHaveCount(0);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  await sam.reload();
  const row = sam.getByTestId("share-row").filter({ hasText: "Dr Priya Shah" }).first();
  await expect(row).toContainText("Sent");
  await expect(row.getByTestId("share-purpose")).toHaveText("Continuing care");

  // The link from the email; a mail scanner's GET and HEAD leave it unopened.
  const outbox = await (await browser.newContext()).newPage();
  const link = await openLatestMessage(outbox, GP_EMAIL);
  const linkPath = pathOf(link);
  expect((await outbox.request.head(linkPath)).status()).toBeLessThan(500);
  const scanned = await outbox.request.get(linkPath);
  expect(scanned.headers()["cache-control"]).toContain("no-store");
  expect(scanned.headers()["x-robots-tag"]).toContain("noindex");
  const [share] = await query<{ id: string; first_opened_at: Date | null }>(
    "select s.id, s.first_opened_at from document_shares s join contacts c on c.id = s.contact_id where c.email = $1 order by s.created_at desc limit 1",
    [GP_EMAIL],
  );
  expect(share!.first_opened_at).toBeNull();

  // The contact, in a fresh browser: asks for a code, gets a wrong one refused, then the right one.
  const contact = await (await browser.newContext()).newPage();
  await contact.goto(linkPath);
  await expect(contact.getByRole("heading", { name: "Harbour Health Group" })).toBeVisible();
  // Who shared what, before it is opened (the kind and date, not the title).
  await expect(contact.getByTestId("shared-by")).toHaveText(/^Sam Rivers, Harbour Health Group, shared this on \d{1,2} \w{3} \d{4}\.$/);
  await expect(contact.getByTestId("shared-what")).toHaveText(/^Letter dated /);
  await expect(contact.getByText(/we'll text a 6-digit code to your mobile ending in 123\./)).toBeVisible();
  await contact.getByRole("button", { name: "Send me a code" }).click();
  await expect(contact.getByText("•••• ••• 123")).toBeVisible();
  await expect(contact.getByLabel("Code from the text message")).toBeVisible();
  const code = await latestCode(outbox);
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
  await contact.getByLabel("Code from the text message").fill(wrong);
  await contact.getByRole("button", { name: "View document" }).click();
  await expect(contact.locator("#code-error")).toContainText("That code isn't right");
  // A new code: the old error goes, and the page says where the new code went.
  await contact.getByRole("button", { name: "Send a new code" }).click();
  await expect(contact.getByText("We sent a new code to •••• ••• 123.")).toBeVisible();
  await expect(contact.locator("#code-error")).toHaveCount(0);
  const newest = async () => {
    const [sms] = await query<{ text: string }>("select text from outbox where \"to\" = $1 and template = 'security-code' order by created_at desc limit 1", [GP_MOBILE]);
    return /\b(\d{6})\b/.exec(sms?.text ?? "")?.[1];
  };
  await expect.poll(newest, { timeout: 30_000 }).not.toBe(code);
  const newCode = (await newest())!;
  await contact.getByLabel("Code from the text message").fill(code);
  await contact.getByRole("button", { name: "View document" }).click();
  await expect(contact.locator("#code-error")).toBeVisible();
  await contact.getByLabel("Code from the text message").fill(newCode);
  await contact.getByRole("button", { name: "View document" }).click();
  await expect(contact).toHaveURL(new RegExp(`/share/s/${share!.id}$`));
  expect(contact.url()).not.toContain(linkPath.split("/").pop()!);
  await expect(contact.getByRole("heading", { level: 2, name: "Assessment summary for GP" })).toBeVisible();
  await expect(contact.getByText("Assessment summary — Jordan Lee")).toBeVisible();
  await expect(contact.getByRole("button", { name: "Print" })).toBeVisible();
  // The emailed link again in the same browser goes straight to the document (no second code).
  await contact.goto(linkPath);
  await expect(contact).toHaveURL(new RegExp(`/share/s/${share!.id}$`));

  // Download PDF: a real PDF whose text holds the letter's subject.
  const [download] = await Promise.all([contact.waitForEvent("download"), contact.getByRole("link", { name: "Download PDF" }).click()]);
  const pdf = readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdfText(pdf)).toContain("Assessment summary — Jordan Lee");
  expect(pdfText(pdf)).toContain("Harbour Health Group");

  // The sender sees "Downloaded", then revokes.
  await sam.goto(documentUrl);
  await expect(row).toContainText("Downloaded");
  await row.getByRole("button", { name: "Revoke" }).click();
  await sam.getByRole("dialog").getByRole("button", { name: "Revoke access" }).click();
  await expect(row).toContainText("Revoked");

  // The same browser is refused at once, for the page and the PDF; the old link looks unknown.
  expect((await contact.reload())!.status()).toBe(404);
  await expect(contact.getByRole("heading", { name: "This document isn't available" })).toBeVisible();
  await expect(contact.getByText("Assessment summary — Jordan Lee")).toHaveCount(0);
  expect((await contact.request.get(`/share/s/${share!.id}/pdf`)).status()).toBe(404);
  expect((await contact.goto(linkPath))!.status()).toBe(404);
  await expect(contact.getByRole("heading", { name: "This link can't be used" })).toBeVisible();

  const audited = await query<{ action: string }>("select distinct action from audit_events where target_id = $1", [share!.id]);
  expect(audited.map((a) => a.action)).toEqual(
    expect.arrayContaining(["document.shared", "portal.code_sent", "portal.code_refused", "portal.code_accepted", "portal.link_opened", "portal.document_viewed", "portal.document_downloaded", "document.share_revoked"]),
  );
});

test("a clinician without the invoices permission cannot share an invoice, not even with a forged request", async ({ browser }) => {
  await query("update organisations set sharing_enabled = true");
  const [invoice] = await query<{ id: string }>("select id from documents where kind = 'invoice' and title = 'Invoice INV-1001'");
  const [contact] = await query<{ id: string }>("select id from contacts where email = $1", [GP_EMAIL]);

  // Leo (clinician, on Tom's access list) sees the invoice; the share button explains what is missing.
  const leo = await staffPage(browser, "leo@harbour.test");
  await leo.goto(`/documents/${invoice!.id}`);
  await expect(leo.getByRole("heading", { level: 1, name: "Invoice INV-1001" })).toBeVisible();
  await leo.getByRole("button", { name: "Share" }).click();
  await expect(leo.getByRole("dialog")).toContainText("needs edit permission for Invoices");
  await expect(leo.getByRole("dialog").getByRole("combobox")).toHaveCount(0);

  // The server refuses a forged request, and nothing is shared or emailed.
  const before = await query<{ n: number }>("select count(*)::int as n from document_shares where document_id = $1", [invoice!.id]);
  const action = serverActions().find((a) => a.exportedName === "shareDocumentAction")!;
  const response = await callFormAction(leo.request, action, { documentId: invoice!.id, contactId: contact!.id, purpose: "referral" });
  expect(response.text).toMatch(/"error":"forbidden"/);
  expect(await query("select count(*)::int as n from document_shares where document_id = $1", [invoice!.id])).toEqual(before);

  // The same forged request from Sam (medical secretary) does share, so the refusal is the policy.
  const sam = await staffPage(browser, "sam@harbour.test");
  const ok = await callFormAction(sam.request, action, { documentId: invoice!.id, contactId: contact!.id, purpose: "referral" });
  expect(ok.text).toMatch(/"ok":true/);
  expect((await query<{ n: number }>("select count(*)::int as n from document_shares where document_id = $1", [invoice!.id]))[0]!.n).toBe(before[0]!.n + 1);

  // A forged or unknown contact id gets the field's own message, once (not the generic one twice).
  const unknown = await callFormAction(sam.request, action, { documentId: invoice!.id, contactId: "00000000-0000-4000-8000-00000000beef", purpose: "referral" });
  expect(unknown.text).toMatch(/"contactId":"Choose a contact from the list\."/);
});

test("a GP with no mobile on file opens a share protected by a code by email", async ({ browser }) => {
  await query("update organisations set sharing_enabled = true, security_level = 'link_and_sms'");
  const [letter] = await query<{ id: string }>("select id from documents where kind = 'letter' and title = 'Assessment summary for GP'");
  const email = `gp-${Date.now()}@harbourside.test`;

  // Sam adds the contact from inside the share dialog; with no mobile, the dialog offers the email code.
  const sam = await staffPage(browser, "sam@harbour.test");
  await sam.goto(`/documents/${letter!.id}`);
  await sam.getByRole("button", { name: "Share" }).click();
  const dialog = sam.getByRole("dialog");
  await dialog.getByRole("button", { name: "+ New contact" }).click();
  await dialog.getByLabel("Name").fill("Dr Alan Moore");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByRole("button", { name: "Add contact" }).click();
  await expect(dialog.getByLabel("Contact", { exact: true })).toHaveValue("Dr Alan Moore");
  await expect(dialog.getByText("Your clinic asks for a code by text, and Dr Alan Moore has no mobile number.")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Share", exact: true })).toBeDisabled();
  await dialog.getByLabel("Send the code by email instead, for this share").check();
  await dialog.getByLabel("Purpose of sharing").selectOption("Referral");
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByText(/Shared with Dr Alan Moore\./)).toBeVisible();
  await sam.reload();
  await expect(sam.getByTestId("share-row").filter({ hasText: "Dr Alan Moore" })).toContainText("link + code by email");

  // The GP opens the link, asks for a code, and finds it in a second email.
  const outbox = await (await browser.newContext()).newPage();
  const linkPath = pathOf(await openLatestMessage(outbox, email));
  const gp = await (await browser.newContext()).newPage();
  await gp.goto(linkPath);
  await gp.getByRole("button", { name: "Send me a code" }).click();
  await expect(gp.getByText(/We sent a 6-digit code to your email, g•••@harbourside\.test\./)).toBeVisible();
  const [message] = await query<{ text: string }>("select text from outbox where \"to\" = $1 and template = 'security-code-email' order by created_at desc limit 1", [email]);
  await gp.getByLabel("Code from the email").fill(/\b(\d{6})\b/.exec(message!.text)![1]!);
  await gp.getByRole("button", { name: "View document" }).click();
  await expect(gp.getByRole("heading", { level: 2, name: "Assessment summary for GP" })).toBeVisible();
});
