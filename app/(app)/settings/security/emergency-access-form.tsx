"use client";

import { ActionForm, FormField, FormSubmit } from "@/components/forms/action-form";
import { Checkbox, Input } from "@/components/ui/field";
import { MAX_EMERGENCY_HOURS, MIN_EMERGENCY_HOURS } from "@/lib/emergency-access/limits";
import { updateEmergencyAccessSettingsAction } from "./actions";

export function EmergencyAccessSettingsForm({ enabled, hours }: { enabled: boolean; hours: number }) {
  return (
    <ActionForm action={updateEmergencyAccessSettingsAction} aria-label="Emergency access settings" successMessage="Emergency access settings saved.">
      <Checkbox
        id="emergencyAccessEnabled"
        name="emergencyAccessEnabled"
        defaultChecked={enabled}
        label="Allow emergency access"
        hint="Roles with the Emergency access permission (Settings → Roles) can then open a chart or session they have no access to. Turning this off ends every emergency access in progress."
      />
      <FormField name="emergencyAccessHours" label="Emergency access lasts this many hours" hint={`Between ${MIN_EMERGENCY_HOURS} and ${MAX_EMERGENCY_HOURS} hours. It is read-only, and ends by itself.`}>
        <Input id="emergencyAccessHours" name="emergencyAccessHours" type="number" inputMode="numeric" min={MIN_EMERGENCY_HOURS} max={MAX_EMERGENCY_HOURS} defaultValue={hours} className="max-w-32" />
      </FormField>
      <FormSubmit>Save emergency access settings</FormSubmit>
    </ActionForm>
  );
}
