import { z } from "zod";
import { DOCUMENT_KINDS } from "@/lib/access/documents";
import { text } from "@/lib/validation/text";
import { MAX_REPLY_NOTE_LENGTH } from "./limits";

/** The portal's "Send a document back" form (the file is checked by content in sendReply). */
export const sendReplyInput = z.object({
  note: text().trim().max(MAX_REPLY_NOTE_LENGTH, `Keep the note under ${MAX_REPLY_NOTE_LENGTH} characters.`).default(""),
});

/** Inbox → File as a document of a kind, with a title. */
export const fileReplyInput = z.object({
  replyId: z.uuid(),
  kind: z.enum(DOCUMENT_KINDS, { message: "Choose what kind of document this is." }),
  title: text().trim().min(1, "Enter a title.").max(200, "Keep the title under 200 characters."),
});

export const discardReplyInput = z.object({ replyId: z.uuid() });
