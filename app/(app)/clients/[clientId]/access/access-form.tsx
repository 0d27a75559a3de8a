"use client";

import { ActionForm, FormSubmit } from "@/components/forms/action-form";
import { Checkbox } from "@/components/ui/field";
import { setClientAccessAction } from "../../actions";

export function AccessForm({ clientId, practitioners, hint }: { clientId: string; practitioners: { id: string; name: string; hint: string; checked: boolean }[]; hint: string }) {
  return (
    <ActionForm action={setClientAccessAction} idempotent successMessage="Access saved." aria-label="Manage access">
      <input type="hidden" name="clientId" value={clientId} />
      <fieldset className="space-y-3" aria-describedby="practitioners-hint">
        <legend className="text-sm font-medium text-slate-800">Practitioners</legend>
        <p id="practitioners-hint" className="text-sm text-slate-600">
          {hint}
        </p>
        {practitioners.map((p) => (
          <Checkbox key={p.id} name="userIds" value={p.id} label={p.name} hint={p.hint} defaultChecked={p.checked} />
        ))}
      </fieldset>
      <FormSubmit>Save</FormSubmit>
    </ActionForm>
  );
}
