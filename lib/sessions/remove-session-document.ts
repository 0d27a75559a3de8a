import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { clinicalSessions, documents } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { loadSessionFor } from "./load-session";
import type { removeSessionDocumentInput } from "./schemas";

/** Takes a document out of the session. It stays on the client's chart: only the link goes. */
export async function removeSessionDocument(actor: StaffActor, input: z.output<typeof removeSessionDocumentInput>): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const session = await loadSessionFor(tx, actor, input.sessionId, "session:edit_documents", { lock: true });
    const unlinked = await tx
      .update(documents)
      .set({ sessionId: null, updatedAt: new Date() })
      .where(and(eq(documents.id, input.documentId), eq(documents.sessionId, session.id), isNull(documents.deletedAt)))
      .returning({ id: documents.id });
    if (unlinked.length === 0) throw new AppError("not_found");
    await tx.update(clinicalSessions).set({ updatedAt: new Date() }).where(eq(clinicalSessions.id, session.id));
    await recordStaffAudit(tx, actor, {
      action: "session.document_removed",
      target: { type: "clinical_session", id: session.id },
      clientId: session.clientId,
      metadata: { documentId: input.documentId },
    });
  });
}
