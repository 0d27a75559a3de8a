import "server-only";
import { and, count, desc, eq, isNotNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { outbox } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { canRetryLater } from "./retry-policy";

export interface UndeliveredMessage {
  id: string;
  channel: "email" | "sms";
  kind: string;
  to: string;
  subject: string | null;
  reason: string | null;
  attempts: number;
  createdAt: Date;
  failedAt: Date | null;
  canRetry: boolean;
}

/**
 * Settings → Messages (admins): the organisation's messages the outbox gave up on, newest first,
 * and how many are still being retried after a refusal.
 */
export async function listUndeliveredMessages(actor: StaffActor, opts: { page: number; pageSize: number }): Promise<{ items: UndeliveredMessage[]; total: number; retrying: number }> {
  await assertCan(actor, "settings:edit");
  const db = await getDb();
  const mine = eq(outbox.organisationId, actor.organisationId);
  const [rows, [total], [retrying]] = await Promise.all([
    db
      .select({
        id: outbox.id,
        channel: outbox.channel,
        kind: outbox.template,
        to: outbox.to,
        subject: outbox.subject,
        reason: outbox.lastError,
        attempts: outbox.attempts,
        createdAt: outbox.createdAt,
        failedAt: outbox.failedAt,
      })
      .from(outbox)
      .where(and(mine, eq(outbox.status, "failed")))
      .orderBy(sql`${outbox.failedAt} desc nulls last`, desc(outbox.createdAt))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db.select({ n: count() }).from(outbox).where(and(mine, eq(outbox.status, "failed"))),
    db.select({ n: count() }).from(outbox).where(and(mine, eq(outbox.status, "pending"), isNotNull(outbox.lastError))),
  ]);
  return { items: rows.map((r) => ({ ...r, canRetry: canRetryLater(r.kind) })), total: total?.n ?? 0, retrying: retrying?.n ?? 0 };
}
