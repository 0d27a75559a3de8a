import { z } from "zod";
import { DOCUMENT_KINDS } from "@/lib/access/documents";
import { idempotencyKey } from "@/lib/idempotency/key-field";
import { text } from "@/lib/validation/text";
import { CONTENT_SCHEMAS } from "./content";
import { MAX_DOCUMENTS_PER_SHARE } from "./share-limits";
import { refinePurposeNote, sharePurpose, sharePurposeNote } from "./share-purpose";

/** The new/edit document form (after contentFromForm), one shape per kind. */
export const documentInput = z.discriminatedUnion(
  "kind",
  DOCUMENT_KINDS.map((kind) =>
    z.object({
      kind: z.literal(kind),
      documentId: z.uuid().optional(),
      clientId: z.uuid({ message: "Choose a client." }),
      title: text().trim().max(200, "Keep the title under 200 characters."),
      content: CONTENT_SCHEMAS[kind],
      file: z.instanceof(Buffer).optional(),
      filename: text().max(200).optional(),
      removeFile: z.boolean().optional(),
      idempotencyKey,
    }),
  ) as unknown as [z.ZodObject, z.ZodObject, ...z.ZodObject[]],
);

/** Share → a contact of the organisation. */
export const shareDocumentInput = z
  .object({ documentId: z.uuid(),
    // "Add documents of this client": further documents in the same share (one email, one link).
    moreDocumentIds: z.array(z.uuid()).max(MAX_DOCUMENTS_PER_SHARE - 1, `One share carries at most ${MAX_DOCUMENTS_PER_SHARE} documents.`).optional(),
    contactId: z.uuid({ message: "Choose a contact from the list." }), purpose: sharePurpose,
    purposeNote: sharePurposeNote,
    // The checkbox "send the code by email instead" (only offered when the contact has no mobile).
    codeByEmail: z.union([z.literal("on"), z.boolean()]).optional().transform((v) => v === "on" || v === true),
    idempotencyKey,
  })
  .superRefine(refinePurposeNote);
