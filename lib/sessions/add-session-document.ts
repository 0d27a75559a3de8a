import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { clinicalSessions, documents } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { loadSessionFor } from "./load-session";
import type { addSessionDocumentInput } from "./schemas";
import { once } from "@/lib/idempotency/once";

/**
 * Adds a document to the session. Documents belong to a client, so the session needs a patient
 * profile first; the document is filed on that chart and linked to the session.
 */
export async function addSessionDocument(actor: StaffActor, input: z.output<typeof addSessionDocumentInput>): Promise<{ documentId: string }> {
  const db = await getDb();
  return db.transaction((tx) =>
    once(tx, { actor, key: input.idempotencyKey, action: "session.add_document" }, async () => {
      const session = await loadSessionFor(tx, actor, input.sessionId, "session:edit_documents", { lock: true });
      if (!session.clientId) throw new AppError("invalid_input", { field: "title" });
      const [doc] = await tx
        .insert(documents)
        .values({
          organisationId: actor.organisationId,
          clientId: session.clientId,
          sessionId: session.id,
          kind: "document",
          title: input.title,
          content: { body: input.body },
          authorId: actor.userId,
        })
        .returning({ id: documents.id });
      await tx.update(clinicalSessions).set({ updatedAt: new Date() }).where(eq(clinicalSessions.id, session.id));
      await recordStaffAudit(tx, actor, {
        action: "session.document_added",
        target: { type: "clinical_session", id: session.id },
      clientId: session.clientId,
        metadata: { documentId: doc!.id },
      });
      return { documentId: doc!.id };
    }));
}
