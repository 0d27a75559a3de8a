import { z } from "zod";
import { searchText, text } from "@/lib/validation/text";
import { SHARE_LEVELS } from "@/lib/access/sessions";
import { id } from "@/lib/organisations/schemas";
import { idempotencyKey } from "@/lib/idempotency/key-field";
import { accessEndDate } from "@/lib/access-ends/schemas";

export { id };

export const SESSION_STATUSES = ["draft", "in_progress", "ready_for_review", "completed"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const SESSION_STATUS_LABELS = {
  draft: "Draft",
  in_progress: "In progress",
  ready_for_review: "Ready for review",
  completed: "Completed",
} as const satisfies Record<SessionStatus, string>;

/** An empty form value ("no patient", "no team") arrives as "" and means null. */
const optionalId = z.preprocess((v) => (v === "" || v === undefined ? null : v), id.nullable());

export const sessionTitle = text().trim().min(1, "Enter a title.").max(200, "Keep the title under 200 characters.");
const longText = (what: string) => text().max(50_000, `Keep the ${what} under 50,000 characters.`);

export const createSessionInput = z.object({
  title: sessionTitle,
  clientId: optionalId,
  teamId: optionalId,
  visibility: z.enum(["private", "team"], { message: "Choose who can see the session." }),
  idempotencyKey,
});

export const updateSessionInput = z.object({
  sessionId: id,
  notes: longText("notes").optional(),
  context: longText("context").optional(),
  status: z.enum(SESSION_STATUSES, { message: "Choose a status." }).optional(),
  /**
   * An autosave of notes/context says which version it started from and the text it started from
   * (`notesBase`, `contextBase`): if someone else saved a different text since, the save is refused
   * as a conflict instead of replacing theirs. Without them (a status change) the save just applies.
   */
  version: z.coerce.number().int().min(0).optional(),
  notesBase: longText("notes").optional(),
  contextBase: longText("context").optional(),
});

export const setSessionPatientInput = z.object({ sessionId: id, clientId: optionalId });

export const addSessionDocumentInput = z.object({
  sessionId: id,
  title: text().trim().min(1, "Enter a title for the document.").max(200, "Keep the title under 200 characters."),
  body: text().trim().min(1, "Write the document's text.").max(50_000, "Keep the text under 50,000 characters."),
  idempotencyKey,
});

export const removeSessionDocumentInput = z.object({ sessionId: id, documentId: id });

export const setSessionVisibilityInput = z.object({
  sessionId: id,
  visibility: z.enum(["private", "team"], { message: "Choose who can see the session." }),
  teamId: optionalId,
});

const shareLevel = z.enum(SHARE_LEVELS, { message: "Choose an access level." });

/** Several colleagues are shared with at once (the dialog's chips); a person listed twice counts once. */
export const MAX_SHARE_RECIPIENTS = 20;

export const shareSessionInput = z.object({
  sessionId: id,
  userIds: z
    .array(z.uuid({ message: "Choose a colleague from the list." }), { message: "Choose a colleague from the list." })
    .min(1, "Choose at least one colleague.")
    .max(MAX_SHARE_RECIPIENTS, `Share with up to ${MAX_SHARE_RECIPIENTS} colleagues at a time.`),
  access: shareLevel,
  message: text()
    .trim()
    .max(1000, "Keep the message under 1,000 characters.")
    .transform((m) => m || undefined)
    .optional(),
  endsOn: accessEndDate.optional(),
  idempotencyKey,
});

export const changeShareLevelInput = z.object({ sessionId: id, userId: id, access: shareLevel });
export const removeShareInput = z.object({ sessionId: id, userId: id });
export const deleteSessionInput = z.object({ sessionId: id });
export const searchColleaguesInput = z.object({ sessionId: id, q: searchText().default("") });
/** Without a session: the new-session form's picker. */
export const searchPatientChoicesInput = z.object({ sessionId: optionalId, q: searchText().default("") });

export const listSessionsInput = z.object({
  tab: z.enum(["mine", "shared", "team"]).catch("mine"),
  q: searchText().catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
