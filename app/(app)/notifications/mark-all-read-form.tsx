"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { ERROR_MESSAGES } from "@/lib/errors";
import { markAllNotificationsReadAction } from "./actions";

export function MarkAllReadForm() {
  const [state, action] = useActionState(markAllNotificationsReadAction, {});
  return (
    <form action={action} className="flex items-center gap-3">
      {state.error ? (
        <p role="alert" className="text-sm text-red-700">
          {ERROR_MESSAGES[state.error]}
        </p>
      ) : null}
      <SubmitButton variant="secondary" size="sm" pendingLabel="Marking…">
        Mark all as read
      </SubmitButton>
    </form>
  );
}
