import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";

export const IDEMPOTENCY_KEY_HOURS = 24;

/** The create actions that take an idempotency key (one name per domain function). */
export type IdempotentAction =
  | "session.create"
  | "session.share"
  | "session.add_document"
  | "client.create"
  | "client.create_separate_profile"
  | "client.set_access"
  | "client.link_contact"
  | "client.invite_to_portal"
  | "client.send_intake_form"
  | "contact.create"
  | "document.create"
  | "document.share"
  | "member.invite"
  | "team.create"
  | "role.create";

/**
 * Runs `work` once per (actor, action, key), inside the caller's transaction. The key row is
 * inserted first, so a second submission with the same key waits on the unique index until the
 * first commits, then returns the first result (JSON) without doing the work again: one share,
 * one email. If the first rolls back (a refusal), its key goes with it and the second runs.
 * Without a key (a caller outside a form, such as a test or the seed) the work simply runs.
 */
export async function once<T>(tx: Executor, opts: { actor: { userId: string }; key?: string | null; action: IdempotentAction }, work: () => Promise<T>): Promise<T> {
  if (!opts.key) return work();
  const row = and(eq(idempotencyKeys.actorId, opts.actor.userId), eq(idempotencyKeys.action, opts.action), eq(idempotencyKeys.key, opts.key));
  // This person's expired keys go first (cheap: the primary key starts with the actor).
  await tx
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.actorId, opts.actor.userId), lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${IDEMPOTENCY_KEY_HOURS})`)));
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({ actorId: opts.actor.userId, action: opts.action, key: opts.key })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length === 0) {
    const [first] = await tx.select({ result: idempotencyKeys.result }).from(idempotencyKeys).where(row);
    return first?.result as T;
  }
  const result = await work();
  await tx.update(idempotencyKeys).set({ result: (result ?? null) as unknown }).where(row);
  return result;
}
