"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { attemptsLeftText } from "@/lib/portal/attempts-text";
import type { CodeChannel } from "@/lib/portal/security-level";
import { openLinkAction, sendCodeAction, verifyCodeAction, type PortalFormState } from "./actions";

const MESSAGES: Record<NonNullable<PortalFormState["error"]>, string> = {
  unavailable: "This link can't be used. Ask the clinic to send it again.",
  expired: "This link has expired. Ask the clinic to send it again.",
  locked: "This link is locked after too many incorrect codes. Ask the clinic to send it again.",
  rate_limited: "Too many attempts. Please wait a few minutes and try again.",
  code_required: "This document needs a code sent to your mobile.",
  no_mobile: "The clinic has no mobile number for you, so we can't send a code. Ask the clinic to update your details.",
  no_email: "The clinic has no email address for you, so we can't send a code. Ask the clinic to update your details.",
  no_code: "Ask for a code first.",
  wrong_code: "That code isn't right. Check the code you were sent and try again.",
  code_expired: "That code has expired. Send a new code and enter it within 10 minutes.",
  code_used: "That code has already been used. Send a new code.",
  too_many_for_code: "Too many incorrect tries for this code. Send a new code.",
  invalid_code_format: "Enter the 6-digit code you were sent.",
};

function ErrorText({ state, id }: { state: PortalFormState; id: string }) {
  if (!state.error) return null;
  const warning = attemptsLeftText(state.attemptsLeft);
  return (
    <p id={id} role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {MESSAGES[state.error]}
      {warning && <span className="mt-1 block font-medium">{warning}</span>}
    </p>
  );
}

/** "View document", or "View documents" for a share of several. */
const viewLabel = (several: boolean) => (several ? "View documents" : "View document");

export function ViewDocumentForm({ token, several = false }: { token: string; several?: boolean }) {
  const [state, action, pending] = useActionState(openLinkAction, {});
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <ErrorText state={state} id="view-error" />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? "Opening…" : viewLabel(several)}
      </Button>
    </form>
  );
}

const WHERE: Record<CodeChannel, { to: string; field: string; verb: string }> = {
  sms: { to: "your mobile", field: "Code from the text message", verb: "text" },
  email: { to: "your email", field: "Code from the email", verb: "email" },
};

/**
 * Ask for a code, then type it. `maskedTo` is where codes go ("•••• ••• 123", "p•••@northside.test").
 * A new code clears the previous attempt's error: it was about the old code.
 */
export function CodeForms({ token, channel, maskedTo, codePending, several = false }: { token: string; channel: CodeChannel; maskedTo: string; codePending: boolean; several?: boolean }) {
  const [sent, send, sending] = useActionState(sendCodeAction, {});
  const [checked, check, checking] = useActionState(verifyCodeAction, {});
  const where = WHERE[channel];
  const codeSent = codePending || Boolean(sent.sentTo);
  const to = sent.sentTo ?? maskedTo;
  // The attempt's error belongs to the code it was about: a newer send hides it.
  const attempt = (checked.at ?? 0) > (sent.at ?? 0) ? checked : {};
  // A code that can no longer work: nothing more to type until a new one is sent.
  const dead = attempt.error === "too_many_for_code" || attempt.error === "code_expired" || attempt.error === "code_used";
  return (
    <div className="space-y-5">
      <form action={send} className="space-y-3">
        <input type="hidden" name="token" value={token} />
        <p className="text-sm text-slate-600" role="status" key={sent.at}>
          {sent.sentTo && ((sent.sends ?? 0) > 1 || codePending) ? (
            <>
              We sent a new code to <span className="font-medium text-slate-900">{to}</span>. Earlier codes no longer work; this one works for 10 minutes.
            </>
          ) : codeSent ? (
            <>
              We sent a 6-digit code to {where.to}, <span className="font-medium text-slate-900">{to}</span>. It works for 10 minutes.
            </>
          ) : (
            <>
              To protect {several ? "these documents" : "this document"}, we&apos;ll {where.verb} a 6-digit code to {where.to} <span className="font-medium text-slate-900">{channel === "sms" ? `ending in ${lastDigits(maskedTo)}` : maskedTo}</span>.
            </>
          )}
        </p>
        <ErrorText state={sent} id="send-error" />
        <Button type="submit" variant={codeSent ? "secondary" : "primary"} disabled={sending}>
          {sending ? "Sending…" : codeSent ? "Send a new code" : "Send me a code"}
        </Button>
      </form>
      {codeSent && (
        <form action={check} className="space-y-3 border-t border-slate-200 pt-5">
          <input type="hidden" name="token" value={token} />
          <label htmlFor="code" className="block text-sm font-medium text-slate-900">
            {where.field}
          </label>
          <Input
            id="code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="\d{6}"
            maxLength={6}
            className="max-w-40 text-center text-lg tracking-[0.3em]"
            aria-invalid={attempt.error ? true : undefined}
            aria-describedby={attempt.error ? "code-error" : undefined}
            key={`${checked.at}-${sent.at}`}
            autoFocus
            disabled={dead}
          />
          <ErrorText state={attempt} id="code-error" />
          <Button type="submit" disabled={checking || dead}>
            {checking ? "Checking…" : viewLabel(several)}
          </Button>
        </form>
      )}
    </div>
  );
}

/** "•••• ••• 123" → "123" */
const lastDigits = (masked: string) => masked.replace(/\D/g, "");
