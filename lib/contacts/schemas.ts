import { z } from "zod";
import { text } from "@/lib/validation/text";
import { idempotencyKey } from "@/lib/idempotency/key-field";

const optionalText = (max: number, label: string) =>
  text()
    .trim()
    .max(max, `Keep ${label} under ${max} characters.`)
    .transform((v) => v || null);

export const MOBILE_FORMAT = "Enter the mobile in international format, e.g. +44 7700 900123.";

/**
 * A mobile as SMS providers need it (E.164): "+" and 8–15 digits, spaces, dashes, dots and
 * brackets removed. A UK mobile typed nationally ("07700 900999") becomes +447700900999;
 * anything else is refused (null) rather than guessed.
 */
export function normaliseMobile(typed: string): string | null {
  const v = typed.trim().replace(/[\s\-().]/g, "");
  if (/^\+[1-9]\d{7,14}$/.test(v)) return v;
  if (/^07\d{9}$/.test(v)) return `+44${v.slice(1)}`;
  return null;
}

/** For display: "+447700900123" → "+44 7700 900123"; other countries as stored. */
export function formatMobile(mobile: string): string {
  const e164 = normaliseMobile(mobile) ?? mobile;
  const uk = /^\+44(7\d{3})(\d{6})$/.exec(e164);
  return uk ? `+44 ${uk[1]} ${uk[2]}` : e164;
}

export const contactInput = z.object({
  contactId: z.uuid().optional(),
  name: text().trim().min(1, "Enter the contact's name.").max(120, "Keep the name under 120 characters."),
  organisationName: optionalText(160, "the organisation"),
  role: optionalText(80, "the role"),
  email: text()
    .trim()
    .toLowerCase()
    .max(320)
    .refine((v) => v === "" || z.email().safeParse(v).success, "Enter a valid email address.")
    .transform((v) => v || null),
  mobile: text()
    .trim()
    .max(40, MOBILE_FORMAT)
    .refine((v) => v === "" || normaliseMobile(v) !== null, MOBILE_FORMAT)
    .transform((v) => (v ? normaliseMobile(v) : null)),
  notes: text().trim().max(2000, "Keep notes under 2,000 characters.").default(""),
  idempotencyKey,
});
export type ContactInput = z.output<typeof contactInput>;
