import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { outbox } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { canRetryLater, retryUntilFor } from "./retry-policy";
import { scheduleOutboxDelivery } from "./schedule-delivery";

/**
 * Retry in Settings → Messages: an undelivered message goes back to the outbox with a fresh retry
 * window. Admins only; a message of another organisation, or an access code (expired by now),
 * looks absent.
 */
export async function retryMessage(actor: StaffActor, input: { messageId: string }): Promise<void> {
  await assertCan(actor, "settings:edit");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [message] = await tx
      .select({ id: outbox.id, template: outbox.template, channel: outbox.channel })
      .from(outbox)
      .where(and(eq(outbox.id, input.messageId), eq(outbox.organisationId, actor.organisationId), eq(outbox.status, "failed")))
      .for("update");
    if (!message || !canRetryLater(message.template)) throw new AppError("not_found");
    const now = new Date();
    // Attempts start again, so the first retries come quickly. The id stays the provider's
    // idempotency key: a message the provider did take within the last 24 hours is not sent twice.
    await tx
      .update(outbox)
      .set({ status: "pending", attempts: 0, nextAttemptAt: now, retryUntil: retryUntilFor(message.template, now), failedAt: null, lastError: null })
      .where(eq(outbox.id, message.id));
    await recordStaffAudit(tx, actor, { action: "outbox.message_retried", target: { type: "outbox", id: message.id }, metadata: { kind: message.template, channel: message.channel } });
  });
  scheduleOutboxDelivery();
}
