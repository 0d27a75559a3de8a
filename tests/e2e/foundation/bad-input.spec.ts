import { expect, test } from "@playwright/test";
import { query } from "../db";
import { callFormAction, serverActions } from "../server-actions";
import { signIn } from "../support";

// Ids that passed the old `^[0-9a-f-]{36}$` check and then failed in PostgreSQL (a 500).
const DASHES = "-".repeat(36);
const NOT_HEX = "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz";
const UUID = "00000000-0000-4000-8000-000000000000";

const actionNamed = (name: string) => {
  const action = serverActions().find((a) => a.exportedName === name);
  if (!action) throw new Error(`no server action ${name}`);
  return action;
};

test("bogus ids, NUL bytes and malformed encoding get a 4xx or a calm page, never a 500", async ({ page }) => {
  await signIn(page, "admin@harbour.test");
  const clientId = (await query<{ id: string }>("select id from clients order by created_at limit 1"))[0]!.id;

  for (const path of [
    `/sessions/${DASHES}`,
    `/sessions/${NOT_HEX}`,
    `/sessions/%00`,
    `/clients/${DASHES}`,
    `/clients/${DASHES}/portal`,
    `/clients/${NOT_HEX}/access`,
    `/clients/${clientId}/forms/${DASHES}`,
    `/contacts/${DASHES}`,
    `/contacts/%00`,
    `/documents/${DASHES}`,
    `/documents/${NOT_HEX}/edit`,
    `/settings/members/${DASHES}`,
    `/settings/roles/%00`,
    `/settings/teams/${NOT_HEX}`,
    `/share/s/${DASHES}`,
  ]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
  }

  // Route handlers (staff and portal downloads).
  for (const path of [`/documents/${DASHES}/pdf`, `/documents/${NOT_HEX}/file`, `/share/s/${DASHES}/pdf`, `/share/s/${NOT_HEX}/file`]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
  }
  expect((await page.request.post(`/share/s/${DASHES}/print`, { maxRedirects: 0 })).status()).toBeLessThan(500);

  // Malformed percent-encoding in the path: refused, not crashed.
  for (const path of [`/clients/%E0%A4%A`, `/sessions/%`, `/documents/%C0%AF`]) {
    const status = (await page.request.get(path, { maxRedirects: 0 })).status();
    expect(status, path).toBeGreaterThanOrEqual(400);
    expect(status, path).toBeLessThan(500);
  }

  // Searches strip control characters (and survive malformed encoding) instead of failing.
  for (const path of ["/sessions?q=%00", "/contacts?q=%00", "/clients?q=%00", "/clients?q=a%00b", "/contacts?q=%E0%A4%A", "/sessions?q=%1B%5B31m", `/clients/${clientId}/portal?add=1&find=%00`]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
  }
});

test("a NUL byte in a form field gets a field message; nothing is written", async ({ page }) => {
  await signIn(page, "maya@harbour.test");
  const session = (await query<{ id: string; notes: string }>("select id, notes from clinical_sessions where title = 'Initial assessment — J. Lee'"))[0]!;
  const update = await callFormAction(page.request, actionNamed("updateSessionAction"), { sessionId: session.id, notes: "Clinical note\u0000with a NUL" });
  expect(update.status).toBe(200);
  expect(update.text).toContain("control characters");
  expect((await query<{ notes: string }>("select notes from clinical_sessions where id = $1", [session.id]))[0]!.notes).toBe(session.notes);

  const create = await callFormAction(page.request, actionNamed("createSessionAction"), { title: "Title\u0000", clientId: "", teamId: DASHES, visibility: "private" });
  expect(create.status).toBe(200);
  expect(create.text).toContain("invalid_input");
});

test("the client portal's public sign-in answers a NUL in the email calmly", async ({ request }) => {
  const response = await callFormAction(request, actionNamed("portalSignInAction"), { email: "quinn\u0000@example.test", password: "whatever-it-is" });
  expect(response.status).toBe(200);
  expect(response.text).toContain("missing");
});

test("an 11 MB upload gets 413 and a page that says the limit, with or without JavaScript", async ({ page }) => {
  await signIn(page, "admin@harbour.test");
  const big = { name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(11 * 1024 * 1024)]) };
  // As a form posted without JavaScript sends it (multipart to the page), and as React sends it (with the action id).
  const plain = await page.request.post("/documents/new?kind=document", { multipart: { kind: "document", clientId: UUID, title: "Scan", file: big }, maxRedirects: 0 });
  expect(plain.status()).toBe(413);
  expect(await plain.text()).toContain("up to 10 MB");
  const action = await page.request.post("/documents/new?kind=document", {
    headers: { "Next-Action": actionNamed("saveDocumentAction").id, Origin: new URL(page.url()).origin },
    multipart: { "1_kind": "document", "1_file": big, "0": JSON.stringify([{}, "$K1"]) },
    maxRedirects: 0,
  });
  expect(action.status()).toBe(413);
});
