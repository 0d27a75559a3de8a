"use client";

import { ActionForm, FormField, FormSubmit } from "@/components/forms/action-form";
import { Input } from "@/components/ui/field";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import { acceptPortalInvitationAction } from "../../actions";

export function PortalSetPasswordForm({ token }: { token: string }) {
  return (
    <ActionForm action={acceptPortalInvitationAction} aria-label="Set your password">
      <input type="hidden" name="token" value={token} />
      <FormField name="password" label="New password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}>
        <Input id="password" name="password" type="password" autoComplete="new-password" />
      </FormField>
      <FormField name="confirm" label="Confirm password">
        <Input id="confirm" name="confirm" type="password" autoComplete="new-password" />
      </FormField>
      <FormSubmit className="w-full">Set password and open the portal</FormSubmit>
    </ActionForm>
  );
}
