import { expect, test } from "@playwright/test";
import { query } from "../db";
import { signIn } from "../support";

/**
 * A clinician breaks the glass on a chart they are not on the list of, the admin is told (in the
 * app and by email) and reviews it, and at the end of the window the clinician is refused. The end
 * of the window is reached by setting the grant's end in the database (the policy compares it with
 * the time on each request; the integration tests cover the exact boundaries with the clock injected).
 */
test("a clinician breaks the glass, the admin is notified and reviews it, and at the end of the window the clinician is refused", async ({ browser }) => {
  // Two people signed in side by side: more than one sign-in's worth of time on a loaded machine.
  test.slow();
  const lastName = `Glass${Date.now().toString(36)}`;
  const [chart] = await query<{ id: string }>(
    "insert into clients (organisation_id, first_name, last_name) select id, 'Rowan', $1 from organisations where name = 'Harbour Health Group' returning id",
    [lastName],
  );
  const chartPath = `/clients/${chart!.id}`;

  const leo = await (await browser.newContext()).newPage();
  await signIn(leo, "leo@harbour.test");
  await leo.goto(chartPath);
  await expect(leo.getByRole("heading", { name: "We can't show you this page" })).toBeVisible();
  const form = leo.getByRole("form", { name: "Get emergency access" });
  await form.getByLabel("Why do you need it now?").fill("Too short");
  await form.getByRole("button", { name: "Get emergency access" }).click();
  await expect(form.getByText("Say why you need this record now, in at least 10 characters.")).toBeVisible();
  await form.getByLabel("Why do you need it now?").fill("Client collapsed in reception, need allergies");
  await form.getByRole("button", { name: "Get emergency access" }).click();
  await expect(leo.getByRole("heading", { name: `Rowan ${lastName}` })).toBeVisible();
  await expect(leo.getByText(/You are reading this chart through emergency access, read-only, until/)).toBeVisible();
  // Read-only: no way to edit the chart.
  await expect(leo.getByRole("link", { name: "Edit details" })).toHaveCount(0);

  const mails = await query<{ subject: string }>("select subject from outbox where \"to\" = 'admin@harbour.test' and template = 'emergency-access-used'");
  expect(mails.map((m) => m.subject)).toContain("Dr Leo Chen used emergency access");

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@harbour.test");
  await admin.goto("/notifications");
  await admin.getByRole("button", { name: /Dr Leo Chen used emergency access to a client chart/ }).first().click();
  await expect(admin).toHaveURL(/\/settings\/audit-log\/emergency$/);
  const toReview = admin.getByRole("list", { name: "Emergency access to review" }).getByRole("listitem").filter({ hasText: lastName });
  await expect(toReview).toContainText("Client collapsed in reception, need allergies");
  await expect(toReview).toContainText("Active");
  await toReview.getByLabel("Review note").fill("Confirmed with Dr Chen: seen in reception. Justified.");
  await toReview.getByRole("button", { name: "Mark reviewed" }).click();
  const reviewed = admin.getByRole("table", { name: "Reviewed emergency access" }).getByRole("row").filter({ hasText: lastName });
  await expect(reviewed).toContainText("Confirmed with Dr Chen: seen in reception. Justified.");

  // The end of the window: the grant's end moved to just now, nothing else touched.
  await query("update emergency_access_grants set expires_at = now() - interval '1 second' where client_id = $1", [chart!.id]);
  await leo.reload();
  // The chart streams behind its loading skeleton; on a loaded machine that can take a while.
  await expect(leo.getByRole("heading", { name: "We can't show you this page" })).toBeVisible({ timeout: 30_000 });
  await expect(leo.getByText(`Rowan ${lastName}`)).toHaveCount(0);
});
