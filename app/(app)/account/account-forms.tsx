"use client";

import { ActionForm, FormField, FormSubmit } from "@/components/forms/action-form";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Input } from "@/components/ui/field";
import { changePasswordAction, signOutDeviceAction, signOutEverywhereAction, turnOffTwoFactorAction } from "./actions";

export function SignOutDeviceForm({ authSessionId, device }: { authSessionId: string; device: string }) {
  return (
    <ActionForm action={signOutDeviceAction} aria-label={`Sign out ${device}`} layout="row">
      <input type="hidden" name="authSessionId" value={authSessionId} />
      <FormSubmit variant="secondary" pendingLabel="Signing out…">
        Sign out<span className="sr-only"> {device}</span>
      </FormSubmit>
    </ActionForm>
  );
}

export function SignOutEverywhereForm() {
  return (
    <ActionForm action={signOutEverywhereAction} aria-label="Sign out of all devices">
      <ConfirmButton
        title="Sign out of all devices?"
        description="Every device signed in to your account is signed out at its next request, this one included. You will need to sign in again."
        confirmLabel="Sign out of all devices"
      >
        Sign out of all devices
      </ConfirmButton>
    </ActionForm>
  );
}

export function ChangePasswordForm() {
  return (
    <ActionForm action={changePasswordAction} aria-label="Change password">
      <FormField name="currentPassword" label="Current password">
        <Input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" />
      </FormField>
      <FormField name="newPassword" label="New password" hint="At least 10 characters. Changing it signs you out everywhere, here too.">
        <Input id="newPassword" name="newPassword" type="password" autoComplete="new-password" />
      </FormField>
      <FormSubmit>Change password</FormSubmit>
    </ActionForm>
  );
}

export function TurnOffTwoFactorForm() {
  return (
    <ActionForm action={turnOffTwoFactorAction} aria-label="Turn off two-factor sign-in">
      <FormField name="password" label="Your password">
        <Input id="password" name="password" type="password" autoComplete="current-password" />
      </FormField>
      <FormField name="code" label="Code from your app, or a recovery code">
        <Input id="code" name="code" autoComplete="one-time-code" spellCheck={false} maxLength={40} />
      </FormField>
      <ConfirmButton
        title="Turn off two-factor sign-in?"
        description="You will sign in with your password only. Your recovery codes stop working."
        confirmLabel="Turn off"
        variant="secondary"
      >
        Turn off two-factor sign-in
      </ConfirmButton>
    </ActionForm>
  );
}
