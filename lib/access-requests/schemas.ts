import { z } from "zod";
import { id } from "@/lib/organisations/schemas";
import { accessEndDate } from "@/lib/access-ends/schemas";
import { text } from "@/lib/validation/text";

export const ACCESS_REQUEST_TARGETS = ["clinical_session", "client"] as const;
export type AccessRequestTarget = (typeof ACCESS_REQUEST_TARGETS)[number];

/** What a requester may ask for: sessions at View or Edit (Full is given, not asked for); charts: the access list. */
export const REQUESTABLE_SESSION_LEVELS = ["view", "edit"] as const;

export const requestAccessInput = z
  .object({
    targetType: z.enum(ACCESS_REQUEST_TARGETS),
    targetId: id,
    level: z.enum(REQUESTABLE_SESSION_LEVELS, { message: "Choose View or Edit." }).optional(),
    message: text()
      .trim()
      .max(1000, "Keep the message under 1,000 characters.")
      .transform((m) => m || undefined)
      .optional(),
  })
  .refine((v) => v.targetType !== "clinical_session" || v.level, { path: ["level"], message: "Choose View or Edit." });
export type RequestAccessInput = z.output<typeof requestAccessInput>;

export const ACCESS_REQUEST_ANSWERS = ["view", "edit", "approve", "decline"] as const;
export type AccessRequestAnswer = (typeof ACCESS_REQUEST_ANSWERS)[number];

/**
 * An answer. `endsOn` (approving: the last day of access, "" for none) and `reason` (declining:
 * sent to the requester) sit in the same form; each belongs to its kind of answer, and one filled
 * in for the other is refused rather than silently dropped.
 */
export const answerAccessRequestInput = z
  .object({
    requestId: id,
    answer: z.enum(ACCESS_REQUEST_ANSWERS),
    endsOn: accessEndDate,
    reason: text()
      .trim()
      .max(500, "Keep the reason under 500 characters.")
      .transform((m) => m || undefined)
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.answer !== "decline" && v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "A reason is sent only with Decline: clear it to approve." });
    if (v.answer === "decline" && v.endsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "An end date is for approving: clear it to decline." });
  });
export type AnswerAccessRequestInput = { requestId: string; answer: AccessRequestAnswer; endsOn?: Date | null; reason?: string };

export const pendingRequestInput = z.object({ targetType: z.enum(ACCESS_REQUEST_TARGETS), targetId: id });
