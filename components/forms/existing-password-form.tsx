"use client";

import { ActionForm, FormField, FormSubmit } from "@/components/forms/action-form";
import { Input } from "@/components/ui/field";
import type { FormState } from "@/lib/actions/form-state";

/** Accepting an invitation with the account one already has: the existing password, nothing new. */
export function ExistingPasswordForm({
  action,
  token,
  email,
  submitLabel,
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  token: string;
  email: string;
  submitLabel: string;
}) {
  return (
    <ActionForm action={action} aria-label="Accept with your password">
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers offer the saved login for this address. */}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <FormField name="password" label="Your password">
        <Input id="password" name="password" type="password" autoComplete="current-password" />
      </FormField>
      <FormSubmit className="w-full" pendingLabel="Checking…">
        {submitLabel}
      </FormSubmit>
    </ActionForm>
  );
}
