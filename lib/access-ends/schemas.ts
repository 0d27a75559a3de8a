import { z } from "zod";
import { id } from "@/lib/organisations/schemas";
import { addDays, clinicDay, endOfClinicDay, isDay, MAX_END_DATE_DAYS } from "./end-date";

/**
 * The end-date field: "" (no end date) or a day from today to five years ahead, clinic time.
 * Parses to the instant access ends (null: no end).
 */
export const accessEndDate = z
  .preprocess((v) => (v === undefined || v === null ? "" : v), z.string().trim())
  .superRefine((v, ctx) => {
    if (v === "") return;
    if (!isDay(v)) return void ctx.addIssue({ code: "custom", message: "Enter a date, e.g. 31/01/2027." });
    const today = clinicDay(new Date());
    if (v < today) ctx.addIssue({ code: "custom", message: "Choose today or a later date." });
    else if (v > addDays(today, MAX_END_DATE_DAYS)) ctx.addIssue({ code: "custom", message: "Choose a date within five years, or no end date." });
  })
  .transform((v) => (v === "" ? null : endOfClinicDay(v)));

export const setAccessEndInput = z.discriminatedUnion("grant", [
  z.object({ grant: z.literal("session_share"), sessionId: id, userId: id, endsOn: accessEndDate }),
  z.object({ grant: z.literal("client_access"), clientId: id, userId: id, endsOn: accessEndDate }),
  z.object({ grant: z.literal("portal_profile"), clientId: id, portalAccountId: id, endsOn: accessEndDate }),
]);
export type SetAccessEndInput = z.output<typeof setAccessEndInput>;
