"use client";

import { ActionForm, FormSubmit } from "@/components/forms/action-form";
import { retryMessageAction } from "./actions";

export function RetryForm({ messageId }: { messageId: string }) {
  return (
    <ActionForm action={retryMessageAction} aria-label="Retry this message">
      <input type="hidden" name="messageId" value={messageId} />
      <FormSubmit variant="secondary" pendingLabel="Retrying…">
        Retry
      </FormSubmit>
    </ActionForm>
  );
}
