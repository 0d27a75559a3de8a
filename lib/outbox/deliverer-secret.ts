import "server-only";
import { heldEmbeddedLockSecret } from "@/db/client";
import { bearerMatches } from "@/lib/security/bearer-secret";

/**
 * Who may call POST /api/outbox/deliver: a cron job with OUTBOX_CRON_SECRET, or — on the embedded
 * database — a command run beside the app with the secret from the database's lock file
 * (`.data/pglite.lock`, readable only by whoever can already read the database files).
 */
export function isDeliveryAuthorised(request: Request): boolean {
  return bearerMatches(request, [process.env.OUTBOX_CRON_SECRET, heldEmbeddedLockSecret()]);
}
