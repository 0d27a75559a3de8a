import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { clinicalSessions } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { loadSessionFor } from "./load-session";
import type { deleteSessionInput } from "./schemas";

/** Only the owner deletes. Deleting is soft: the row stays for the record, and nobody can open it. */
export async function deleteSession(actor: StaffActor, input: z.output<typeof deleteSessionInput>): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const session = await loadSessionFor(tx, actor, input.sessionId, "session:delete", { lock: true });
    await tx.update(clinicalSessions).set({ deletedAt: new Date() }).where(eq(clinicalSessions.id, session.id));
    await recordStaffAudit(tx, actor, {
      action: "session.deleted",
      target: { type: "clinical_session", id: session.id },
      clientId: session.clientId,
    });
  });
}
