"use client";

import { ActionForm, FormSubmit } from "@/components/forms/action-form";
import { answerAccessRequestAction } from "../actions";

const ANSWERS = {
  clinical_session: [
    { answer: "view", label: "Approve at View" },
    { answer: "edit", label: "Approve at Edit" },
    { answer: "decline", label: "Decline" },
  ],
  client: [
    { answer: "approve", label: "Approve" },
    { answer: "decline", label: "Decline" },
  ],
} as const;

/** One button per answer; the one chosen in the email comes first and is the primary button. */
export function AnswerForms({ requestId, targetType, chosen }: { requestId: string; targetType: "clinical_session" | "client"; chosen?: string }) {
  const answers = [...ANSWERS[targetType]].sort((a, b) => Number(b.answer === chosen) - Number(a.answer === chosen));
  return (
    <ActionForm action={answerAccessRequestAction} aria-label="Answer the request" successMessage="Answered. They have been told.">
      <input type="hidden" name="requestId" value={requestId} />
      <div className="flex flex-wrap gap-2">
        {answers.map((a, i) => (
          <SubmitAnswer key={a.answer} answer={a.answer} label={a.label} primary={chosen ? a.answer === chosen : i === 0} />
        ))}
      </div>
    </ActionForm>
  );
}

function SubmitAnswer({ answer, label, primary }: { answer: string; label: string; primary: boolean }) {
  // The pressed button's name/value travels with the form (ActionForm passes the submitter).
  return (
    <span className="contents">
      <FormSubmit variant={answer === "decline" ? "secondary" : primary ? "primary" : "secondary"} pendingLabel="Sending…" name="answer" value={answer}>
        {label}
      </FormSubmit>
    </span>
  );
}
