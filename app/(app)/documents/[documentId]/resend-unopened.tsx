"use client";

import { ActionForm, FormSubmit } from "@/components/forms/action-form";
import { reshareDocumentAction } from "../actions";

/**
 * Where the "did not open … — Resend" notification leads: the document, with the offer to send it
 * again to the same contact (a new share, same purpose). Shown only to those who may share it.
 */
export function ResendUnopened({ shareId, contactName }: { shareId: string; contactName: string }) {
  return (
    <section aria-labelledby="resend-unopened-heading" data-print="hide" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <h2 id="resend-unopened-heading" className="font-semibold">
        {contactName} did not open this document
      </h2>
      <p className="mt-1">The link expired unopened after 24 hours. Send it again: {contactName} gets a new email with a new link, for the same purpose.</p>
      <ActionForm idempotent action={reshareDocumentAction} aria-label={`Send again to ${contactName}`} className="mt-3">
        <input type="hidden" name="shareId" value={shareId} />
        <FormSubmit pendingLabel="Sending…">Resend to {contactName}</FormSubmit>
      </ActionForm>
    </section>
  );
}
