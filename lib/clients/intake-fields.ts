import { z } from "zod";
import { CONTROL_CHARACTER_MESSAGE, isPlainText } from "@/lib/validation/text";

/** One question of an intake form (intake_forms.fields). */
export const intakeField = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  type: z.enum(["text", "choice", "date", "signature"]),
  options: z.array(z.string()).optional(),
  required: z.boolean().optional(),
});
export type IntakeField = z.infer<typeof intakeField>;
export const intakeFields = z.array(intakeField);

export type IntakeAnswers = Record<string, string>;

/**
 * Checks answers against the form: unknown keys are dropped, lengths capped, choices must be one
 * of the options, dates real ISO dates. A draft may leave required questions empty; a submission
 * may not. Returns the clean answers or one message per field.
 */
export function checkIntakeAnswers(
  fields: IntakeField[],
  raw: Record<string, unknown>,
  mode: "draft" | "submit",
): { ok: true; answers: IntakeAnswers } | { ok: false; fieldErrors: Record<string, string> } {
  const answers: IntakeAnswers = {};
  const fieldErrors: Record<string, string> = {};
  for (const f of fields) {
    const value = typeof raw[f.id] === "string" ? (raw[f.id] as string).trim() : "";
    if (value.length > 4000) {
      fieldErrors[f.id] = "Keep the answer under 4,000 characters.";
      continue;
    }
    if (!isPlainText(value)) {
      fieldErrors[f.id] = CONTROL_CHARACTER_MESSAGE;
      continue;
    }
    if (!value) {
      if (mode === "submit" && f.required) fieldErrors[f.id] = f.type === "signature" ? "Type your full name to sign." : "Answer this question.";
      continue;
    }
    if (f.type === "choice" && !(f.options ?? []).includes(value)) fieldErrors[f.id] = "Choose one of the options.";
    else if (f.type === "date" && !isIsoDate(value)) fieldErrors[f.id] = "Enter a valid date.";
    else if (f.type === "signature" && value.length < 2) fieldErrors[f.id] = "Type your full name to sign.";
    else answers[f.id] = value;
  }
  return Object.keys(fieldErrors).length ? { ok: false, fieldErrors } : { ok: true, answers };
}

function isIsoDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export const INTAKE_STATUS_LABELS = { sent: "Sent", draft: "Draft saved", submitted: "Submitted" } as const;
