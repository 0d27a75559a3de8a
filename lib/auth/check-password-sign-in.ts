import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { portalAccounts, users } from "@/db/schema";
import { rateLimit, releaseRateLimit, type LimiterName } from "@/lib/rate-limit";
import type { ClientInfo } from "@/lib/request/client-info";
import { verifyDecoy, verifyPassword } from "./password";

/** Consecutive failures that lock an account, and for how long. Counted in Postgres: Redis limits fail open. */
export const LOCK_AFTER_FAILURES = 10;
export const LOCK_MINUTES = 15;

export type SignInOutcome = "signed_in" | "sign_in_failed" | "sign_in_rate_limited";

export type PasswordCheck =
  | { ok: true; accountId: string }
  | { ok: false; reason: "invalid" | "rate_limited" | "locked" | "no_access"; retryAfterSeconds?: number };

// Staff users and client-portal logins keep the same sign-in columns.
const ACCOUNT_TABLES = { staff: users, client: portalAccounts } as const;

/**
 * Email + password sign-in shared by staff and the client portal.
 *
 * Every attempt is counted *before* the password is checked, so parallel requests cannot all slip
 * under a cap that is only counted afterwards: first one slot in the per-IP and per-email limiters
 * (their atomic increment), then one failure on the account in a single conditional UPDATE, which
 * Postgres serialises on the row and which refuses once the account is locked. N parallel wrong
 * passwords therefore cost at most the cap in password checks. The reservation stays counted as a
 * failure unless the password turns out right: then the account's count is cleared and the limiter
 * slots are given back, so someone who signs in all day is never throttled, and a right password
 * is never refused by its own reservation.
 *
 * Unknown emails cost a decoy hash check (timing does not tell which addresses have accounts) and
 * are limited per email like any other. `mayEnter` is the audience's own last word (an active
 * membership, a live portal profile): a right password without it answers like a wrong one.
 * Database errors propagate as errors: they are never reported as a wrong password.
 */
export async function checkPasswordSignIn(input: {
  audience: keyof typeof ACCOUNT_TABLES;
  email: string;
  password: string;
  client: ClientInfo;
  limiters: { ip: LimiterName; email: LimiterName };
  mayEnter: (accountId: string) => Promise<boolean>;
  audit: (outcome: SignInOutcome, accountId: string | null, reason?: string) => Promise<void>;
}): Promise<PasswordCheck> {
  const email = input.email.trim().toLowerCase();
  const table = ACCOUNT_TABLES[input.audience];

  const reserved: (readonly [LimiterName, string])[] = [];
  const releaseLimiters = () => Promise.all(reserved.map(([name, key]) => releaseRateLimit(name, key)));
  for (const slot of [[input.limiters.ip, input.client.ip ?? "unknown"], [input.limiters.email, email]] as const) {
    const limit = await rateLimit(...slot);
    if (!limit.success) {
      await releaseLimiters(); // a refused attempt costs nothing in the other limiter either
      await input.audit("sign_in_rate_limited", null, slot[0]);
      return { ok: false, reason: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
    }
    reserved.push(slot);
  }
  const fail = (accountId: string | null, reason: string) => input.audit("sign_in_failed", accountId, reason);

  const db = await getDb();
  // The reservation: one failure counted, and the lock set by the attempt that reaches the cap, in
  // one statement. Concurrent attempts wait for the row and re-check the lock, so none passes it.
  const [account] = await db
    .update(table)
    .set({
      failedSignIns: sql`${table.failedSignIns} + 1`,
      lockedUntil: sql`case when ${table.failedSignIns} + 1 >= ${LOCK_AFTER_FAILURES}
                            then now() + make_interval(mins => ${LOCK_MINUTES}) else ${table.lockedUntil} end`,
    })
    .where(sql`lower(${table.email}) = ${email} and (${table.lockedUntil} is null or ${table.lockedUntil} <= now())`)
    .returning({ id: table.id, passwordHash: table.passwordHash });

  if (!account) {
    const [locked] = await db
      .select({ id: table.id, lockedUntil: table.lockedUntil })
      .from(table)
      .where(sql`lower(${table.email}) = ${email}`)
      .limit(1);
    if (locked) {
      await fail(locked.id, "locked");
      const seconds = locked.lockedUntil ? Math.ceil((locked.lockedUntil.getTime() - Date.now()) / 1000) : 1;
      return { ok: false, reason: "locked", retryAfterSeconds: Math.max(1, seconds) };
    }
    await verifyDecoy(input.password);
    await fail(null, "unknown_email");
    return { ok: false, reason: "invalid" };
  }
  if (!account.passwordHash) {
    await verifyDecoy(input.password);
    await fail(account.id, "unknown_email");
    return { ok: false, reason: "invalid" };
  }
  if (!(await verifyPassword(account.passwordHash, input.password))) {
    await fail(account.id, "wrong_password");
    return { ok: false, reason: "invalid" };
  }
  // The right password: this attempt was no failure, and the ones before it no longer run on.
  await db.update(table).set({ failedSignIns: 0, lockedUntil: null }).where(eq(table.id, account.id));
  if (!(await input.mayEnter(account.id))) {
    await fail(account.id, "no_access");
    // The right password: saying that their access has ended reveals nothing to a stranger.
    return { ok: false, reason: "no_access" };
  }
  await releaseLimiters();
  await input.audit("signed_in", account.id);
  return { ok: true, accountId: account.id };
}
