"use client";

import { useActionState } from "react";
import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { retryAfterText } from "@/lib/rate-limit/retry-after-text";
import { portalSignInAction, type PortalSignInState } from "../actions";

const MESSAGES = {
  invalid: "The email or password is incorrect.",
  missing: "Enter your email and password.",
  locked: "Too many failed attempts. Your login is locked for a few minutes; try again later.",
} as const;

export function PortalSignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState<PortalSignInState, FormData>(portalSignInAction, {});
  const message =
    state.error === "rate_limited" ? `Too many sign-in attempts. Please try again ${retryAfterText(state.retryAfterSeconds ?? 60)}.` : state.error ? MESSAGES[state.error] : null;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {message && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      )}
      <Field label="Email" htmlFor="email">
        <Input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email} autoFocus />
      </Field>
      <Field label="Password" htmlFor="password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      <SubmitButton className="w-full" pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
