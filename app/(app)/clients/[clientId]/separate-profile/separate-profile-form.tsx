"use client";

import { ActionForm, FormField, FormSubmit } from "@/components/forms/action-form";
import { Select } from "@/components/ui/field";
import { createSeparateProfileAction } from "../../actions";

export function SeparateProfileForm({ clientId, practitioners, hint }: { clientId: string; practitioners: { id: string; name: string }[]; hint: string }) {
  return (
    <ActionForm action={createSeparateProfileAction} idempotent aria-label="Create a separate profile">
      <input type="hidden" name="clientId" value={clientId} />
      <FormField name="practitionerId" label="Practitioner for the new profile" hint={hint}>
        <Select id="practitionerId" name="practitionerId" defaultValue="">
          <option value="" disabled>
            Choose a practitioner
          </option>
          {practitioners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </FormField>
      <FormSubmit pendingLabel="Creating…">Create separate profile</FormSubmit>
    </ActionForm>
  );
}
