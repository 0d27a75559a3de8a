import "server-only";
import { and, eq, inArray, lte, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { outbox } from "@/db/schema";
import { resendProvider } from "@/lib/mail/resend-provider";
import { twilioProvider } from "@/lib/sms/twilio-provider";
import type { OutboxMessage, Providers } from "./providers";

export const MAX_ATTEMPTS = 5;
/** How long a claimed message stays ours before another deliverer may take it over (crash safety). */
const CLAIM_SECONDS = 120;

/** Wait before attempt n+1: 1, 2, 4, 8 … minutes, at most an hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(60 * 2 ** Math.max(0, attempts - 1), 3600);
}

let configured: Providers | undefined;
function defaultProviders(): Providers {
  configured ??= { email: resendProvider(), sms: twilioProvider() };
  return configured;
}

/**
 * Claims one due message atomically: of two concurrent deliverers, only one gets the row,
 * so a message is handed to the provider once (and the provider's idempotency key covers retries).
 */
async function claim(id: string): Promise<(OutboxMessage & { attempts: number }) | null> {
  const db = await getDb();
  const [row] = await db
    .update(outbox)
    .set({ status: "sending", attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: sql`now() + make_interval(secs => ${CLAIM_SECONDS})` })
    .where(and(eq(outbox.id, id), inArray(outbox.status, ["pending", "sending"]), lte(outbox.nextAttemptAt, sql`now()`)))
    .returning({ id: outbox.id, channel: outbox.channel, to: outbox.to, subject: outbox.subject, html: outbox.html, text: outbox.text, attempts: outbox.attempts });
  return row ?? null;
}

export type DeliveryOutcome = "delivered" | "delivered_locally" | "retry" | "failed" | "skipped";

/** Delivers one message if it is due and nobody else holds it. */
export async function deliverOutboxMessage(id: string, providers: Providers = defaultProviders()): Promise<DeliveryOutcome> {
  const message = await claim(id);
  if (!message) return "skipped";
  const db = await getDb();
  const provider = providers[message.channel];
  if (!provider) {
    // No provider configured (development, tests): the outbox itself is the mailbox.
    await db.update(outbox).set({ status: "delivered_locally", deliveredAt: new Date(), lastError: null }).where(eq(outbox.id, id));
    return "delivered_locally";
  }
  try {
    const { providerMessageId } = await provider(message);
    await db.update(outbox).set({ status: "delivered", deliveredAt: new Date(), providerMessageId, lastError: null }).where(eq(outbox.id, id));
    return "delivered";
  } catch (e) {
    const failed = message.attempts >= MAX_ATTEMPTS;
    // Only the error's class and a short reason: provider messages can echo addresses.
    const reason = e instanceof Error ? e.message.slice(0, 200) : "unknown error";
    await db
      .update(outbox)
      .set({
        status: failed ? "failed" : "pending",
        lastError: reason,
        nextAttemptAt: failed ? sql`now()` : sql`now() + make_interval(secs => ${backoffSeconds(message.attempts)})`,
      })
      .where(eq(outbox.id, id));
    return failed ? "failed" : "retry";
  }
}

/** Delivers every due message (pending, or a claim that has lapsed), oldest first. */
export async function deliverDueMessages(opts: { limit?: number; providers?: Providers } = {}): Promise<Record<DeliveryOutcome, number>> {
  const db = await getDb();
  const due = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(or(eq(outbox.status, "pending"), eq(outbox.status, "sending")), lte(outbox.nextAttemptAt, sql`now()`)))
    .orderBy(outbox.createdAt)
    .limit(opts.limit ?? 100);
  const counts: Record<DeliveryOutcome, number> = { delivered: 0, delivered_locally: 0, retry: 0, failed: 0, skipped: 0 };
  for (const { id } of due) counts[await deliverOutboxMessage(id, opts.providers)]++;
  return counts;
}
