import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { query } from "../db";
import { openLatestMessage, pathOf } from "../outbox";
import { signIn } from "../support";
import { pdfText } from "./pdf-text";

const CLAIMS_EMAIL = "claims@meridian.test";

test("link only: a GET leaves the share unopened; View document (a POST) opens it without the token in the URL; Download PDF works", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@harbour.test");
  await admin.goto("/settings/sharing");
  await admin.getByLabel("Allow document sharing with external contacts").check();
  await admin.getByLabel("Link only").check();
  await admin.getByRole("button", { name: "Save sharing settings" }).click();
  await expect(admin.getByText("Sharing settings saved.")).toBeVisible();

  await admin.goto("/documents?kind=letter");
  await admin.getByRole("link", { name: "Assessment summary for GP" }).click();
  await admin.getByRole("button", { name: "Share" }).click();
  const dialog = admin.getByRole("dialog");
  await dialog.getByLabel("Contact", { exact: true }).fill("Claims");
  await dialog.getByRole("option", { name: /Claims team/ }).click();
  await dialog.getByLabel("Purpose of sharing").selectOption("Insurer or billing");
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByText(/Shared with Claims team\./)).toBeVisible();

  const outbox = await (await browser.newContext()).newPage();
  const linkPath = pathOf(await openLatestMessage(outbox, CLAIMS_EMAIL));
  const token = linkPath.split("/").pop()!;
  const [share] = await query<{ id: string; first_opened_at: Date | null; security_level: string }>(
    "select s.id, s.first_opened_at, s.security_level from document_shares s join contacts c on c.id = s.contact_id where c.email = $1 order by s.created_at desc limit 1",
    [CLAIMS_EMAIL],
  );
  expect(share!.security_level).toBe("link");

  // The contact's GET shows the landing page only.
  const contact = await (await browser.newContext()).newPage();
  await contact.goto(linkPath);
  await expect(contact.getByRole("heading", { name: "Harbour Health Group" })).toBeVisible();
  await expect(contact.getByText("Assessment summary — Jordan Lee")).toHaveCount(0);
  const [unopened] = await query<{ first_opened_at: Date | null }>("select first_opened_at from document_shares where id = $1", [share!.id]);
  expect(unopened!.first_opened_at).toBeNull();

  // View document (the POST) opens it; the URL carries no token.
  await contact.getByRole("button", { name: "View document" }).click();
  await expect(contact).toHaveURL(new RegExp(`/share/s/${share!.id}$`));
  expect(contact.url()).not.toContain(token);
  await expect(contact.getByText("Assessment summary — Jordan Lee")).toBeVisible();
  const [opened] = await query<{ first_opened_at: Date | null }>("select first_opened_at from document_shares where id = $1", [share!.id]);
  expect(opened!.first_opened_at).not.toBeNull();

  const [download] = await Promise.all([contact.waitForEvent("download"), contact.getByRole("link", { name: "Download PDF" }).click()]);
  const pdf = readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdfText(pdf)).toContain("Assessment summary — Jordan Lee");
});
