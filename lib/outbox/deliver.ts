import "server-only";
import { and, eq, inArray, lte, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { outbox } from "@/db/schema";
import { resendProvider } from "@/lib/mail/resend-provider";
import { twilioProvider } from "@/lib/sms/twilio-provider";
import { callWithTimeout, providerErrorCode } from "./provider-error";
import type { OutboxMessage, Providers } from "./providers";
import { backoffSeconds, providerTimeoutMs, retryPolicyFor } from "./retry-policy";

/**
 * How long a claimed message stays ours before another deliverer may take it over (crash safety).
 * Always well beyond the provider timeout, so a slow attempt is never taken over mid-call.
 */
const claimMs = () => Math.max(120_000, 3 * providerTimeoutMs());

let configured: Providers | undefined;
function defaultProviders(): Providers {
  configured ??= { email: resendProvider(), sms: twilioProvider() };
  return configured;
}

export interface DeliveryOptions {
  providers?: Providers;
  /** The clock, for tests that stand 24 hours later. */
  now?: Date;
}

/**
 * Claims one due message atomically: of two concurrent deliverers, only one gets the row,
 * so a message is handed to the provider once (and the provider's idempotency key covers retries).
 */
async function claim(id: string, now: Date) {
  const db = await getDb();
  const [row] = await db
    .update(outbox)
    .set({ status: "sending", attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + claimMs()) })
    .where(and(eq(outbox.id, id), inArray(outbox.status, ["pending", "sending"]), lte(outbox.nextAttemptAt, now)))
    .returning({
      id: outbox.id,
      channel: outbox.channel,
      to: outbox.to,
      subject: outbox.subject,
      html: outbox.html,
      text: outbox.text,
      attempts: outbox.attempts,
      template: outbox.template,
      retryUntil: outbox.retryUntil,
    });
  return row ?? null;
}

export type DeliveryOutcome = "delivered" | "delivered_locally" | "retry" | "failed" | "skipped";

/** Stops retrying: the message is listed in Settings → Messages and the give-up is logged. */
async function giveUp(message: { id: string; channel: string; template: string; attempts: number }, reason: string, now: Date) {
  const db = await getDb();
  await db.update(outbox).set({ status: "failed", lastError: reason, failedAt: now, nextAttemptAt: now }).where(eq(outbox.id, message.id));
  // Ids and codes only: the address and the text stay in the database.
  console.error(`Outbox gave up on a message: ${JSON.stringify({ outboxId: message.id, kind: message.template, channel: message.channel, attempts: message.attempts, reason })}`);
}

/** Delivers one message if it is due and nobody else holds it. */
export async function deliverOutboxMessage(id: string, opts: DeliveryOptions = {}): Promise<DeliveryOutcome> {
  const now = opts.now ?? new Date();
  const message = await claim(id, now);
  if (!message) return "skipped";
  const db = await getDb();
  const provider = (opts.providers ?? defaultProviders())[message.channel];
  if (!provider) {
    // No provider configured (development, tests): the outbox itself is the mailbox.
    await db.update(outbox).set({ status: "delivered_locally", deliveredAt: now, lastError: null }).where(eq(outbox.id, id));
    return "delivered_locally";
  }
  // Past its window (a deliverer that did not run for a day, a code older than its lifetime):
  // sending it now would deliver a dead link or code.
  if (now >= message.retryUntil) {
    await giveUp(message, "expired", now);
    return "failed";
  }
  try {
    const { providerMessageId } = await callWithTimeout((signal) => provider(toProvider(message), { signal }), providerTimeoutMs());
    await db.update(outbox).set({ status: "delivered", deliveredAt: new Date(), providerMessageId, lastError: null }).where(eq(outbox.id, id));
    return "delivered";
  } catch (e) {
    const reason = providerErrorCode(e);
    const next = new Date(now.getTime() + backoffSeconds(message.attempts, retryPolicyFor(message.template)) * 1000);
    if (next >= message.retryUntil) {
      await giveUp(message, reason, now);
      return "failed";
    }
    await db.update(outbox).set({ status: "pending", lastError: reason, nextAttemptAt: next }).where(eq(outbox.id, id));
    return "retry";
  }
}

const toProvider = (m: OutboxMessage): OutboxMessage => ({ id: m.id, channel: m.channel, to: m.to, subject: m.subject, html: m.html, text: m.text });

/** Delivers every due message (pending, or a claim that has lapsed), oldest first. */
export async function deliverDueMessages(opts: DeliveryOptions & { limit?: number } = {}): Promise<Record<DeliveryOutcome, number>> {
  const now = opts.now ?? new Date();
  const db = await getDb();
  const due = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(or(eq(outbox.status, "pending"), eq(outbox.status, "sending")), lte(outbox.nextAttemptAt, now)))
    .orderBy(outbox.createdAt)
    .limit(opts.limit ?? 100);
  const counts: Record<DeliveryOutcome, number> = { delivered: 0, delivered_locally: 0, retry: 0, failed: 0, skipped: 0 };
  for (const { id } of due) counts[await deliverOutboxMessage(id, { providers: opts.providers, now: opts.now })]++;
  return counts;
}
