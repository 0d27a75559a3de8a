import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { contacts, documentShares, shareVerifications } from "@/db/schema";

/**
 * Caps on access-code texts, which protect the contact from being spammed and the clinic from
 * paying for it. Counted in Postgres from the `code_sent` rows, under row locks on the share (taken
 * by the caller) and on the contact, so concurrent requests are counted one after another and the
 * caps hold when Redis is down. Redis only adds a per-IP throttle on top.
 */
export const CODE_TEXTS_PER_SHARE = 3;
export const CODE_TEXTS_PER_SHARE_WINDOW_MS = 10 * 60_000;
export const CODE_TEXTS_PER_CONTACT_PER_DAY = 10;
const DAY_MS = 24 * 60 * 60_000;

/** Null when another code may be texted now; otherwise how long to wait. Call inside the sending transaction, with the share row locked. */
export async function codeTextRefusal(
  tx: Executor,
  input: { shareId: string; contactId: string },
  now: Date,
): Promise<{ retryAfterSeconds: number } | null> {
  // FOR NO KEY UPDATE: serialises code sends to one contact across all its shares, without
  // blocking rows that merely reference the contact.
  await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(eq(contacts.id, input.contactId))
    .for("no key update");
  const since = (ms: number) => new Date(now.getTime() - ms);
  const [share] = await tx
    .select({
      n: sql<number>`count(*)::int`,
      oldest: sql<Date | string | null>`min(${shareVerifications.createdAt})`,
    })
    .from(shareVerifications)
    .where(
      and(
        eq(shareVerifications.shareId, input.shareId),
        eq(shareVerifications.kind, "code_sent"),
        gt(shareVerifications.createdAt, since(CODE_TEXTS_PER_SHARE_WINDOW_MS)),
      ),
    );
  const [contact] = await tx
    .select({
      n: sql<number>`count(*)::int`,
      oldest: sql<Date | string | null>`min(${shareVerifications.createdAt})`,
    })
    .from(shareVerifications)
    .innerJoin(
      documentShares,
      eq(documentShares.id, shareVerifications.shareId),
    )
    .where(
      and(
        eq(documentShares.contactId, input.contactId),
        eq(shareVerifications.kind, "code_sent"),
        gt(shareVerifications.createdAt, since(DAY_MS)),
      ),
    );
  // The wait ends when the oldest counted text leaves its window.
  const waitUntil = (oldest: Date | string | null, windowMs: number) =>
    Math.max(
      1,
      Math.ceil(
        (new Date(oldest ?? now).getTime() + windowMs - now.getTime()) / 1000,
      ),
    );
  if ((contact?.n ?? 0) >= CODE_TEXTS_PER_CONTACT_PER_DAY)
    return { retryAfterSeconds: waitUntil(contact!.oldest, DAY_MS) };
  if ((share?.n ?? 0) >= CODE_TEXTS_PER_SHARE)
    return {
      retryAfterSeconds: waitUntil(
        share!.oldest,
        CODE_TEXTS_PER_SHARE_WINDOW_MS,
      ),
    };
  return null;
}
