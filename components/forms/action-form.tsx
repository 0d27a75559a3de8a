"use client";

import { createContext, startTransition, useActionState, useContext, useState, type ReactNode } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { ERROR_MESSAGES } from "@/lib/errors";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { IdempotencyKeyField } from "./idempotency-key-field";

const FormContext = createContext<{ state: FormState; pending: boolean }>({ state: {}, pending: false });

/**
 * A form bound to a server action returning FormState: shows the whole-form error, per-field
 * errors (FormField) and a success note, and keeps what the person typed when the server refuses.
 */
export function ActionForm({
  action,
  children,
  successMessage,
  className,
  idempotent,
  layout = "stack",
  "aria-label": ariaLabel,
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  children: ReactNode;
  /** Shown after a success; a function for a form whose confirmation depends on what happened. */
  successMessage?: string | ((state: FormState) => string);
  className?: string;
  /** A create form: sends an idempotency key, so a double submit creates one record (lib/idempotency). */
  idempotent?: boolean;
  /**
   * "stack": one part under another. "row": a one-line form (a field and its button), messages on a
   * line of their own above. "own": the className alone lays it out (a stack's vertical spacing
   * does not conflict with, say, a flex row's gap, so it would not be merged away).
   */
  layout?: "stack" | "row" | "own";
  "aria-label"?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  // An error tied to a field (fieldErrors[name] === "") is shown next to that field instead.
  const shownAtField = Object.values(state.fieldErrors ?? {}).includes("");
  return (
    <form
      aria-label={ariaLabel}
      className={cn(layout === "row" ? "flex flex-wrap items-end gap-3" : layout === "stack" ? "space-y-4" : null, className)}
      noValidate
      onSubmit={(event) => {
        // Submitting by hand keeps the inputs as typed (a plain form action resets them).
        event.preventDefault();
        const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
        startTransition(() => formAction(data));
      }}
    >
      <FormContext.Provider value={{ state, pending }}>
        {state.error && state.error !== "invalid_input" && !shownAtField && (
          <p role="alert" className="basis-full rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {ERROR_MESSAGES[state.error]}
          </p>
        )}
        {state.error === "invalid_input" && (
          <p role="alert" className="sr-only">
            {ERROR_MESSAGES.invalid_input}
          </p>
        )}
        {state.ok && successMessage && (
          <p role="status" key={state.savedAt} className="basis-full rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            {typeof successMessage === "function" ? successMessage(state) : successMessage}
          </p>
        )}
        {idempotent && <IdempotencyKeyField resetOn={state.savedAt} />}
        {children}
      </FormContext.Provider>
    </form>
  );
}

/** The surrounding ActionForm's last result and whether it is submitting, for parts that react to it. */
export function useActionFormState() {
  return useContext(FormContext);
}

/**
 * A labelled field whose error comes from the surrounding ActionForm's last result. `id` (default:
 * the name) is the control's id, for pages that repeat one form several times.
 */
export function FormField({
  name,
  label,
  hint,
  children,
  id,
  labelId,
  optional,
}: {
  name: string;
  label: string;
  hint?: string;
  children: ReactNode;
  id?: string;
  labelId?: string;
  optional?: boolean;
}) {
  const { state } = useContext(FormContext);
  // The field's error stays until the person changes the field, not until the next submit: a
  // corrected value next to a red "Choose a contact" reads as still wrong.
  const [changedSince, setChangedSince] = useState<FormState | null>(null);
  const error = changedSince === state ? undefined : state.fieldErrors?.[name];
  return (
    <Field label={label} htmlFor={id ?? name} labelId={labelId} hint={hint} optional={optional} error={error === "" && state.error ? ERROR_MESSAGES[state.error] : error} onEdit={() => setChangedSince(state)}>
      {children}
    </Field>
  );
}

export function FormSubmit({
  children,
  pendingLabel = "Saving…",
  variant = "primary",
  className,
  disabled = false,
  name,
  value,
}: {
  children: ReactNode;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  className?: string;
  disabled?: boolean;
  /** For a form with several submit buttons: the pressed one's name/value is submitted. */
  name?: string;
  value?: string;
}) {
  const { pending } = useContext(FormContext);
  return (
    <Button type="submit" variant={variant} disabled={pending || disabled} aria-disabled={pending || disabled} className={className} name={name} value={value}>
      {pending ? pendingLabel : children}
    </Button>
  );
}
