import { expect, test } from "@playwright/test";
import { query } from "../db";
import { callFormAction, serverActions } from "../server-actions";
import { signIn } from "../support";

/** Everything a settings action could change, as one comparable value. */
async function settingsState() {
  const [memberships, roles, teams, teamMembers, users, organisations, signIns, outbox] = await Promise.all([
    query("select id, role_id, status from memberships order by id"),
    query("select * from roles order by id"),
    query("select id, name from teams order by id"),
    query("select team_id, user_id from team_members order by team_id, user_id"),
    query("select id, email, name, password_hash from users order by id"),
    query("select * from organisations order by id"),
    query("select id, organisation_id, ended_at, ended_reason from staff_auth_sessions order by id"),
    query("select id, status, attempts, retry_until, failed_at from outbox order by id"),
  ]);
  return JSON.stringify({ memberships, roles, teams, teamMembers, users, organisations, signIns, outbox });
}

test("every settings server action refuses a forged request from a non-admin and changes nothing", async ({ page }) => {
  const actions = serverActions().filter((a) => a.filename.startsWith("app/(app)/settings/"));
  expect(actions.map((a) => a.exportedName).sort()).toEqual(
    [
      "inviteMemberAction",
      "changeInvitationAction",
      "changeMemberRoleAction",
      "changeTeamMembershipAction",
      "createTeamAction",
      "deleteTeamAction",
      "deleteRoleAction",
      "removeMemberAction",
      "renameTeamAction",
      "saveRoleAction",
      "setMemberTeamsAction",
      "updateSharingSettingsAction",
      "resetMemberAuthSessionsAction",
      "updateSecuritySettingsAction",
      "retryMessageAction",
      "resetMemberTwoFactorAction",
      "updateAuditSettingsAction",
      "updateDisclosureSettingsAction",
      "updateEmergencyAccessSettingsAction",
      "reviewEmergencyAccessAction",
      "endEmergencyAccessAction",
    ].sort(),
  );

  const [admin] = await query<{ id: string }>("select m.id from memberships m join users u on u.id = m.user_id where u.email = 'admin@harbour.test'");
  const [maya] = await query<{ id: string }>("select m.id from memberships m join users u on u.id = m.user_id where u.email = 'maya@harbour.test'");
  const roles = await query<{ id: string; built_in: string }>("select id, built_in from roles");
  const adminRole = roles.find((r) => r.built_in === "admin")!.id;
  const [team] = await query<{ id: string }>("select id from teams where name = 'Psychology'");
  // A message given up on (the Messages page's Retry): made here, so the refusal has one to aim at.
  const [message] = await query<{ id: string }>(
    "insert into outbox (channel, template, \"to\", subject, text, status, attempts, last_error, failed_at, organisation_id) select 'email', 'document-shared', 'gp@northside.test', 'Forged retry', 'x', 'failed', 5, 'http_503', now(), id from organisations where name = 'Harbour Health Group' returning id",
  );
  const everything = { contacts: "edit", letters: "edit", patients: "edit", labs: "edit", invoices: "edit", sessions: "edit", settings: "edit", clientScope: "all" };

  const forged: Record<string, Record<string, string | string[]>> = {
    inviteMemberAction: { name: "Mallory", email: "mallory@harbour.test", roleId: adminRole, teamIds: [team!.id] },
    changeInvitationAction: { membershipId: maya!.id, change: "revoke" },
    changeMemberRoleAction: { membershipId: maya!.id, roleId: adminRole },
    changeTeamMembershipAction: { teamId: team!.id, membershipId: maya!.id, change: "remove" },
    createTeamAction: { name: "Shadow team" },
    deleteTeamAction: { teamId: team!.id },
    deleteRoleAction: { roleId: roles.find((r) => r.built_in === "medical_secretary")!.id },
    removeMemberAction: { membershipId: admin!.id },
    renameTeamAction: { teamId: team!.id, name: "Taken over" },
    saveRoleAction: { roleId: roles.find((r) => r.built_in === "clinician")!.id, name: "Clinician", ...everything },
    setMemberTeamsAction: { membershipId: maya!.id, teamIds: [] },
    updateSharingSettingsAction: { sharingEnabled: "on", securityLevel: "link" },
    resetMemberAuthSessionsAction: { membershipId: admin!.id },
    updateSecuritySettingsAction: { idleTimeoutMinutes: "480" },
    retryMessageAction: { messageId: message!.id },
    resetMemberTwoFactorAction: { membershipId: admin!.id },
    updateAuditSettingsAction: { auditRetentionYears: "6", timeZone: "UTC" },
    updateDisclosureSettingsAction: { showStaffAccess: "on" },
    updateEmergencyAccessSettingsAction: { emergencyAccessEnabled: "on", emergencyAccessHours: "24" },
    // Refused before any grant is looked up: the role is asked first.
    reviewEmergencyAccessAction: { grantId: crypto.randomUUID(), note: "Reviewed by someone who may not" },
    endEmergencyAccessAction: { grantId: crypto.randomUUID() },
  };

  await signIn(page, "maya@harbour.test");
  const before = await settingsState();
  for (const action of actions) {
    const response = await callFormAction(page.request, action, forged[action.exportedName]!);
    expect(response.text, action.exportedName).toContain("forbidden");
    expect(await settingsState(), action.exportedName).toBe(before);
  }
  // Refusals are audited once each response is done (the refused transaction must not carry them).
  const refusals = () => query("select * from audit_events where action = 'access.refused' and actor_id = (select id::text from users where email = 'maya@harbour.test')");
  await expect.poll(async () => (await refusals()).length).toBeGreaterThanOrEqual(actions.length);
});

test("the same forged request from an admin does reach the action (so the refusal above is the policy, not the encoding)", async ({ page }) => {
  const action = serverActions().find((a) => a.exportedName === "renameTeamAction")!;
  const [team] = await query<{ id: string; name: string }>("select id, name from teams where name = 'Physiotherapy'");
  await signIn(page, "admin@harbour.test");
  await callFormAction(page.request, action, { teamId: team!.id, name: "Physiotherapy & Rehab" });
  expect((await query("select name from teams where id = $1", [team!.id]))[0]).toEqual({ name: "Physiotherapy & Rehab" });
  await callFormAction(page.request, action, { teamId: team!.id, name: "Physiotherapy" });
  expect((await query("select name from teams where id = $1", [team!.id]))[0]).toEqual({ name: "Physiotherapy" });
});
