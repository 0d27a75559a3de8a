import { expect, test } from "@playwright/test";
import { query } from "../db";
import { DEMO_PASSWORD, signIn, uniqueEmail } from "../support";

/** A clinician in Psychology, created directly in the database (same password as the demo accounts). */
async function createClinician(name: string, email: string) {
  const [user] = await query<{ id: string }>(
    "insert into users (email, name, password_hash) select $1, $2, password_hash from users where email = 'nina@harbour.test' returning id",
    [email, name],
  );
  const [membership] = await query<{ id: string }>(
    `insert into memberships (organisation_id, user_id, role_id)
     select r.organisation_id, $1, r.id from roles r join organisations o on o.id = r.organisation_id
     where o.name = 'Harbour Health Group' and r.built_in = 'clinician' returning id`,
    [user!.id],
  );
  await query("insert into team_members (team_id, user_id) select id, $1 from teams where name = 'Psychology'", [user!.id]);
  return { userId: user!.id, membershipId: membership!.id };
}

test("an admin removes a member who held shares and owned a session: their access ends, and a colleague takes over", async ({ browser }) => {
  const suffix = Date.now().toString(36);
  const name = `Dr Tess Temple ${suffix}`;
  const email = uniqueEmail("tess");
  const tess = await createClinician(name, email);

  // Maya's seeded private session is shared with Tess at Edit.
  const [held] = await query<{ id: string; title: string }>("select id, title from clinical_sessions where title = 'Initial assessment — J. Lee'");
  await query(
    "insert into session_shares (session_id, user_id, access, granted_by_id) select $1, $2, 'edit', id from users where email = 'maya@harbour.test'",
    [held!.id, tess.userId],
  );

  const member = await (await browser.newContext()).newPage();
  await signIn(member, email, DEMO_PASSWORD);
  await member.goto(`/sessions/${held!.id}`);
  await expect(member.getByRole("heading", { level: 1, name: held!.title })).toBeVisible();
  await expect(member.getByRole("textbox", { name: "Notes" })).toBeVisible();
  // …and owns a session of her own.
  const ownTitle = `Tess's follow-up ${suffix}`;
  await member.goto("/sessions/new");
  await member.getByLabel("Title").fill(ownTitle);
  await member.getByRole("button", { name: "Create session" }).click();
  await expect(member.getByRole("heading", { level: 1, name: ownTitle })).toBeVisible();
  const ownPath = new URL(member.url()).pathname;

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@harbour.test");
  await admin.goto(`/settings/members/${tess.membershipId}`);
  await expect(admin.getByText(`${name} owns 1 session.`)).toBeVisible();

  // Without a successor the removal is refused, and nothing changes.
  await admin.getByRole("button", { name: "Remove member" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Remove member" }).click();
  await expect(admin.getByText("Choose a colleague who can own sessions to take over theirs.")).toBeVisible();
  expect(await query("select status from memberships where id = $1", [tess.membershipId])).toEqual([{ status: "active" }]);

  await admin.getByLabel("Who takes over their sessions").selectOption({ label: "Dr Maya Patel" });
  await admin.getByRole("button", { name: "Remove member" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Remove member" }).click();
  await expect(admin.getByText("The member was removed")).toBeVisible();

  // In the same transaction: her shares are gone and her session has a new owner.
  expect(await query("select * from session_shares where user_id = $1", [tess.userId])).toEqual([]);
  const [owner] = await query<{ email: string }>("select u.email from clinical_sessions s join users u on u.id = s.owner_id where s.title = $1", [ownTitle]);
  expect(owner).toEqual({ email: "maya@harbour.test" });

  // Her very next request is refused, although her auth cookie is still valid.
  await member.goto(`/sessions/${held!.id}`);
  await expect(member).toHaveURL(/\/sign-in/);
  await expect(member.getByText("Your access to this organisation has ended")).toBeVisible();

  // Maya is told, and finds the session among her own.
  const maya = await (await browser.newContext()).newPage();
  await signIn(maya, "maya@harbour.test");
  await maya.goto("/notifications");
  await expect(maya.getByRole("list", { name: "Notifications" })).toContainText(`You now own “${ownTitle}”, previously owned by ${name}.`);
  await maya.goto(ownPath);
  await expect(maya.getByText("Your access:")).toContainText("Owner");
  const audit = await query<{ action: string }>("select action from audit_events where target_id = $1 and action = 'session.ownership_transferred'", [ownPath.split("/").pop()]);
  expect(audit).toHaveLength(1);
});
