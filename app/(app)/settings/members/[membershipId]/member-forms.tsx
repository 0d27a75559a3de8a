"use client";

import { ActionForm, FormField, FormSubmit } from "@/components/forms/action-form";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Checkbox, Select } from "@/components/ui/field";
import { changeMemberRoleAction, removeMemberAction, resetMemberAuthSessionsAction, resetMemberTwoFactorAction, setMemberTeamsAction } from "../actions";

type Option = { id: string; name: string };

export function MemberRoleForm({ membershipId, roleId, roles }: { membershipId: string; roleId: string; roles: Option[] }) {
  return (
    <ActionForm action={changeMemberRoleAction} successMessage="Role saved." aria-label="Role" layout="row">
      <input type="hidden" name="membershipId" value={membershipId} />
      <FormField name="roleId" label="Role">
        <Select id="roleId" name="roleId" defaultValue={roleId} options={roles} />
      </FormField>
      <FormSubmit>Save role</FormSubmit>
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
