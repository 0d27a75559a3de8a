"use client";

import { ActionForm, FormField, FormSubmit } from "@/components/forms/action-form";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Textarea } from "@/components/ui/field";
import { endEmergencyAccessAction, reviewEmergencyAccessAction } from "./actions";

export function ReviewForm({ grantId, holderName }: { grantId: string; holderName: string }) {
  const field = `note-${grantId}`;
  return (
    <ActionForm action={reviewEmergencyAccessAction} aria-label={`Review ${holderName}'s emergency access`}>
      <input type="hidden" name="grantId" value={grantId} />
      <FormField name="note" id={field} label="Review note" hint="What you checked and what you concluded (for example: confirmed with the clinician, justified).">
        <Textarea id={field} name="note" rows={2} required maxLength={2000} />
      </FormField>
      <FormSubmit variant="secondary" pendingLabel="Saving…">
        Mark reviewed
      </FormSubmit>
    </ActionForm>
  );
}

export function EndNowForm({ grantId, holderName }: { grantId: string; holderName: string }) {
  return (
    <ActionForm action={endEmergencyAccessAction} aria-label={`End ${holderName}'s emergency access`}>
      <input type="hidden" name="grantId" value={grantId} />
      <ConfirmButton
        title={`End ${holderName}'s emergency access now?`}
        description="They lose access to the record at their next click. You can still review this use afterwards."
        confirmLabel="End access now"
        size="sm"
        pendingLabel="Ending…"
      >
        End access now
      </ConfirmButton>
    </ActionForm>
  );
}
