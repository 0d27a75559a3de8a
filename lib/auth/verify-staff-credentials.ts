import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { peekRateLimit, rateLimit } from "@/lib/rate-limit";
import type { ClientInfo } from "@/lib/request/client-info";
import { verifyDecoy, verifyPassword } from "./password";

/** Consecutive failures that lock an account, and for how long. Counted in Postgres: Redis limits fail open. */
export const LOCK_AFTER_FAILURES = 10;
export const LOCK_MINUTES = 15;

export type CredentialCheck =
  | { ok: true; userId: string; organisationId: string }
  | { ok: false; reason: "invalid" | "rate_limited" | "locked"; retryAfterSeconds?: number };

export async function verifyStaffCredentials(input: { email: string; password: string; client: ClientInfo }): Promise<CredentialCheck> {
  const email = input.email.trim().toLowerCase();
  const db = await getDb();
  const audit = (action: "auth.signed_in" | "auth.sign_in_failed" | "auth.sign_in_rate_limited", userId: string | null, organisationId: string | null, reason?: string) =>
    recordAudit(db, {
      organisationId,
      actor: userId ? { type: "user", id: userId } : { type: "anonymous" },
      action,
      metadata: { email, ...(reason ? { reason } : {}) },
      ip: input.client.ip,
      userAgent: input.client.userAgent,
    });

  // The limiters count failures only: a person who signs in and out all day is never throttled,
  // while guessing passwords is (and the account lock below counts in Postgres regardless).
  const limiters = [["signInIp", input.client.ip ?? "unknown"], ["signInEmail", email]] as const;
  for (const [name, key] of limiters) {
    const limit = await peekRateLimit(name, key);
    if (!limit.success) {
      await audit("auth.sign_in_rate_limited", null, null, name);
      return { ok: false, reason: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
    }
  }
  const countFailure = () => Promise.all(limiters.map(([name, key]) => rateLimit(name, key)));

  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, lockedUntil: users.lockedUntil })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);

  if (!user?.passwordHash) {
    await verifyDecoy(input.password);
    await countFailure();
    await audit("auth.sign_in_failed", user?.id ?? null, null, "unknown_email");
    return { ok: false, reason: "invalid" };
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await countFailure();
    await audit("auth.sign_in_failed", user.id, null, "locked");
    return { ok: false, reason: "locked", retryAfterSeconds: Math.ceil((user.lockedUntil.getTime() - Date.now()) / 1000) };
  }

  const [membership] = await db
    .select({ organisationId: memberships.organisationId })
    .from(memberships)
    .where(and(eq(memberships.userId, user.id), eq(memberships.status, "active")))
    .orderBy(memberships.createdAt)
    .limit(1);

  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await countFailure();
    // One atomic statement, so concurrent failures cannot undercount.
    await db.execute(sql`
      update users set
        failed_sign_ins = failed_sign_ins + 1,
        locked_until = case when failed_sign_ins + 1 >= ${LOCK_AFTER_FAILURES}
                            then now() + make_interval(mins => ${LOCK_MINUTES}) else locked_until end
      where id = ${user.id}`);
    await audit("auth.sign_in_failed", user.id, membership?.organisationId ?? null, "wrong_password");
    return { ok: false, reason: "invalid" };
  }
  if (!membership) {
    await countFailure();
    // Right password, but no active membership anywhere: same answer as a wrong password.
    await audit("auth.sign_in_failed", user.id, null, "no_active_membership");
    return { ok: false, reason: "invalid" };
  }

  await db.update(users).set({ failedSignIns: 0, lockedUntil: null }).where(eq(users.id, user.id));
  await audit("auth.signed_in", user.id, membership.organisationId);
  return { ok: true, userId: user.id, organisationId: membership.organisationId };
}
