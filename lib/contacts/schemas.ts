import { z } from "zod";

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `Keep ${label} under ${max} characters.`)
    .transform((v) => v || null);

export const contactInput = z.object({
  contactId: z.uuid().optional(),
  name: z.string().trim().min(1, "Enter the contact's name.").max(120, "Keep the name under 120 characters."),
  organisationName: optionalText(160, "the organisation"),
  role: optionalText(80, "the role"),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(320)
    .refine((v) => v === "" || z.email().safeParse(v).success, "Enter a valid email address.")
    .transform((v) => v || null),
  mobile: z
    .string()
    .trim()
    .max(40)
    .refine((v) => v === "" || /^\+?[\d\s()-]{7,20}$/.test(v), "Enter a mobile number, e.g. +44 7700 900123.")
    .transform((v) => v || null),
  notes: z.string().trim().max(2000, "Keep notes under 2,000 characters.").default(""),
});
export type ContactInput = z.output<typeof contactInput>;
