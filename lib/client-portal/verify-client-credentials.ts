import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { portalAccountProfiles, portalAccounts } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { verifyDecoy, verifyPassword } from "@/lib/auth/password";
import { rateLimit } from "@/lib/rate-limit";
import type { ClientInfo } from "@/lib/request/client-info";
import { PORTAL_LOCK_AFTER_FAILURES, PORTAL_LOCK_MINUTES } from "./types";

export type ClientCredentialCheck =
  | { ok: true; accountId: string }
  | { ok: false; reason: "invalid" | "rate_limited" | "locked"; retryAfterSeconds?: number };

/**
 * The client portal's own sign-in (never a staff account): throttled per email and per IP, failures
 * counted in Postgres with a lockout (Redis limits fail open), every outcome audited. A login
 * without a password yet (invitation not accepted) answers like a wrong password.
 */
export async function verifyClientCredentials(input: { email: string; password: string; client: ClientInfo }): Promise<ClientCredentialCheck> {
  const email = input.email.trim().toLowerCase();
  const db = await getDb();
  const audit = (action: "client_portal.signed_in" | "client_portal.sign_in_failed" | "client_portal.sign_in_rate_limited", accountId: string | null, reason?: string) =>
    recordAudit(db, {
      organisationId: null,
      actor: accountId ? { type: "client", id: accountId } : { type: "anonymous" },
      action,
      metadata: { email, ...(reason ? { reason } : {}) },
      ip: input.client.ip,
      userAgent: input.client.userAgent,
    });

  for (const [name, key] of [["clientSignInIp", input.client.ip ?? "unknown"], ["clientSignInEmail", email]] as const) {
    const limit = await rateLimit(name, key);
    if (!limit.success) {
      await audit("client_portal.sign_in_rate_limited", null, name);
      return { ok: false, reason: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
    }
  }

  const [account] = await db
    .select({ id: portalAccounts.id, passwordHash: portalAccounts.passwordHash, lockedUntil: portalAccounts.lockedUntil })
    .from(portalAccounts)
    .where(sql`lower(${portalAccounts.email}) = ${email}`)
    .limit(1);
  if (!account?.passwordHash) {
    await verifyDecoy(input.password);
    await audit("client_portal.sign_in_failed", account?.id ?? null, "unknown_email");
    return { ok: false, reason: "invalid" };
  }
  if (account.lockedUntil && account.lockedUntil > new Date()) {
    await audit("client_portal.sign_in_failed", account.id, "locked");
    return { ok: false, reason: "locked", retryAfterSeconds: Math.ceil((account.lockedUntil.getTime() - Date.now()) / 1000) };
  }
  if (!(await verifyPassword(account.passwordHash, input.password))) {
    await db.execute(sql`
      update portal_accounts set
        failed_sign_ins = failed_sign_ins + 1,
        locked_until = case when failed_sign_ins + 1 >= ${PORTAL_LOCK_AFTER_FAILURES}
                            then now() + make_interval(mins => ${PORTAL_LOCK_MINUTES}) else locked_until end
      where id = ${account.id}`);
    await audit("client_portal.sign_in_failed", account.id, "wrong_password");
    return { ok: false, reason: "invalid" };
  }
  // Right password but every profile revoked: nothing to show, same answer as a wrong password.
  const [live] = await db
    .select({ clientId: portalAccountProfiles.clientId })
    .from(portalAccountProfiles)
    .where(sql`${portalAccountProfiles.portalAccountId} = ${account.id} and ${portalAccountProfiles.status} = 'accepted'`)
    .limit(1);
  if (!live) {
    await audit("client_portal.sign_in_failed", account.id, "no_profiles");
    return { ok: false, reason: "invalid" };
  }
  await db.update(portalAccounts).set({ failedSignIns: 0, lockedUntil: null }).where(eq(portalAccounts.id, account.id));
  await audit("client_portal.signed_in", account.id);
  return { ok: true, accountId: account.id };
}
