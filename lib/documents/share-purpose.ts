import { z } from "zod";
import { text } from "@/lib/validation/text";

/**
 * Why a document was shared outside the clinic. Asked on every external share (an accounting of
 * disclosures names the purpose), stored on the share, shown to staff and to the client.
 */
export const SHARE_PURPOSES = ["continuing_care", "referral", "insurer_billing", "legal", "client_request", "other"] as const;
export type SharePurpose = (typeof SHARE_PURPOSES)[number];

export const SHARE_PURPOSE_LABELS: Record<SharePurpose, string> = {
  continuing_care: "Continuing care",
  referral: "Referral",
  insurer_billing: "Insurer or billing",
  legal: "Legal",
  client_request: "At the client's request",
  other: "Other",
};

export const sharePurpose = z.enum(SHARE_PURPOSES, { message: "Choose why you are sharing it." });

export const PURPOSE_NOTE_MAX = 200;

/** The note is required with "Other" and ignored otherwise, so an old note never rides along. */
export const sharePurposeNote = text().trim().max(PURPOSE_NOTE_MAX, `Keep the purpose under ${PURPOSE_NOTE_MAX} characters.`).optional();

/** Use in an object schema's superRefine: "Other" needs its text. */
export function refinePurposeNote(value: { purpose?: SharePurpose; purposeNote?: string }, ctx: z.RefinementCtx) {
  if (value.purpose === "other" && !value.purposeNote) ctx.addIssue({ code: "custom", path: ["purposeNote"], message: "Say what the purpose is." });
}

/**
 * "Referral", "Other: court order". Shares made before purposes were asked have none (null):
 * "Not recorded", never a guess.
 */
export function sharePurposeLabel(purpose: SharePurpose | null, note?: string | null): string {
  if (!purpose) return "Purpose not recorded";
  if (purpose === "other") return note ? `Other: ${note}` : SHARE_PURPOSE_LABELS.other;
  return SHARE_PURPOSE_LABELS[purpose];
}

/** The stored note for a purpose: only "Other" keeps one. */
export function purposeNoteFor(purpose: SharePurpose, note: string | null | undefined): string | null {
  return purpose === "other" ? note?.trim() || null : null;
}
