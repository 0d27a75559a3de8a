import { z } from "zod";
import { text } from "@/lib/validation/text";
import { EMERGENCY_RECORD_KINDS } from "@/lib/access/emergency-access";

import { MAX_EMERGENCY_HOURS, MIN_EMERGENCY_HOURS, MIN_EMERGENCY_REASON_LENGTH } from "./limits";

export const emergencyAccessInput = z.object({
  kind: z.enum(EMERGENCY_RECORD_KINDS),
  // Any string: a malformed id is "not found" like any other (the domain answers, not the parser).
  recordId: z.string().max(100),
  reason: text()
    .trim()
    .min(MIN_EMERGENCY_REASON_LENGTH, `Say why you need this record now, in at least ${MIN_EMERGENCY_REASON_LENGTH} characters.`)
    .max(1000, "Keep the reason under 1,000 characters."),
});
export type EmergencyAccessInput = z.output<typeof emergencyAccessInput>;

export const emergencyReviewInput = z.object({
  grantId: z.uuid(),
  note: text().trim().min(1, "Write a note: what you checked and what you concluded.").max(2000, "Keep the note under 2,000 characters."),
});

export const emergencyEndInput = z.object({ grantId: z.uuid() });

export const emergencySettingsInput = z.object({
  emergencyAccessEnabled: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
  emergencyAccessHours: z.coerce
    .number({ message: "Enter a number of hours." })
    .int("Use whole hours.")
    .min(MIN_EMERGENCY_HOURS, `Use at least ${MIN_EMERGENCY_HOURS} hour.`)
    .max(MAX_EMERGENCY_HOURS, `Use at most ${MAX_EMERGENCY_HOURS} hours.`),
});
export type EmergencySettings = z.output<typeof emergencySettingsInput>;
