"use client";

import { ActionForm, FormSubmit } from "@/components/forms/action-form";
import { updateDisclosureSettingsAction } from "./actions";

/** Settings → Security → the client's disclosure record: off / on (default off). */
export function DisclosureSettingsForm({ showStaffAccess }: { showStaffAccess: boolean }) {
  const options = [
    { value: "off", label: "Off", hint: "Clients see the documents shared outside the clinic only." },
    { value: "on", label: "On", hint: "Clients also see which staff members opened their chart or its documents, by name and role, by day." },
  ];
  return (
    <ActionForm action={updateDisclosureSettingsAction} aria-label="Staff access on the client's disclosure record" successMessage="Saved.">
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">Show clients which staff opened their record</legend>
        {options.map((o) => (
          <label key={o.value} className="flex items-start gap-2.5 text-sm">
            <input type="radio" name="showStaffAccess" value={o.value} defaultChecked={(o.value === "on") === showStaffAccess} className="mt-1 size-4 accent-teal-700" />
            <span>
              <span className="font-medium text-slate-900">{o.label}</span>
              <span className="block text-slate-600">{o.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <FormSubmit>Save</FormSubmit>
    </ActionForm>
  );
}
