"use client";

import { ActionForm, FormField, FormSubmit } from "@/components/forms/action-form";
import { ButtonLink } from "@/components/ui/button";
import { Checkbox, Input, Select } from "@/components/ui/field";
import { inviteMemberAction } from "../actions";

type Option = { id: string; name: string };

export function InviteMemberForm({ roles, teams }: { roles: Option[]; teams: Option[] }) {
  const defaultRole = roles.find((r) => r.name === "Clinician")?.id ?? roles[0]?.id;
  return (
    <ActionForm action={inviteMemberAction} idempotent aria-label="Invite member">
      <FormField name="name" label="Full name">
        <Input id="name" name="name" autoComplete="off" placeholder="Dr Jane Smith" />
      </FormField>
      <FormField name="email" label="Email">
        <Input id="email" name="email" type="email" autoComplete="off" />
      </FormField>
      <FormField name="roleId" label="Role">
        <Select id="roleId" name="roleId" defaultValue={defaultRole} options={roles} />
      </FormField>
      {teams.length > 0 && (
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-800">Teams</legend>
          <div className="flex flex-wrap gap-4">
            {teams.map((t) => (
              <Checkbox key={t.id} name="teamIds" value={t.id} label={t.name} />
            ))}
          </div>
        </fieldset>
      )}
      <div className="flex gap-2">
        <FormSubmit pendingLabel="Sending invitation…">Send invitation</FormSubmit>
        <ButtonLink href="/settings/members" variant="secondary">
          Cancel
        </ButtonLink>
      </div>
    </ActionForm>
  );
}
