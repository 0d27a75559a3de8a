import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { staffPendingSignIns } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashToken } from "@/lib/crypto/tokens";
import { rateLimit } from "@/lib/rate-limit";
import type { ClientInfo } from "@/lib/request/client-info";
import { checkSecondFactor } from "./check-second-factor";
import { CODE_LOCK_MINUTES, LOCK_AFTER_CODE_FAILURES, MAX_CODE_FAILURES_PER_SIGN_IN } from "./codes";

export type SignInCodeResult =
  | { ok: true }
  | { ok: false; reason: "wrong_code"; attemptsLeft: number; alreadyUsed: boolean }
  | { ok: false; reason: "too_many" | "expired" }
  | { ok: false; reason: "locked" | "rate_limited"; retryAfterSeconds: number };

/**
 * The second step of a staff sign-in: the code from the authenticator app, or a recovery code.
 * Capped in Postgres, in one transaction under row locks (the pending sign-in, then the person's
 * second factor): 5 wrong codes per pending sign-in (then the password again), 10 wrong codes in a
 * row per person (then locked for 15 minutes), whatever the per-IP limiter in front does.
 */
export async function verifySignInCode(input: { ticket: string; code: string; client: ClientInfo; now?: Date }): Promise<SignInCodeResult> {
  const now = input.now ?? new Date();
  const limit = await rateLimit("twoFactorCodeIp", input.client.ip ?? "unknown");
  if (!limit.success) return { ok: false, reason: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  const db = await getDb();
  return db.transaction(async (tx): Promise<SignInCodeResult> => {
    const [pending] = await tx.select().from(staffPendingSignIns).where(eq(staffPendingSignIns.ticketHash, hashToken(input.ticket))).for("update");
    if (!pending || pending.usedAt || pending.expiresAt <= now || !pending.needsSecondFactor) return { ok: false, reason: "expired" };
    // Accepted already (a second press of the button): the ticket is still single-use.
    if (pending.secondFactorAt) return { ok: true };
    if (pending.codeFailures >= MAX_CODE_FAILURES_PER_SIGN_IN) return { ok: false, reason: "too_many" };
    const audit = {
      organisationId: pending.organisationId,
      actor: { type: "user", id: pending.userId } as const,
      target: { type: "user", id: pending.userId },
      ip: input.client.ip,
      userAgent: input.client.userAgent,
    };

    const check = await checkSecondFactor(tx, { userId: pending.userId, code: input.code, now, stage: "enabled" });
    // The second factor was reset since the password step: start again.
    if (check.result === "none") return { ok: false, reason: "expired" };
    if (check.result === "locked") {
      await recordAudit(tx, { ...audit, action: "auth.second_factor_refused", metadata: { reason: "locked" } });
      return { ok: false, reason: "locked", retryAfterSeconds: check.retryAfterSeconds };
    }
    if (check.result === "accepted") {
      await tx.update(staffPendingSignIns).set({ secondFactorAt: now }).where(eq(staffPendingSignIns.id, pending.id));
      await recordAudit(tx, { ...audit, action: "auth.second_factor_accepted", metadata: { via: check.via } });
      return { ok: true };
    }

    const signInFailures = pending.codeFailures + 1;
    await tx
      .update(staffPendingSignIns)
      .set({ codeFailures: sql`${staffPendingSignIns.codeFailures} + 1` })
      .where(eq(staffPendingSignIns.id, pending.id));
    await recordAudit(tx, { ...audit, action: "auth.second_factor_refused", metadata: { reason: "wrong_code", failures: check.failures, ...(check.alreadyUsed ? { alreadyUsed: true } : {}) } });
    if (check.lockedNow) {
      await recordAudit(tx, { ...audit, action: "auth.second_factor_locked", metadata: { failures: check.failures } });
      return { ok: false, reason: "locked", retryAfterSeconds: CODE_LOCK_MINUTES * 60 };
    }
    const attemptsLeft = Math.min(MAX_CODE_FAILURES_PER_SIGN_IN - signInFailures, LOCK_AFTER_CODE_FAILURES - check.failures);
    return attemptsLeft > 0 ? { ok: false, reason: "wrong_code", attemptsLeft, alreadyUsed: check.alreadyUsed } : { ok: false, reason: "too_many" };
  });
}
