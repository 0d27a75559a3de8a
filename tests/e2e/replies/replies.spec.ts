import { createHash, randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { query } from "../db";
import { signIn } from "../support";

// The sharing portal needs the organisation's sharing switched on: it is put back as it was at the end.

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", "latin1");

async function one<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await query<T>(sql, params);
  return row!;
}

test("a contact sends a PDF back with a note; the sender is told, files it as a lab result, and it is on the chart's documents", async ({ browser }) => {
  // Both sides, two browsers, on a machine shared with other runs: more than the default minute.
  test.slow();
  // Digits only, so names are easy to find and unique to this run.
  const tag = String(randomBytes(3).readUIntBE(0, 3)).padStart(8, "0");
  const org = await one<{ id: string; sharing_enabled: boolean }>("select id, sharing_enabled from organisations where name = 'Harbour Health Group'");
  const maya = await one<{ id: string }>("select id from users where email = 'maya@harbour.test'");
  const client = await one<{ id: string }>("insert into clients (organisation_id, first_name, last_name) values ($1, 'Rory', $2) returning id", [org.id, `Reply${tag}`]);
  await query("insert into client_access (client_id, user_id) values ($1, $2)", [client.id, maya.id]);
  const letter = await one<{ id: string }>(
    "insert into documents (organisation_id, client_id, kind, title, content, author_id) values ($1, $2, 'letter', $3, $4, $5) returning id",
    [org.id, client.id, `Referral ${tag}`, JSON.stringify({ recipient: "Dr Rhea", subject: "Referral", body: "Please see Rory." }), maya.id],
  );
  const gp = await one<{ id: string }>("insert into contacts (organisation_id, name, organisation_name, email) values ($1, $2, 'Northside GP', $3) returning id", [org.id, `Dr Rhea ${tag}`, `rhea-${tag}@gp.test`]);
  const token = randomBytes(32).toString("base64url");
  await query("insert into document_shares (document_id, contact_id, shared_by_id, token_hash, security_level, purpose) values ($1, $2, $3, $4, 'link', 'continuing_care')", [
    letter.id,
    gp.id,
    maya.id,
    createHash("sha256").update(token, "utf8").digest("hex"),
  ]);
  await query("update organisations set sharing_enabled = true where id = $1", [org.id]);
  try {
    // The contact: opens the link, then sends a document back.
    const contact = await (await browser.newContext()).newPage();
    await contact.goto(`/share/${token}`);
    await contact.getByRole("button", { name: "View document" }).click();
    await contact.getByRole("link", { name: "Send a document back" }).click();
    await expect(contact.getByRole("heading", { level: 1, name: "Send a document back" })).toBeVisible();
    // Checked by content: text named ".pdf" is refused, at the field.
    await contact.getByLabel("File", { exact: true }).setInputFiles({ name: "notes.pdf", mimeType: "application/pdf", buffer: Buffer.from("just text") });
    await contact.getByRole("button", { name: "Send" }).click();
    await expect(contact.getByText("Send a PDF, or a photo or scan as a PNG or JPEG image, of up to 10 MB.", { exact: true })).toBeVisible();
    await contact.getByLabel("File", { exact: true }).setInputFiles({ name: "potassium-results.pdf", mimeType: "application/pdf", buffer: PDF });
    await contact.getByLabel("Note (optional)").fill(`Repeat potassium ${tag}, as requested.`);
    await contact.getByRole("button", { name: "Send" }).click();
    await expect(contact.getByText("Sent. Dr Maya Patel will find it in Carebridge.")).toBeVisible();

    // The sender: the notification leads to the chart's Inbox.
    const sender = await (await browser.newContext()).newPage();
    await signIn(sender, "maya@harbour.test");
    await sender.goto("/notifications");
    await sender.getByRole("button", { name: new RegExp(`Dr Rhea ${tag} sent a document back about 'Referral ${tag}'`) }).click();
    await expect(sender).toHaveURL(new RegExp(`/clients/${client.id}/documents#inbox$`));
    const inbox = sender.getByRole("region", { name: "Inbox (1)" });
    await expect(inbox).toContainText("potassium-results.pdf");
    await expect(inbox).toContainText(`Repeat potassium ${tag}, as requested.`);
    // Never served inline: an attachment, its type sniff-proof.
    const href = await inbox.getByRole("link", { name: /^Download/ }).getAttribute("href");
    const file = await sender.request.get(href!);
    expect(file.headers()["content-disposition"]).toBe('attachment; filename="potassium-results.pdf"');
    expect(file.headers()["x-content-type-options"]).toBe("nosniff");
    expect((await file.body()).equals(PDF)).toBe(true);

    await inbox.getByLabel("File as").selectOption("Lab result");
    await inbox.getByLabel("Title").fill(`Potassium ${tag}`);
    await inbox.getByRole("button", { name: "File", exact: true }).click();
    await expect(sender.getByRole("region", { name: /^Inbox/ })).toHaveCount(0);
    const row = sender.getByRole("row", { name: new RegExp(`Potassium ${tag}`) });
    await expect(row).toContainText("Lab result");
    await row.getByRole("link", { name: `Potassium ${tag}` }).click();
    await expect(sender.getByText(`Sent back by Dr Rhea ${tag} through the sharing portal`)).toBeVisible();
    await expect(sender.getByRole("link", { name: "Received file" })).toBeVisible();
  } finally {
    await query("update organisations set sharing_enabled = $2 where id = $1", [org.id, org.sharing_enabled]);
  }
});
