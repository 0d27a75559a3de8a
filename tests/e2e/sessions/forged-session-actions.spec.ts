import { expect, test } from "@playwright/test";
import { query } from "../db";
import { callFormAction, serverActions } from "../server-actions";
import { signIn } from "../support";

/** Everything a sessions action could change, as one comparable value. */
async function sessionsState() {
  const [sessions, shares, documents, notifications, outbox] = await Promise.all([
    query("select * from clinical_sessions order by id"),
    query("select session_id, user_id, access, granted_by_id from session_shares order by session_id, user_id"),
    query("select id, session_id, title, deleted_at from documents order by id"),
    query("select count(*)::int as n from notifications"),
    query("select count(*)::int as n from outbox"),
  ]);
  return JSON.stringify({ sessions, shares, documents, notifications, outbox });
}

const idOf = async (sql: string, params: unknown[] = []) => (await query<{ id: string }>(sql, params))[0]!.id;

test("every sessions server action refuses a forged request from someone without the right, and changes nothing", async ({ browser }) => {
  const actions = serverActions().filter((a) => a.filename.startsWith("app/(app)/sessions/"));
  expect(actions.map((a) => a.exportedName).sort()).toEqual(
    [
      "addSessionDocumentAction",
      "changeShareLevelAction",
      "createSessionAction",
      "deleteSessionAction",
      "removeSessionDocumentAction",
      "removeShareAction",
      "searchColleaguesAction",
      "searchPatientChoicesAction",
      "setSessionPatientAction",
      "setSessionVisibilityAction",
      "shareSessionAction",
      "updateSessionAction",
    ].sort(),
  );

  // Maya's private seeded session, with its document; Nina holds a View share on it for this test.
  const sessionId = await idOf("select id from clinical_sessions where title = 'Initial assessment — J. Lee'");
  const documentId = await idOf("select id from documents where session_id = $1", [sessionId]);
  const userId = (email: string) => idOf("select id from users where email = $1", [email]);
  const [maya, nina, leo, sam] = (await Promise.all(["maya@harbour.test", "nina@harbour.test", "leo@harbour.test", "sam@harbour.test"].map(userId))) as [string, string, string, string];
  const otherClient = await idOf("select id from clients where first_name = 'Tom'");
  const psychology = await idOf("select id from teams where name = 'Psychology'");
  await query("insert into session_shares (session_id, user_id, access, granted_by_id) values ($1, $2, 'view', $3) on conflict do nothing", [sessionId, nina, maya]);

  const forged = (self: string): Record<string, Record<string, string>> => ({
    createSessionAction: { title: "Forged session", clientId: "", teamId: "", visibility: "private" },
    updateSessionAction: { sessionId, notes: "forged notes", status: "completed", context: "forged context" },
    setSessionPatientAction: { sessionId, clientId: otherClient },
    addSessionDocumentAction: { sessionId, title: "Forged document", body: "forged" },
    removeSessionDocumentAction: { sessionId, documentId },
    setSessionVisibilityAction: { sessionId, visibility: "team", teamId: psychology },
    shareSessionAction: { sessionId, userIds: self === leo ? nina : leo, access: "full", message: "forged" },
    changeShareLevelAction: { sessionId, userId: nina, access: "full" },
    removeShareAction: { sessionId, userId: nina },
    deleteSessionAction: { sessionId },
    searchColleaguesAction: { sessionId, q: "dr" },
    searchPatientChoicesAction: { sessionId, q: "Lee" },
  });

  // Who tries, and what each must be told: a role without Sessions and a colleague without access
  // are told "not found" (creating needs sessions:edit, so Sam is "forbidden" there); a View
  // holder may see the session, so is "forbidden".
  const attempts = [
    { email: "sam@harbour.test", self: sam, expect: (name: string) => (name === "createSessionAction" ? "forbidden" : "not_found") },
    { email: "leo@harbour.test", self: leo, expect: () => "not_found", skip: ["createSessionAction"] },
    { email: "nina@harbour.test", self: nina, expect: () => "forbidden", skip: ["createSessionAction"] },
  ];

  try {
    for (const who of attempts) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, who.email);
      const before = await sessionsState();
      for (const action of actions) {
        if (who.skip?.includes(action.exportedName)) continue;
        const response = await callFormAction(page.request, action, forged(who.self)[action.exportedName]!);
        expect(response.text, `${who.email} ${action.exportedName}`).toContain(`"${who.expect(action.exportedName)}"`);
        // The type-ahead must not leak the directory to someone who may not share.
        if (action.exportedName === "searchColleaguesAction") expect(response.text).not.toContain("@harbour.test");
        if (action.exportedName === "searchPatientChoicesAction") expect(response.text).not.toContain("Jordan");
        expect(await sessionsState(), `${who.email} ${action.exportedName}`).toBe(before);
      }
      await context.close();
    }
    // Refusals are audited once each response is done (the refused transaction must not carry them).
    const refusals = () => query<{ n: number }>("select count(*)::int as n from audit_events where action = 'access.refused' and actor_id = $1 and target_type = 'clinical_session'", [leo]);
    await expect.poll(async () => (await refusals())[0]!.n).toBeGreaterThanOrEqual(actions.length - 1);
  } finally {
    await query("delete from session_shares where session_id = $1 and user_id = $2", [sessionId, nina]);
  }
});

test("the same forged request from the owner does reach the action (so the refusals above are the policy, not the encoding)", async ({ page }) => {
  const action = serverActions().find((a) => a.exportedName === "updateSessionAction")!;
  const [session] = await query<{ id: string; context: string }>("select id, context from clinical_sessions where title = 'Initial assessment — J. Lee'");
  await signIn(page, "maya@harbour.test");
  await callFormAction(page.request, action, { sessionId: session!.id, context: "Changed by a hand-made request" });
  expect((await query("select context from clinical_sessions where id = $1", [session!.id]))[0]).toEqual({ context: "Changed by a hand-made request" });
  await callFormAction(page.request, action, { sessionId: session!.id, context: session!.context });
  expect((await query("select context from clinical_sessions where id = $1", [session!.id]))[0]).toEqual({ context: session!.context });
});
