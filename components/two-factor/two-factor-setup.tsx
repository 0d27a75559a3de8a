"use client";

import Link from "next/link";
import { useActionState } from "react";
import { ButtonLink } from "@/components/ui/button";
import { CopyButton, DownloadTextButton } from "@/components/ui/copy-button";
import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/actions/form-state";
import { ERROR_MESSAGES } from "@/lib/errors";

type State = FormState & { recoveryCodes?: string[] };

/** Scan (or type) the secret, confirm with a first code, then keep the recovery codes shown once. */
export function TwoFactorSetupSteps({
  action: enable,
  qrCodeDataUrl,
  secret,
  email,
  clinicName,
  next,
  notNowHref,
}: {
  action: (prev: State, data: FormData) => Promise<State>;
  qrCodeDataUrl: string;
  secret: string;
  email: string;
  clinicName: string;
  next: string;
  /** Where "Not now" leads; absent when the organisation requires it. Gone once it is on. */
  notNowHref?: string;
}) {
  const [state, action] = useActionState<State, FormData>(enable, {});
  if (state.recoveryCodes) {
    const made = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" }).format(new Date());
    const saved =
      `Carebridge recovery codes for ${email} (${clinicName}), made ${made}\n` +
      `Each code signs you in once instead of a code from your app. Setting up two-factor sign-in again replaces them.\n\n` +
      `${state.recoveryCodes.join("\n")}\n`;
    return (
      <div className="space-y-4">
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          Two-factor sign-in is on. From now on you sign in with your password and a code from your app.
        </p>
        <h2 className="text-base font-semibold text-slate-900">Save your recovery codes</h2>
        <p className="text-sm text-slate-700">
          If you lose your phone, each of these codes signs you in once instead of a code from the app. Keep them somewhere safe (a password manager, or
          printed). They are shown only now.
        </p>
        <ol id="recovery-codes" aria-label="Recovery codes" className="grid grid-cols-2 gap-2 rounded-md border border-slate-200 bg-slate-50 p-4 font-mono text-sm text-slate-900">
          {state.recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ol>
        <div className="flex flex-wrap gap-2">
          <CopyButton text={state.recoveryCodes.join("\n")} label="Copy codes" selectId="recovery-codes" />
          <DownloadTextButton text={saved} filename="carebridge-recovery-codes.txt" label="Download as a text file" />
        </div>
        <ButtonLink href={next} variant="primary">
          I have saved my recovery codes
        </ButtonLink>
      </div>
    );
  }
  const error = state.error ? (state.fieldErrors?.code || ERROR_MESSAGES[state.error]) : undefined;
  return (
    <div className="space-y-5">
      <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
        <li>Open an authenticator app on your phone (such as Google Authenticator, Microsoft Authenticator or 1Password).</li>
        <li>Scan this QR code, or enter the key below by hand.</li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      <div className="flex flex-wrap items-center gap-5">
        {/* A data URL: allowed by the Content-Security-Policy's img-src. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={qrCodeDataUrl} alt={`QR code to add Carebridge (${email}) to your authenticator app`} width={176} height={176} className="rounded border border-slate-200" />
        <div className="min-w-0 text-sm">
          <p className="font-medium text-slate-800">Key for entering by hand</p>
          <p className="mt-1 break-all font-mono text-slate-900" data-testid="two-factor-secret">
            {secret}
          </p>
          <p className="mt-1 text-slate-600">Time-based, 6 digits.</p>
        </div>
      </div>
      <form action={action} className="space-y-4" noValidate aria-label="Confirm two-factor sign-in">
        <Field label="Code from your app" htmlFor="code" error={error}>
          <Input id="code" name="code" autoComplete="one-time-code" inputMode="numeric" spellCheck={false} maxLength={10} required />
        </Field>
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton pendingLabel="Checking…">Turn on two-factor sign-in</SubmitButton>
          {notNowHref ? (
            <Link href={notNowHref} className="text-sm font-medium text-teal-800 hover:underline">
              Not now
            </Link>
          ) : null}
        </div>
      </form>
    </div>
  );
}
