"use client";

import { ActionForm, FormField, FormSubmit } from "@/components/forms/action-form";
import { Input } from "@/components/ui/field";
import { MAX_IDLE_TIMEOUT_MINUTES, MIN_IDLE_TIMEOUT_MINUTES } from "@/lib/auth/auth-sessions/types";
import { updateSecuritySettingsAction } from "./actions";

export function SecuritySettingsForm({ idleTimeoutMinutes }: { idleTimeoutMinutes: number }) {
  return (
    <ActionForm action={updateSecuritySettingsAction} aria-label="Security settings" successMessage="Security settings saved.">
      <FormField
        name="idleTimeoutMinutes"
        label="Sign out after this many minutes without activity"
        hint={`Between ${MIN_IDLE_TIMEOUT_MINUTES} and ${MAX_IDLE_TIMEOUT_MINUTES} minutes. People are warned a minute before and can stay signed in.`}
      >
        <Input
          id="idleTimeoutMinutes"
          name="idleTimeoutMinutes"
          type="number"
          inputMode="numeric"
          min={MIN_IDLE_TIMEOUT_MINUTES}
          max={MAX_IDLE_TIMEOUT_MINUTES}
          defaultValue={idleTimeoutMinutes}
          className="max-w-32"
        />
      </FormField>
      <FormSubmit>Save security settings</FormSubmit>
    </ActionForm>
  );
}
