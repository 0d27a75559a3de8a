"use client";

import { useActionState } from "react";
import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { SignInState } from "@/lib/actions/sign-in-state";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/errors";
import { retryAfterText } from "@/lib/rate-limit/retry-after-text";

const MESSAGES = {
  invalid: "The email or password is incorrect.",
  missing: "Enter your email and password.",
  locked: "Too many failed attempts for this account. It is locked for a few minutes; try again later.",
  ended: "Your access here has ended, so you can no longer sign in. If you think this is a mistake, contact the clinic.",
  unavailable: DATABASE_UNAVAILABLE_MESSAGE,
} as const;

/** Email + password sign-in, for staff and for the client portal. */
export function PasswordSignInForm({
  action: signIn,
  callbackUrl,
  defaultEmail,
}: {
  action: (prev: SignInState, data: FormData) => Promise<SignInState>;
  callbackUrl: string;
  defaultEmail?: string;
}) {
  const [state, action] = useActionState<SignInState, FormData>(signIn, {});
  const message =
    state.error === "rate_limited"
      ? `Too many sign-in attempts. Please try again ${retryAfterText(state.retryAfterSeconds ?? 60)}.`
      : state.error
        ? MESSAGES[state.error]
        : null;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {message && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      )}
      <Field label="Email" htmlFor="email">
        <Input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email ?? defaultEmail} autoFocus={!defaultEmail} />
      </Field>
      <Field label="Password" htmlFor="password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required autoFocus={Boolean(defaultEmail)} />
      </Field>
      <SubmitButton className="w-full" pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
