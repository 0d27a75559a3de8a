"use client";

import { ActionForm, FormField, FormSubmit } from "@/components/forms/action-form";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Input, Select } from "@/components/ui/field";
import { changeTeamMembershipAction, createTeamAction, deleteTeamAction, renameTeamAction } from "./actions";

export function CreateTeamForm() {
  return (
    <ActionForm action={createTeamAction} idempotent aria-label="Create a team" layout="row">
      <FormField name="name" label="Team name">
        <Input id="name" name="name" placeholder="e.g. Occupational therapy" />
      </FormField>
      <FormSubmit pendingLabel="Creating…">Create team</FormSubmit>
    </ActionForm>
  );
}

export function RenameTeamForm({ teamId, name }: { teamId: string; name: string }) {
  return (
    <ActionForm action={renameTeamAction} successMessage="Team renamed." aria-label="Rename team" layout="row">
      <input type="hidden" name="teamId" value={teamId} />
      <FormField name="name" label="Name">
        <Input id="name" name="name" defaultValue={name} />
      </FormField>
      <FormSubmit>Rename</FormSubmit>
    </ActionForm>
  );
}

export function AddTeamMemberForm({ teamId, candidates }: { teamId: string; candidates: { id: string; name: string }[] }) {
  return (
    <ActionForm action={changeTeamMembershipAction} aria-label="Add to team" layout="row">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="change" value="add" />
      <FormField name="membershipId" label="Add a member">
        {/* Not disabled: once someone is added and leaves the list, the choice falls back here, not onto the next person. */}
        <Select id="membershipId" name="membershipId" options={candidates} defaultValue="">
          <option value="">Choose a member…</option>
        </Select>
      </FormField>
      <FormSubmit pendingLabel="Adding…">Add to team</FormSubmit>
    </ActionForm>
  );
}

export function RemoveTeamMemberForm({ teamId, membershipId, name, teamName }: { teamId: string; membershipId: string; name: string; teamName: string }) {
  return (
    <ActionForm action={changeTeamMembershipAction} aria-label={`Remove ${name} from team`}>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <input type="hidden" name="change" value="remove" />
      <ConfirmButton
        size="sm"
        title={`Remove ${name} from ${teamName}?`}
        description="They stop seeing sessions that are visible to this team, unless shared with them directly."
        confirmLabel="Remove from team"
      >
        Remove
      </ConfirmButton>
    </ActionForm>
  );
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

/** Deleting a team: what happens to its members and its sessions is said before anything is done. */
export function DeleteTeamForm({ teamId, teamName, members, teamSessions }: { teamId: string; teamName: string; members: number; teamSessions: number }) {
  const sessions =
    teamSessions === 0
      ? "No session is visible to this team."
      : `${teamSessions === 1 ? "The 1 session visible to this team becomes private: its owner and the people it is shared with keep it" : `The ${teamSessions.toLocaleString("en-GB")} sessions visible to this team become private: their owners and the people they are shared with keep them`}; the team's members lose what they saw only through the team, and the owners are told.`;
  return (
    <ActionForm action={deleteTeamAction} aria-label="Delete team">
      <input type="hidden" name="teamId" value={teamId} />
      <ConfirmButton
        title={`Delete ${teamName}?`}
        description={`${count(members, "member stays", "members stay")} in the organisation. ${sessions} This cannot be undone.`}
        confirmLabel="Delete team"
      >
        Delete team
      </ConfirmButton>
    </ActionForm>
  );
}
