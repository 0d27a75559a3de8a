import "server-only";
import { timingSafeEqual } from "node:crypto";
import { heldEmbeddedLockSecret } from "@/db/client";

/**
 * Who may call POST /api/outbox/deliver: a cron job with OUTBOX_CRON_SECRET, or — on the embedded
 * database — a command run beside the app with the secret from the database's lock file
 * (`.data/pglite.lock`, readable only by whoever can already read the database files).
 */
export function isDeliveryAuthorised(request: Request): boolean {
  const given = request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
  if (!given) return false;
  return [process.env.OUTBOX_CRON_SECRET, heldEmbeddedLockSecret()].some((secret) => Boolean(secret) && sameSecret(secret!, given));
}

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
