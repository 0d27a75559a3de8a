import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { sessionShares } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { markNoticesRead } from "@/lib/notifications/mark-notices-read";
import { loadSessionFor } from "./load-session";
import { sessionPath } from "./share-messages";
import type { removeShareInput } from "./schemas";

/**
 * The owner or a Full-access holder removes a person's share. Team visibility, if any, still
 * applies to them. They are not emailed (the link would lead nowhere), and their unread
 * notifications about the session are marked read; access ends at their next request.
 */
export async function removeShare(actor: StaffActor, input: z.output<typeof removeShareInput>): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const session = await loadSessionFor(tx, actor, input.sessionId, "session:manage_access", { lock: true });
    const removed = await tx
      .delete(sessionShares)
      .where(and(eq(sessionShares.sessionId, session.id), eq(sessionShares.userId, input.userId)))
      .returning({ access: sessionShares.access });
    if (removed.length === 0) throw new AppError("invalid_input", { field: "userId" });
    // Their bell no longer calls them to a session they may not open: its unread notices are read.
    await markNoticesRead(tx, { organisationId: actor.organisationId, userIds: [input.userId], link: sessionPath(session.id) });
    await recordStaffAudit(tx, actor, {
      action: "session.share_removed",
      target: { type: "clinical_session", id: session.id },
      clientId: session.clientId,
      metadata: { userId: input.userId, access: removed[0]!.access },
    });
  });
}
