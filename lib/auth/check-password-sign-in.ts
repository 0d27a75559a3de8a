import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { portalAccounts, users } from "@/db/schema";
import { peekRateLimit, rateLimit, type LimiterName } from "@/lib/rate-limit";
import type { ClientInfo } from "@/lib/request/client-info";
import { verifyDecoy, verifyPassword } from "./password";

/** Consecutive failures that lock an account, and for how long. Counted in Postgres: Redis limits fail open. */
export const LOCK_AFTER_FAILURES = 10;
export const LOCK_MINUTES = 15;

export type SignInOutcome = "signed_in" | "sign_in_failed" | "sign_in_rate_limited";

export type PasswordCheck =
  | { ok: true; accountId: string }
  | { ok: false; reason: "invalid" | "rate_limited" | "locked"; retryAfterSeconds?: number };

// Staff users and client-portal logins keep the same sign-in columns.
const ACCOUNT_TABLES = { staff: users, client: portalAccounts } as const;

/**
 * Email + password sign-in shared by staff and the client portal. The per-IP and per-email limiters
 * count failures only (someone who signs in all day is never throttled, someone guessing is), and
 * consecutive failures lock the account in Postgres, since the Redis limiters fail open. Unknown
 * emails cost a decoy hash check, so timing does not tell which addresses have accounts.
 * `mayEnter` is the audience's own last word (an active membership, a live portal profile): a right
 * password without it answers like a wrong one.
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
  const limiters = [
    [input.limiters.ip, input.client.ip ?? "unknown"],
    [input.limiters.email, email],
  ] as const;
  for (const [name, key] of limiters) {
    const limit = await peekRateLimit(name, key);
    if (!limit.success) {
      await input.audit("sign_in_rate_limited", null, name);
      return { ok: false, reason: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
    }
  }
  const fail = async (accountId: string | null, reason: string) => {
    await Promise.all(limiters.map(([name, key]) => rateLimit(name, key)));
    await input.audit("sign_in_failed", accountId, reason);
  };

  const db = await getDb();
  const [account] = await db
    .select({ id: table.id, passwordHash: table.passwordHash, lockedUntil: table.lockedUntil })
    .from(table)
    .where(sql`lower(${table.email}) = ${email}`)
    .limit(1);

  if (!account?.passwordHash) {
    await verifyDecoy(input.password);
    await fail(account?.id ?? null, "unknown_email");
    return { ok: false, reason: "invalid" };
  }
  if (account.lockedUntil && account.lockedUntil > new Date()) {
    await fail(account.id, "locked");
    return { ok: false, reason: "locked", retryAfterSeconds: Math.ceil((account.lockedUntil.getTime() - Date.now()) / 1000) };
  }
  if (!(await verifyPassword(account.passwordHash, input.password))) {
    // One atomic statement, so concurrent failures cannot undercount.
    await db
      .update(table)
      .set({
        failedSignIns: sql`${table.failedSignIns} + 1`,
        lockedUntil: sql`case when ${table.failedSignIns} + 1 >= ${LOCK_AFTER_FAILURES}
                              then now() + make_interval(mins => ${LOCK_MINUTES}) else ${table.lockedUntil} end`,
      })
      .where(eq(table.id, account.id));
    await fail(account.id, "wrong_password");
    return { ok: false, reason: "invalid" };
  }
  if (!(await input.mayEnter(account.id))) {
    await fail(account.id, "no_access");
    return { ok: false, reason: "invalid" };
  }
  await db.update(table).set({ failedSignIns: 0, lockedUntil: null }).where(eq(table.id, account.id));
  await input.audit("signed_in", account.id);
  return { ok: true, accountId: account.id };
}
