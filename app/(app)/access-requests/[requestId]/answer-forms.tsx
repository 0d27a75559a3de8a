"use client";

import { AccessEndDateField } from "@/components/access/access-end-date-field";
import { ActionForm, FormField, FormSubmit } from "@/components/forms/action-form";
import { Textarea } from "@/components/ui/field";
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

/**
 * One button per answer; the one chosen in the email comes first and is the primary button. An
 * approval may end by itself (the end-date field); a decline may say why (sent to the requester).
 */
export function AnswerForms({ requestId, targetType, chosen }: { requestId: string; targetType: "clinical_session" | "client"; chosen?: string }) {
  const answers = [...ANSWERS[targetType]].sort((a, b) => Number(b.answer === chosen) - Number(a.answer === chosen));
  return (
    <ActionForm action={answerAccessRequestAction} aria-label="Answer the request" successMessage="Answered. They have been told.">
      <input type="hidden" name="requestId" value={requestId} />
      <AccessEndDateField id="request-ends-on" label="If you approve: access ends" />
      <FormField name="reason" id="request-reason" label="If you decline: why" hint="Sent to them with the answer." optional>
        <Textarea id="request-reason" name="reason" rows={2} maxLength={500} />
      </FormField>
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
