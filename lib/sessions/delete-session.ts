import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { clinicalSessions, sessionShares } from "@/db/schema";
import { markNoticesRead } from "@/lib/notifications/mark-notices-read";
import type { StaffActor } from "@/lib/access/actor";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { loadSessionFor } from "./load-session";
import { sessionPath } from "./share-messages";
import type { deleteSessionInput } from "./schemas";

/**
 * Only the owner deletes. Deleting is soft: the row stays for the record, and nobody can open it.
 * The colleagues it was shared with stop being called to it: their unread notices about it are read.
 */
export async function deleteSession(actor: StaffActor, input: z.output<typeof deleteSessionInput>): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const session = await loadSessionFor(tx, actor, input.sessionId, "session:delete", { lock: true });
    await tx.update(clinicalSessions).set({ deletedAt: new Date() }).where(eq(clinicalSessions.id, session.id));
    const recipients = await tx.select({ userId: sessionShares.userId }).from(sessionShares).where(eq(sessionShares.sessionId, session.id));
    await markNoticesRead(tx, { organisationId: actor.organisationId, userIds: recipients.map((r) => r.userId), link: sessionPath(session.id) });
    await recordStaffAudit(tx, actor, {
      action: "session.deleted",
      target: { type: "clinical_session", id: session.id },
      clientId: session.clientId,
    });
  });
}
