"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { SignInCodeState } from "@/lib/auth/two-factor/sign-in-code-state";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/errors";
import { retryAfterText } from "@/lib/rate-limit/retry-after-text";

function messageFor(state: SignInCodeState): string | null {
  switch (state.error) {
    case undefined:
      return null;
    case "missing":
      return "Enter the code from your authenticator app.";
    case "wrong_code": {
      const what = state.alreadyUsed ? "That code has already been used: each code works once. Wait for the next code from your app." : "That code isn't right.";
      return `${what} ${state.attemptsLeft === 1 ? "1 more try" : `${state.attemptsLeft} more tries`} before you need to sign in again.`;
    }
    case "locked":
      return `Too many wrong codes. Two-factor sign-in is locked; try again ${retryAfterText(state.retryAfterSeconds ?? 900)}.`;
    case "rate_limited":
      return `Too many attempts. Please try again ${retryAfterText(state.retryAfterSeconds ?? 60)}.`;
    case "unavailable":
      return DATABASE_UNAVAILABLE_MESSAGE;
    default:
      return "This sign-in has ended. Sign in with your password again.";
  }
}

/** The second step of a staff sign-in: a code from the authenticator app, or a recovery code. */
export function SignInCodeForm({ action: verify, callbackUrl }: { action: (prev: SignInCodeState, data: FormData) => Promise<SignInCodeState>; callbackUrl: string }) {
  const [state, action] = useActionState<SignInCodeState, FormData>(verify, {});
  const message = messageFor(state);
  const over = state.error === "expired" || state.error === "too_many" || state.error === "invalid";
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <p className="text-sm text-slate-700">Open your authenticator app and enter the 6-digit code it shows for Carebridge.</p>
      {message && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}{" "}
          {over && (
            <Link href="/sign-in" className="font-medium underline">
              Sign in again
            </Link>
          )}
        </p>
      )}
      <Field label="Code" htmlFor="code" hint="No phone to hand? Enter one of your recovery codes instead.">
        <Input id="code" name="code" autoComplete="one-time-code" inputMode="text" spellCheck={false} required autoFocus maxLength={40} />
      </Field>
      <SubmitButton className="w-full" pendingLabel="Checking…">
        Continue
      </SubmitButton>
    </form>
  );
}
