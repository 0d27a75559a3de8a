import "server-only";
import { heldEmbeddedLockSecret } from "@/db/client";
import { bearerMatches } from "@/lib/security/bearer-secret";

/**
 * Who may call /api/access/sweep: a cron job with SWEEP_CRON_SECRET (on Vercel, give it the value
 * of CRON_SECRET, which Vercel Cron sends as the bearer token), or — on the embedded database —
 * `npm run sweep` beside the running app, with the secret from the database's lock file.
 */
export function isSweepAuthorised(request: Request): boolean {
  return bearerMatches(request, [process.env.SWEEP_CRON_SECRET, heldEmbeddedLockSecret()]);
}
