"use client";

import { ActionForm, FormSubmit } from "@/components/forms/action-form";
import { Checkbox } from "@/components/ui/field";
import { setClientAccessAction } from "../../actions";

export function AccessForm({ clientId, practitioners }: { clientId: string; practitioners: { id: string; name: string; hint: string; checked: boolean }[] }) {
  return (
    <ActionForm action={setClientAccessAction} successMessage="Access saved." aria-label="Manage access">
      <input type="hidden" name="clientId" value={clientId} />
      <fieldset className="space-y-3">
        <legend className="sr-only">Practitioners</legend>
        {practitioners.map((p) => (
          <Checkbox key={p.id} name="userIds" value={p.id} label={p.name} hint={p.hint} defaultChecked={p.checked} />
        ))}
      </fieldset>
      <FormSubmit>Save</FormSubmit>
    </ActionForm>
  );
}
