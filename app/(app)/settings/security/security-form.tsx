"use client";

import { ActionForm, FormField, FormSubmit } from "@/components/forms/action-form";
import { Checkbox, Input } from "@/components/ui/field";
import { MAX_IDLE_TIMEOUT_MINUTES, MIN_IDLE_TIMEOUT_MINUTES } from "@/lib/auth/auth-sessions/types";
import { updateSecuritySettingsAction } from "./actions";

export function SecuritySettingsForm({ idleTimeoutMinutes, requireTwoFactor }: { idleTimeoutMinutes: number; requireTwoFactor: boolean }) {
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
      <Checkbox
        id="requireTwoFactor"
        name="requireTwoFactor"
        defaultChecked={requireTwoFactor}
        label="Require two-factor sign-in"
        hint="Members without it must set it up with an authenticator app at their next request, and can do nothing else until they have. Set it up for your own account first."
      />
      <FormSubmit>Save security settings</FormSubmit>
    </ActionForm>
  );
}
