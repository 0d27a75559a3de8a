"use client";

import { useState } from "react";
import { ActionForm, FormField, useActionFormState } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { Input, Select, Textarea } from "@/components/ui/field";
import type { IntakeAnswers, IntakeField } from "@/lib/clients/intake-fields";
import { saveIntakeAction } from "../../../../../actions";

export function IntakeFormFields({ profileId, requestId, fields, answers }: { profileId: string; requestId: string; fields: IntakeField[]; answers: IntakeAnswers }) {
  return (
    <ActionForm action={saveIntakeAction} successMessage="Draft saved. You can come back later." aria-label="Intake form">
      <input type="hidden" name="profileId" value={profileId} />
      <input type="hidden" name="requestId" value={requestId} />
      {fields.map((f) => {
        const name = `answer.${f.id}`;
        const label = `${f.label}${f.required ? "" : " (optional)"}`;
        return (
          <FormField key={f.id} name={name} label={label} hint={f.type === "signature" ? "Typing your name counts as your signature." : undefined}>
            {f.type === "choice" ? (
              <Select id={name} name={name} defaultValue={answers[f.id] ?? ""}>
                <option value="">Choose…</option>
                {(f.options ?? []).map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </Select>
            ) : f.type === "date" ? (
              <Input id={name} name={name} type="date" defaultValue={answers[f.id] ?? ""} />
            ) : f.type === "signature" ? (
              <Input id={name} name={name} autoComplete="name" defaultValue={answers[f.id] ?? ""} className="font-serif italic" />
            ) : (
              <Textarea id={name} name={name} defaultValue={answers[f.id] ?? ""} />
            )}
          </FormField>
        );
      })}
      <IntakeButtons />
    </ActionForm>
  );
}

/** Save draft and Submit form: both wait while either is sending; the one pressed says what it is doing. */
function IntakeButtons() {
  const { pending } = useActionFormState();
  const [intent, setIntent] = useState<"draft" | "submit">("submit");
  const label = (mine: "draft" | "submit", idle: string, busy: string) =>
    pending && intent === mine ? (
      <>
        <Spinner />
        {busy}
      </>
    ) : (
      idle
    );
  return (
    <div className="flex flex-wrap gap-2">
      <Button type="submit" name="intent" value="draft" variant="secondary" disabled={pending} aria-disabled={pending} onClick={() => setIntent("draft")}>
        {label("draft", "Save draft", "Saving…")}
      </Button>
      <Button type="submit" name="intent" value="submit" disabled={pending} aria-disabled={pending} onClick={() => setIntent("submit")}>
        {label("submit", "Submit form", "Sending…")}
      </Button>
    </div>
  );
}
