"use client";

import { ActionForm, FormField, FormSubmit } from "@/components/forms/action-form";
import { Input } from "@/components/ui/field";
import type { FormState } from "@/lib/actions/form-state";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";

/** Choosing a password from an invitation link: staff members and portal clients alike. */
export function SetPasswordForm({
  action,
  token,
  submitLabel,
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  token: string;
  submitLabel: string;
}) {
  return (
    <ActionForm action={action} aria-label="Set your password">
      <input type="hidden" name="token" value={token} />
      <FormField name="password" label="New password" hint={`At least ${MIN_PASSWORD_LENGTH} characters. Not a common password, and not your name or email.`}>
        <Input id="password" name="password" type="password" autoComplete="new-password" />
      </FormField>
      <FormField name="confirm" label="Confirm password">
        <Input id="confirm" name="confirm" type="password" autoComplete="new-password" />
      </FormField>
      <FormSubmit className="w-full" pendingLabel="Saving…">
        {submitLabel}
      </FormSubmit>
    </ActionForm>
  );
}
