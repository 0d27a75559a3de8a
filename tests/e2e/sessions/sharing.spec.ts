import { expect, test, type Page } from "@playwright/test";
import { query } from "../db";
import { pathOf } from "../outbox";
import { DEMO_PASSWORD, signIn } from "../support";

async function unreadOf(email: string): Promise<number> {
  const [row] = await query<{ n: number }>(
    "select count(*)::int as n from notifications n join users u on u.id = n.user_id where u.email = $1 and n.read_at is null",
    [email],
  );
  return row!.n;
}

async function emailsTo(email: string, template: string) {
  return query<{ text: string; subject: string }>("select text, subject from outbox where \"to\" = $1 and template = $2 order by created_at desc", [email, template]);
}

async function shareOf(sessionId: string, email: string) {
  return query<{ access: string }>("select s.access from session_shares s join users u on u.id = s.user_id where s.session_id = $1 and u.email = $2", [sessionId, email]);
}

async function openShareDialog(page: Page) {
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: /^Share/ });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** For people who may not share: a secondary "People with access" button, same dialog, read only. */
async function openPeopleWithAccess(page: Page) {
  await expect(page.getByRole("button", { name: "Share", exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: "People with access", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: /^People with access to/ });
  await expect(dialog).toBeVisible();
  return dialog;
}

test("Maya shares a session with Leo at Edit; Leo edits it, is lowered to View, then removed", async ({ browser }) => {
  // Two people signed in side by side through the whole path: more than the default minute on a loaded machine.
  test.setTimeout(120_000);
  const title = `Shoulder review ${Date.now().toString(36)}`;

  // Maya starts a session of her own.
  const maya = await (await browser.newContext()).newPage();
  await signIn(maya, "maya@harbour.test");
  await maya.goto("/sessions");
  await maya.getByRole("link", { name: "New session" }).click();
  await expect(maya).toHaveURL(/\/sessions\/new$/);
  await expect(maya.getByRole("heading", { level: 1, name: "New session" })).toBeVisible();
  await maya.getByLabel("Title").fill(title);
  await expect(maya.getByLabel("Title")).toHaveValue(title);
  // The patient is searched as you type (no list of every chart in the page).
  await maya.getByRole("button", { name: /^Patient profile/ }).click();
  await maya.getByRole("combobox", { name: "Patient profile" }).pressSequentially("Jordan Lee");
  await maya.getByRole("option", { name: /^Jordan Lee/ }).first().click();
  await expect(maya.getByRole("button", { name: "Patient profile Jordan Lee" })).toBeFocused();
  await maya.getByRole("button", { name: "Create session" }).click();
  await expect(maya.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const sessionId = maya.url().split("/").pop()!;
  const sessionPath = `/sessions/${sessionId}`;

  // Share → type-ahead → Edit → Share.
  const leoUnreadBefore = await unreadOf("leo@harbour.test");
  const dialog = await openShareDialog(maya);
  const search = dialog.getByRole("combobox", { name: "Add people" });
  await expect(search).toBeFocused();
  await search.pressSequentially("leo");
  await expect(dialog.getByRole("option", { name: /Dr Leo Chen/ })).toBeVisible();
  await expect(dialog.getByRole("option", { name: /Dr Maya Patel/ })).toHaveCount(0); // never the owner
  await search.press("Enter");
  await expect(dialog.getByRole("list", { name: "Chosen colleagues" })).toHaveText(/Dr Leo Chen/);
  await dialog.getByLabel("Access level").selectOption("edit");
  await dialog.getByLabel("Message").fill("Could you add your view on the shoulder?");
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByText("They have been notified")).toBeVisible();
  const leoRow = dialog.getByRole("listitem", { name: "Dr Leo Chen" });
  await expect(leoRow).toContainText("Shared by Dr Maya Patel");
  await expect(leoRow.getByRole("button", { name: "Access for Dr Leo Chen: Edit" })).toBeVisible();
  await expect(dialog.getByRole("listitem", { name: "Dr Maya Patel" })).toContainText("Owner");
  expect(await shareOf(sessionId, "leo@harbour.test")).toEqual([{ access: "edit" }]);

  // The email is in the outbox, with a link to the session.
  const [email] = await emailsTo("leo@harbour.test", "session-shared");
  expect(email!.subject).toBe("Dr Maya Patel shared a session with you");
  expect(email!.text).toContain("Could you add your view on the shoulder?");
  const link = email!.text.match(/https?:\/\/\S+\/sessions\/[0-9a-f-]{36}/)![0];
  expect(pathOf(link)).toBe(sessionPath);

  // Leo, signed out, follows the emailed link: he signs in and lands on the session.
  const leo = await (await browser.newContext()).newPage();
  await leo.goto(pathOf(link));
  await expect(leo).toHaveURL(/\/sign-in\?callbackUrl=/);
  await leo.getByLabel("Email").fill("leo@harbour.test");
  await leo.getByLabel("Password").fill(DEMO_PASSWORD);
  await leo.getByRole("button", { name: "Sign in" }).click();
  await expect(leo).toHaveURL(new RegExp(`${sessionPath}$`));
  await expect(leo.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // His bell shows the notification, which leads to the session; so does the notifications page.
  const bell = leo.getByRole("button", { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName(`Notifications, ${leoUnreadBefore + 1} unread`);
  await bell.click();
  await expect(leo.getByRole("dialog", { name: /Notifications/ }).getByRole("link", { name: new RegExp(`Dr Maya Patel gave you Edit access to “${title}”`) })).toBeVisible();
  await leo.keyboard.press("Escape");
  await leo.goto("/notifications");
  await expect(leo.getByRole("list", { name: "Notifications" })).toContainText(`Dr Maya Patel gave you Edit access to “${title}”.`);
  await leo.goto("/sessions?tab=shared");
  await expect(leo.getByRole("row", { name: new RegExp(title) })).toContainText("Dr Maya Patel");
  await leo.getByRole("link", { name: title }).click();

  // Edit access: his notes save as he types; there is no Delete (no "…" menu).
  await expect(leo.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await leo.getByRole("textbox", { name: "Notes", exact: true }).fill("Leo: full range of motion, mild impingement.");
  await expect(leo.getByText("Saved", { exact: true })).toBeVisible();
  expect((await query("select notes from clinical_sessions where id = $1", [sessionId]))[0]).toEqual({ notes: "Leo: full range of motion, mild impingement." });
  await expect(leo.getByRole("button", { name: "More actions" })).toHaveCount(0);

  // Maya lowers Leo to View. He is told so in the app and by email.
  const changedMailsBefore = (await emailsTo("leo@harbour.test", "session-access-changed")).length;
  await maya.reload();
  let mayaDialog = await openShareDialog(maya);
  await mayaDialog.getByRole("button", { name: "Access for Dr Leo Chen: Edit" }).click();
  await mayaDialog.getByRole("menuitemradio", { name: "View" }).click();
  await expect.poll(() => shareOf(sessionId, "leo@harbour.test")).toEqual([{ access: "view" }]);
  expect((await emailsTo("leo@harbour.test", "session-access-changed")).length).toBe(changedMailsBefore + 1);

  // Leo's page is still the editable one; his next save is refused and the page turns read-only,
  // keeping what he typed on screen (read-only, with Copy) and saying what changed.
  await leo.getByRole("textbox", { name: "Notes", exact: true }).fill("Leo: trying to change it again.");
  await expect(leo.getByText("You have view-only access to this session.")).toBeVisible();
  await expect(leo.getByRole("alert").filter({ hasText: "changed to View while you were typing" })).toBeVisible();
  await expect(leo.getByRole("textbox", { name: "Notes", exact: true })).toHaveCount(0);
  await expect(leo.getByRole("textbox", { name: "Your unsaved notes" })).toHaveValue("Leo: trying to change it again.");
  await expect(leo.getByRole("button", { name: "Copy" })).toBeVisible();
  await expect(leo.getByTestId("session-notes")).toHaveText("Leo: full range of motion, mild impingement.");
  expect((await query("select notes from clinical_sessions where id = $1", [sessionId]))[0]).toEqual({ notes: "Leo: full range of motion, mild impingement." });
  // View holders see who has access, but no controls.
  const leoDialog = await openPeopleWithAccess(leo);
  await expect(leoDialog.getByRole("listitem", { name: "Dr Leo Chen" })).toContainText("View");
  await expect(leoDialog.getByRole("button", { name: /^Access for/ })).toHaveCount(0);
  await expect(leoDialog.getByRole("combobox", { name: "Add people" })).toHaveCount(0);
  await leo.keyboard.press("Escape");

  // Maya removes Leo: no email, and his next request finds nothing.
  const mailsBeforeRemoval = (await query<{ n: number }>("select count(*)::int as n from outbox where \"to\" = 'leo@harbour.test'"))[0]!.n;
  await maya.reload();
  mayaDialog = await openShareDialog(maya);
  // Removing asks first; Cancel keeps the share.
  const removeFromMenu = async () => {
    await mayaDialog.getByRole("button", { name: "Access for Dr Leo Chen: View" }).click();
    await mayaDialog.getByRole("menuitem", { name: "Remove access" }).click();
    return mayaDialog.getByRole("group", { name: /^Remove Dr Leo Chen's access\?/ });
  };
  let confirmRemoval = await removeFromMenu();
  await expect(confirmRemoval.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirmRemoval.getByRole("button", { name: "Cancel" }).click();
  await expect(confirmRemoval).toBeHidden();
  expect(await shareOf(sessionId, "leo@harbour.test")).toEqual([{ access: "view" }]);
  confirmRemoval = await removeFromMenu();
  await confirmRemoval.getByRole("button", { name: "Remove access" }).click();
  await expect(mayaDialog.getByRole("listitem", { name: "Dr Leo Chen" })).toHaveCount(0);
  expect(await shareOf(sessionId, "leo@harbour.test")).toEqual([]);
  expect((await query<{ n: number }>("select count(*)::int as n from outbox where \"to\" = 'leo@harbour.test'"))[0]!.n).toBe(mailsBeforeRemoval);

  await leo.goto(sessionPath);
  await expect(leo.getByText("Not found or no access")).toBeVisible();
  // …exactly what a session that never existed looks like.
  await leo.goto("/sessions/00000000-0000-4000-8000-000000000000");
  await expect(leo.getByText("Not found or no access")).toBeVisible();

  // Every view of the session by someone other than its owner was audited.
  const views = await query<{ n: number }>(
    "select count(*)::int as n from audit_events a join users u on u.id::text = a.actor_id where a.action = 'session.viewed' and a.target_id = $1 and u.email = 'leo@harbour.test'",
    [sessionId],
  );
  expect(views[0]!.n).toBeGreaterThan(0);
  const actions = await query<{ action: string }>("select action from audit_events where target_id = $1 and action like 'session.%' and action <> 'session.viewed' order by created_at", [sessionId]);
  expect(actions.map((a) => a.action)).toEqual(["session.created", "session.shared", "session.updated", "session.share_level_changed", "session.share_removed"]);
});

test("only the owner deletes, after confirming; the session is gone for everyone", async ({ browser }) => {
  const title = `Discharge summary ${Date.now().toString(36)}`;
  const maya = await (await browser.newContext()).newPage();
  await signIn(maya, "maya@harbour.test");
  await maya.goto("/sessions/new");
  await maya.getByLabel("Title").fill(title);
  await maya.getByLabel("Who can see it").selectOption("team");
  await maya.getByRole("button", { name: "Create session" }).click();
  await expect(maya.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const sessionPath = new URL(maya.url()).pathname;

  // Nina is in Maya's team: the team line shows, and she may view but not delete.
  const nina = await (await browser.newContext()).newPage();
  await signIn(nina, "nina@harbour.test");
  await nina.goto("/sessions?tab=team");
  await nina.getByRole("link", { name: title }).click();
  await expect(nina.getByText("You have view-only access to this session.")).toBeVisible();
  await expect(nina.getByRole("button", { name: "More actions" })).toHaveCount(0);
  const ninaDialog = await openPeopleWithAccess(nina);
  await expect(ninaDialog.getByText("Everyone in Psychology can view this session (team visibility).")).toBeVisible();
  await nina.keyboard.press("Escape");

  await maya.getByRole("button", { name: "More actions" }).click();
  await maya.getByRole("menuitem", { name: "Delete session…" }).click();
  const confirm = maya.getByRole("dialog", { name: `Delete “${title}”?` });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Delete session" }).click();
  await expect(maya).toHaveURL(/\/sessions\?deleted=1/);
  await expect(maya.getByText("The session was deleted.")).toBeVisible();
  await expect(maya.getByRole("link", { name: title })).toHaveCount(0);

  for (const page of [maya, nina]) {
    await page.goto(sessionPath);
    await expect(page.getByText("Not found or no access")).toBeVisible();
  }
  const [row] = await query<{ deleted: boolean }>("select deleted_at is not null as deleted from clinical_sessions where title = $1", [title]);
  expect(row).toEqual({ deleted: true });
});

test("shares with several colleagues at once; someone whose role can't receive sessions says so; the dialog starts afresh", async ({ page }) => {
  const title = `Team handover ${Date.now().toString(36)}`;
  const warnings: string[] = [];
  page.on("console", (m) => {
    if (/same key/i.test(m.text())) warnings.push(m.text());
  });
  await signIn(page, "maya@harbour.test");
  await page.goto("/sessions/new");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create session" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const sessionId = page.url().split("/").pop()!;

  const dialog = await openShareDialog(page);
  const search = dialog.getByRole("combobox", { name: "Add people" });
  await search.pressSequentially("sam");
  await expect(dialog.getByRole("option", { name: "Sam Rivers — their role can't receive sessions" })).toHaveAttribute("aria-disabled", "true");
  await search.fill("");
  for (const who of [{ q: "leo", name: "Dr Leo Chen" }, { q: "nina", name: "Dr Nina Okafor" }]) {
    await search.pressSequentially(who.q);
    await dialog.getByRole("option", { name: new RegExp(who.name) }).click();
    await expect(search).toBeFocused();
  }
  await expect(dialog.getByRole("list", { name: "Chosen colleagues" }).getByRole("listitem")).toHaveText([/Dr Leo Chen/, /Dr Nina Okafor/]);
  // Each chip's remove button names its person.
  await expect(dialog.getByRole("button", { name: "Remove Dr Nina Okafor from the list" })).toBeVisible();
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByRole("status").filter({ hasText: "Shared with Dr Leo Chen and Dr Nina Okafor." })).toBeVisible();
  await expect(dialog.getByRole("listitem", { name: "Dr Leo Chen" })).toBeVisible();
  await expect(dialog.getByRole("listitem", { name: "Dr Nina Okafor" })).toBeVisible();
  expect(await shareOf(sessionId, "leo@harbour.test")).toEqual([{ access: "view" }]);
  expect(await shareOf(sessionId, "nina@harbour.test")).toEqual([{ access: "view" }]);

  // Half-chosen, then closed (and the discard confirmed): reopened, nothing is left over.
  await search.pressSequentially("leo");
  await dialog.getByRole("option", { name: /Dr Leo Chen/ }).click();
  await dialog.getByRole("button", { name: "Close" }).click();
  await dialog.getByRole("button", { name: "Discard" }).click();
  await openShareDialog(page);
  await expect(dialog.getByRole("list", { name: "Chosen colleagues" })).toHaveCount(0);
  await expect(search).toHaveValue("");
  expect(warnings).toEqual([]);
});

test("the session's properties save as they change, with Undo, and word visibility as the new-session form does", async ({ page }) => {
  await signIn(page, "maya@harbour.test");
  await page.goto("/sessions/new");
  const options = async () => page.getByLabel("Who can see it").locator("option").allTextContents();
  expect(await options()).toEqual(["Private", "Visible to my team"]);
  await expect(page.getByLabel("Who can see it")).toHaveAccessibleDescription(/^Private: you and the people you share it with\./);
  await page.getByLabel("Title").fill(`Properties ${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Create session" }).click();
  await expect(page.getByRole("button", { name: "Share", exact: true })).toBeVisible();
  const sessionId = page.url().split("/").pop()!;
  const row = async () => (await query<{ status: string; visibility: string; client: string | null }>(
    "select s.status, s.visibility, c.first_name as client from clinical_sessions s left join clients c on c.id = s.client_id where s.id = $1",
    [sessionId],
  ))[0];

  const properties = page.getByRole("region", { name: "Properties" });
  expect(await properties.getByLabel("Visibility", { exact: true }).locator("option").allTextContents()).toEqual(["Private", "Visible to my team"]);
  await properties.getByLabel("Visibility", { exact: true }).selectOption("team");
  await expect.poll(row).toMatchObject({ visibility: "team" });

  await properties.getByLabel("Status").selectOption("in_progress");
  await expect(properties.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await expect.poll(row).toMatchObject({ status: "in_progress" });
  await page.getByRole("status").filter({ hasText: "Status changed to In progress." }).getByRole("button", { name: "Undo" }).click();
  await expect.poll(row).toMatchObject({ status: "draft" });
  await expect(properties.getByLabel("Status")).toHaveValue("draft");

  // The client is searched as you type (Maya sees Jordan Lee's chart).
  await properties.getByRole("button", { name: /^Client/ }).click();
  await page.keyboard.type("jord");
  await expect(properties.getByRole("option", { name: /Jordan Lee/ })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(properties.getByRole("button", { name: "Client Jordan Lee" })).toBeFocused();
  await expect.poll(row).toMatchObject({ client: "Jordan" });
});

test("access removed while typing: the editor says the change was not saved and keeps the text to copy", async ({ page }) => {
  const [ids] = await query<{ org: string; maya: string; leo: string }>(
    "select o.id as org, (select id from users where email = 'maya@harbour.test') as maya, (select id from users where email = 'leo@harbour.test') as leo from organisations o where o.name = 'Harbour Health Group'",
  );
  const [session] = await query<{ id: string }>("insert into clinical_sessions (organisation_id, owner_id, title) values ($1, $2, $3) returning id", [ids!.org, ids!.maya, `Removed mid-edit ${Date.now().toString(36)}`]);
  await query("insert into session_shares (session_id, user_id, access, granted_by_id) values ($1, $2, 'edit', $3)", [session!.id, ids!.leo, ids!.maya]);
  await signIn(page, "leo@harbour.test");
  await page.goto(`/sessions/${session!.id}`);
  const notes = page.getByRole("textbox", { name: "Notes", exact: true });
  await notes.fill("Leo: first line.");
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await query("delete from session_shares where session_id = $1 and user_id = $2", [session!.id, ids!.leo]); // Maya removes him
  await notes.fill("Leo: first line. Then a second one.");
  await expect(page.getByRole("alert").filter({ hasText: "Your access to this session ended while you were typing" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Your unsaved notes" })).toHaveValue("Leo: first line. Then a second one.");
  expect((await query<{ notes: string }>("select notes from clinical_sessions where id = $1", [session!.id]))[0]!.notes).toBe("Leo: first line.");
});
