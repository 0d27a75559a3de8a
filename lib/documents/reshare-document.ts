import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { documents, documentShares } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { AppError } from "@/lib/errors";
import { shareDocument } from "./share-document";

/**
 * "Did not open … — Resend": sends the document again to the same contact as a new share, for the
 * same purpose and with the same code fallback, through shareDocument (which asks the policy, emails
 * the contact and audits). The earlier share is left as it is (expired, and shown so).
 * A share of another organisation is not found.
 */
export async function reshareDocument(actor: StaffActor, input: { shareId: string; idempotencyKey?: string }): Promise<{ shareId: string; documentId: string }> {
  const db = await getDb();
  const [earlier] = await db
    .select({ documentId: documentShares.documentId, contactId: documentShares.contactId, purpose: documentShares.purpose, purposeNote: documentShares.purposeNote, securityLevel: documentShares.securityLevel })
    .from(documentShares)
    .innerJoin(documents, eq(documents.id, documentShares.documentId))
    .where(and(eq(documentShares.id, input.shareId), eq(documents.organisationId, actor.organisationId)));
  if (!earlier) throw new AppError("not_found");
  // Shares from before the purpose was asked have none, and a purpose is never guessed: those are
  // shared again from the document's Share dialog.
  if (!earlier.purpose) throw new AppError("invalid_input", { field: "purpose" });
  const { shareId } = await shareDocument(actor, {
    documentId: earlier.documentId,
    contactId: earlier.contactId,
    purpose: earlier.purpose,
    purposeNote: earlier.purposeNote,
    codeByEmail: earlier.securityLevel === "link_and_email_code",
    idempotencyKey: input.idempotencyKey,
  });
  return { shareId, documentId: earlier.documentId };
}
