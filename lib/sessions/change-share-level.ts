import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { sessionShares } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { liveGrant } from "@/lib/access/access-end";
import { shareAllowedForRole } from "@/lib/access/sessions";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { scheduleOutboxDelivery } from "@/lib/outbox/schedule-delivery";
import { findActiveColleague } from "./find-colleague";
import { loadSessionFor } from "./load-session";
import type { changeShareLevelInput } from "./schemas";
import { queueShareMessages } from "./share-messages";

/**
 * The owner or a Full-access holder changes another person's level, never their own (who first
 * shared it is kept; the changer is recorded beside them). The owner holds no share, so
 * their access can never be changed here. The person is notified; the change counts at their next
 * request because access is read fresh every time.
 */
export async function changeShareLevel(actor: StaffActor, input: z.output<typeof changeShareLevelInput>): Promise<void> {
  const db = await getDb();
  const changed = await db.transaction(async (tx) => {
    const session = await loadSessionFor(tx, actor, input.sessionId, "session:manage_access", { lock: true });
    // A Full holder manages others' access, never their own (it could only be raised or kept).
    if (input.userId === actor.userId) throw new AppError("own_access", { field: "userId" });
    const [share] = await tx
      .select()
      .from(sessionShares)
      .where(and(eq(sessionShares.sessionId, session.id), eq(sessionShares.userId, input.userId), liveGrant(sessionShares.expiresAt)))
      .limit(1);
    const recipient = share ? await findActiveColleague(tx, actor, share.userId) : null;
    if (!share || !recipient || recipient.userId === session.ownerId) throw new AppError("invalid_input", { field: "userId" });
    if (!shareAllowedForRole(input.access, recipient)) throw new AppError("invalid_input", { field: "access" });
    if (share.access === input.access) return false;

    await tx.update(sessionShares).set({ access: input.access, levelChangedById: actor.userId, updatedAt: new Date() }).where(eq(sessionShares.id, share.id));
    await recordStaffAudit(tx, actor, {
      action: "session.share_level_changed",
      target: { type: "clinical_session", id: session.id },
      clientId: session.clientId,
      metadata: { userId: recipient.userId, from: share.access, to: input.access },
    });
    await queueShareMessages(tx, { actor, recipient, session, access: input.access, kind: "changed" });
    return true;
  });
  if (changed) scheduleOutboxDelivery();
}
