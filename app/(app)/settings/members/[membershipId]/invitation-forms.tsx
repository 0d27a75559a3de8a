"use client";

import { ActionForm, FormSubmit } from "@/components/forms/action-form";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { changeInvitationAction } from "../actions";

export function InvitationForms({ membershipId, name }: { membershipId: string; name: string }) {
  return (
    <div className="flex flex-wrap items-start gap-3">
      <ActionForm action={changeInvitationAction} aria-label="Resend invitation">
        <input type="hidden" name="membershipId" value={membershipId} />
        <input type="hidden" name="change" value="resend" />
        <FormSubmit variant="secondary" pendingLabel="Sending…">
          Resend invitation
        </FormSubmit>
      </ActionForm>
      <ActionForm action={changeInvitationAction} aria-label="Revoke invitation">
        <input type="hidden" name="membershipId" value={membershipId} />
        <input type="hidden" name="change" value="revoke" />
        <ConfirmButton title={`Revoke the invitation for ${name}?`} description="The link in their email stops working. You can invite them again later." confirmLabel="Revoke invitation">
          Revoke invitation
        </ConfirmButton>
      </ActionForm>
    </div>
  );
}
