import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { sessionShares } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { maxShareForRole, shareAllowedForRole } from "@/lib/access/sessions";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError, conflictAt } from "@/lib/errors";
import { scheduleOutboxDelivery } from "@/lib/outbox/schedule-delivery";
import { findActiveColleague } from "./find-colleague";
import { loadSessionFor } from "./load-session";
import type { shareSessionInput } from "./schemas";
import { queueShareMessages } from "./share-messages";
import { once } from "@/lib/idempotency/once";

/**
 * Shares a session with an active colleague of the organisation (any team) at View, Edit or Full
 * access. Sharing with someone who already has a share changes their level instead of adding a
 * second one. The colleague is notified in-app and by email, both linking to the session.
 */
export async function shareSession(
  actor: StaffActor,
  input: z.output<typeof shareSessionInput>,
): Promise<{ outcome: "shared" | "changed" | "unchanged" }> {
  const db = await getDb();
  const outcome = await db.transaction((tx) =>
    once(tx, { actor, key: input.idempotencyKey, action: "session.share" }, async () => {
      const session = await loadSessionFor(tx, actor, input.sessionId, "session:share", { lock: true });
      const recipient = await findActiveColleague(tx, actor, input.userId);
      // The owner already has everything; a Full holder needs no share from themselves; a role
      // without the Sessions area cannot receive one at all.
      if (!recipient || recipient.userId === session.ownerId || recipient.userId === actor.userId || !maxShareForRole(recipient)) {
        throw new AppError("invalid_input", { field: "userId" });
      }
      if (!shareAllowedForRole(input.access, recipient)) throw new AppError("invalid_input", { field: "access" });

      const [existing] = await tx
        .select()
        .from(sessionShares)
        .where(and(eq(sessionShares.sessionId, session.id), eq(sessionShares.userId, recipient.userId)))
        .limit(1);
      if (existing?.access === input.access) return "unchanged" as const;

      if (existing) {
        await tx
          .update(sessionShares)
          .set({ access: input.access, grantedById: actor.userId, updatedAt: new Date() })
          .where(eq(sessionShares.id, existing.id));
      } else {
        await tx.insert(sessionShares).values({ sessionId: session.id, userId: recipient.userId, access: input.access, grantedById: actor.userId });
      }
      await recordStaffAudit(tx, actor, {
        action: existing ? "session.share_level_changed" : "session.shared",
        target: { type: "clinical_session", id: session.id },
      clientId: session.clientId,
        metadata: { userId: recipient.userId, ...(existing ? { from: existing.access } : {}), to: input.access, withMessage: Boolean(input.message) },
      });
      await queueShareMessages(tx, {
        actor,
        recipient,
        session,
        access: input.access,
        kind: existing ? "changed" : "shared",
        message: input.message,
      });
      return existing ? ("changed" as const) : ("shared" as const);
    })).catch(conflictAt("userId"));
  if (outcome !== "unchanged") scheduleOutboxDelivery();
  return { outcome };
}
