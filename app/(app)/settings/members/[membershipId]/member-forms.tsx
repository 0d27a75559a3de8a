"use client";

import { useState } from "react";
import { ActionForm, FormField, FormSubmit } from "@/components/forms/action-form";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Checkbox, Select } from "@/components/ui/field";
import { changeMemberRoleAction, removeMemberAction, resetMemberAuthSessionsAction, resetMemberTwoFactorAction, setMemberTeamsAction } from "../actions";

type Option = { id: string; name: string };

/**
 * The member's role. Choosing a role without the Sessions area for someone who owns sessions says
 * what follows before it is saved: their sessions stay theirs, and nobody can open them as owner.
 */
export function MemberRoleForm({
  membershipId,
  roleId,
  roles,
  name,
  ownedSessions,
}: {
  membershipId: string;
  roleId: string;
  roles: (Option & { opensSessions: boolean })[];
  name: string;
  ownedSessions: number;
}) {
  const [chosen, setChosen] = useState(roleId);
  const strands = ownedSessions > 0 && roles.some((r) => r.id === chosen && !r.opensSessions);
  return (
    <ActionForm action={changeMemberRoleAction} successMessage="Role saved." aria-label="Role" layout="row">
      <input type="hidden" name="membershipId" value={membershipId} />
      <FormField name="roleId" label="Role">
        <Select id="roleId" name="roleId" value={chosen} onChange={(e) => setChosen(e.target.value)} options={roles} aria-describedby={strands ? "roleId-strands" : undefined} />
      </FormField>
      <FormSubmit>Save role</FormSubmit>
      {strands && (
        <p id="roleId-strands" role="status" className="basis-full rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {name} owns {ownedSessions === 1 ? "1 session" : `${ownedSessions} sessions`}. This role has no Sessions area, so with it they can&apos;t open
          {ownedSessions === 1 ? " it" : " them"}, and the colleagues they shared with keep only their share. To pass their sessions to a colleague, use
          “Remove from the organisation” below, which asks who takes them over.
        </p>
      )}
    </ActionForm>
  );
}

export function MemberTeamsForm({ membershipId, teams, memberTeamIds }: { membershipId: string; teams: Option[]; memberTeamIds: string[] }) {
  if (teams.length === 0) return <p className="text-sm text-slate-600">The organisation has no teams yet.</p>;
  return (
    <ActionForm action={setMemberTeamsAction} successMessage="Teams saved." aria-label="Teams">
      <input type="hidden" name="membershipId" value={membershipId} />
      <fieldset className="flex flex-wrap gap-4">
        <legend className="sr-only">Teams</legend>
        {teams.map((t) => (
          <Checkbox key={t.id} name="teamIds" value={t.id} label={t.name} defaultChecked={memberTeamIds.includes(t.id)} />
        ))}
      </fieldset>
      <FormSubmit>Save teams</FormSubmit>
    </ActionForm>
  );
}

export function RemoveMemberForm({
  membershipId,
  name,
  isSelf,
  handover,
}: {
  membershipId: string;
  name: string;
  isSelf: boolean;
  /** The sessions they own pass to a colleague the admin chooses. */
  handover?: { ownedSessions: number; successors: Option[] };
}) {
  return (
    <ActionForm action={removeMemberAction} aria-label="Remove member">
      <input type="hidden" name="membershipId" value={membershipId} />
      {handover && handover.ownedSessions > 0 && (
        <FormField
          name="successorMembershipId"
          label="Who takes over their sessions"
          hint={`${name} owns ${handover.ownedSessions} ${handover.ownedSessions === 1 ? "session" : "sessions"}. The colleague you choose becomes the owner and is notified; everyone else keeps their access.`}
        >
          <Select id="successorMembershipId" name="successorMembershipId" defaultValue="">
            <option value="">Choose a colleague…</option>
            {handover.successors.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </FormField>
      )}
      <ConfirmButton
        title={`Remove ${name}?`}
        description={
          isSelf
            ? "You are removing yourself. You will be signed out of the organisation at once."
            : `${name} will lose access to everything in the organisation at once. This cannot be undone, but you can add them again later.`
        }
        confirmLabel="Remove member"
      >
        Remove {isSelf ? "myself" : "member"}
      </ConfirmButton>
    </ActionForm>
  );
}

export function ResetSignInsForm({ membershipId, name, isSelf }: { membershipId: string; name: string; isSelf: boolean }) {
  return (
    <ActionForm action={resetMemberAuthSessionsAction} aria-label="Sign out everywhere" successMessage={`${name} is signed out of every device.`}>
      <input type="hidden" name="membershipId" value={membershipId} />
      <ConfirmButton
        title={`Sign ${name} out of every device?`}
        description={
          isSelf
            ? "You will be signed out here too and need to sign in again."
            : `${name} is signed out at their next request on every device and needs their password to sign in again.`
        }
        confirmLabel="Sign out everywhere"
        variant="secondary"
      >
        Sign out of all devices
      </ConfirmButton>
    </ActionForm>
  );
}

export function ResetTwoFactorForm({ membershipId, name, required }: { membershipId: string; name: string; required: boolean }) {
  return (
    <ActionForm action={resetMemberTwoFactorAction} aria-label="Reset two-factor sign-in" successMessage={`Two-factor sign-in is reset. ${name} has been emailed.`}>
      <input type="hidden" name="membershipId" value={membershipId} />
      <ConfirmButton
        title={`Reset ${name}'s two-factor sign-in?`}
        description={`Their authenticator app and recovery codes stop working, and they are emailed about it. ${
          required ? "They set it up again at their next sign-in." : "They sign in with their password until they set it up again."
        } Do this only when you are sure it is them asking (a lost or replaced phone).`}
        confirmLabel="Reset two-factor sign-in"
        variant="secondary"
      >
        Reset two-factor sign-in
      </ConfirmButton>
    </ActionForm>
  );
}
