import { createHash, randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { query } from "../db";

/**
 * What a GP's browser (or a mail scanner) gets for an emailed link that can't be used: a calm
 * page that says what to do, with a status that tells machines the truth — 410 Gone for a link
 * that has expired or is locked, 404 for an unknown or revoked one (those two look the same).
 * Runs in an organisation of its own with sharing on, so no shared setting is touched.
 */

const one = async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => (await query<T>(text, params))[0]!;

test("expired and locked links answer 410, unknown and revoked 404, each with its calm page", async ({ request }) => {
  const tag = randomBytes(4).toString("hex");
  const org = await one<{ id: string }>("insert into organisations (name, sharing_enabled) values ($1, true) returning id", [`Link states ${tag}`]);
  const sender = await one<{ id: string }>("insert into users (email, name) values ($1, 'Dr Link Sender') returning id", [`sender-${tag}@example.test`]);
  const client = await one<{ id: string }>("insert into clients (organisation_id, first_name, last_name) values ($1, 'Casey', 'States') returning id", [org.id]);
  const contact = await one<{ id: string }>("insert into contacts (organisation_id, name, email) values ($1, 'Dr Priya Shah', $2) returning id", [org.id, `gp-${tag}@example.test`]);
  const document = await one<{ id: string }>(
    "insert into documents (organisation_id, client_id, kind, title, content, author_id) values ($1, $2, 'letter', 'Referral letter', '{}'::jsonb, $3) returning id",
    [org.id, client.id, sender.id],
  );
  const share = async (state: string) => {
    const token = randomBytes(32).toString("base64url");
    await query(`insert into document_shares (document_id, contact_id, shared_by_id, token_hash, security_level, ${state}) values ($1, $2, $3, $4, 'link', ${state === "sent_at" ? "now() - interval '2 days'" : "now()"})`, [
      document.id,
      contact.id,
      sender.id,
      createHash("sha256").update(token, "utf8").digest("hex"),
    ]);
    return `/share/${token}`;
  };

  const cases = [
    { path: await share("sent_at"), status: 410, heading: "This link has expired" }, // sent two days ago, never opened
    { path: await share("locked_at"), status: 410, heading: "This link is locked" },
    { path: await share("revoked_at"), status: 404, heading: "This link can't be used" },
    { path: `/share/${randomBytes(32).toString("base64url")}`, status: 404, heading: "This link can't be used" },
  ];
  for (const c of cases) {
    const response = await request.get(c.path);
    expect(response.status(), c.heading).toBe(c.status);
    const html = (await response.text()).replaceAll("&#x27;", "'");
    expect(html, c.path).toContain(c.heading);
    expect(html).toMatch(/ask the clinic that sent it/i);
    expect(html).not.toContain("Referral letter");
    expect((await request.head(c.path)).status()).toBe(c.status);
  }
});
