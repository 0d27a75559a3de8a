import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { staffRecoveryCodes, staffTwoFactor } from "@/db/schema";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { CODE_LOCK_MINUTES, hashRecoveryCode, isRecoveryCodeFormat, LOCK_AFTER_CODE_FAILURES, matchAuthenticatorCode, normaliseCode } from "./codes";
import { openSecret } from "./secret-box";

export type SecondFactorCheck =
  | { result: "accepted"; via: "authenticator" | "recovery_code" }
  | { result: "wrong"; failures: number; lockedNow: boolean; alreadyUsed: boolean }
  | { result: "locked"; retryAfterSeconds: number }
  | { result: "none" };

/**
 * Checks a typed code against a person's second factor, inside the caller's transaction. The
 * person's row is locked first (SELECT … FOR UPDATE), so all code checks of one person run one
 * after another: N parallel wrong codes count exactly up to the cap, then find the lock; and the
 * time step of an accepted code is written before the next check reads it, so a code is accepted
 * once even when sent many times at once. Every refused code counts, a replayed one too.
 * `stage`: "enabled" for sign-in and turning off; "set_up" for the first code of a new secret,
 * which takes no recovery code (there are none yet).
 */
export async function checkSecondFactor(
  tx: Executor,
  input: { userId: string; code: string; now: Date; stage: "enabled" | "set_up" },
): Promise<SecondFactorCheck> {
  const [row] = await tx.select().from(staffTwoFactor).where(eq(staffTwoFactor.userId, input.userId)).for("update");
  if (!row || (row.enabledAt === null) !== (input.stage === "set_up")) return { result: "none" };
  if (row.lockedUntil && row.lockedUntil > input.now) {
    return { result: "locked", retryAfterSeconds: Math.max(1, Math.ceil((row.lockedUntil.getTime() - input.now.getTime()) / 1000)) };
  }

  const code = normaliseCode(input.code);
  // One check of the six digits: right at a step after the last one used is accepted; right at
  // that step or before, it is a code already used (refused like a wrong one, but said so).
  const matched = await matchAuthenticatorCode(openSecret(row.secretCiphertext, input.userId), code, input.now);
  const step = matched !== null && (row.lastUsedStep === null || matched > row.lastUsedStep) ? matched : null;
  let via: "authenticator" | "recovery_code" | null = step !== null ? "authenticator" : null;
  if (!via && input.stage === "enabled" && isRecoveryCodeFormat(code)) {
    const used = await tx
      .update(staffRecoveryCodes)
      .set({ usedAt: input.now })
      .where(and(eq(staffRecoveryCodes.userId, input.userId), eq(staffRecoveryCodes.codeHash, hashRecoveryCode(code)), isNull(staffRecoveryCodes.usedAt)))
      .returning({ id: staffRecoveryCodes.id });
    if (used.length > 0) via = "recovery_code";
  }
  if (via) {
    await tx
      .update(staffTwoFactor)
      .set({ failedCodes: 0, lockedUntil: null, ...(step !== null ? { lastUsedStep: step } : {}) })
      .where(eq(staffTwoFactor.userId, input.userId));
    return { result: "accepted", via };
  }

  // A code used before (the app's code, again within its minute, or a spent recovery code) still
  // counts as a wrong try; only the message differs, since the person did nothing wrong but wait.
  const alreadyUsed =
    matched !== null ||
    (input.stage === "enabled" &&
      isRecoveryCodeFormat(code) &&
      (await tx.select({ id: staffRecoveryCodes.id }).from(staffRecoveryCodes).where(and(eq(staffRecoveryCodes.userId, input.userId), eq(staffRecoveryCodes.codeHash, hashRecoveryCode(code))))).length > 0);

  // Like the password's count: it keeps running past the cap until a right code, so once a lock
  // ends each further wrong code locks again at once.
  const failures = row.failedCodes + 1;
  const lockedNow = failures >= LOCK_AFTER_CODE_FAILURES;
  await tx
    .update(staffTwoFactor)
    .set({
      failedCodes: sql`${staffTwoFactor.failedCodes} + 1`,
      ...(lockedNow ? { lockedUntil: new Date(input.now.getTime() + CODE_LOCK_MINUTES * 60_000) } : {}),
    })
    .where(eq(staffTwoFactor.userId, input.userId));
  return { result: "wrong", failures, lockedNow, alreadyUsed };
}

/**
 * For the signed-in person's own code checks (set-up, turning off): the refusal to throw once the
 * transaction has committed (so the counted failure stays counted), audited here; null if accepted.
 */
export async function refusalOf(tx: Executor, actor: { userId: string; organisationId: string }, check: SecondFactorCheck, stage: "set_up" | "turn_off"): Promise<AppError | null> {
  if (check.result === "accepted") return null;
  if (check.result === "none") return new AppError("not_found");
  if (check.result === "locked") return new AppError("code_locked", { field: "code", retryAfterSeconds: check.retryAfterSeconds });
  await recordStaffAudit(tx, actor, {
    action: "auth.second_factor_refused",
    target: { type: "user", id: actor.userId },
    metadata: { reason: "wrong_code", stage, failures: check.failures, ...(check.alreadyUsed ? { alreadyUsed: true } : {}) },
  });
  if (check.lockedNow) return new AppError("code_locked", { field: "code", retryAfterSeconds: CODE_LOCK_MINUTES * 60 });
  // Setting up, there are no recovery codes yet: the message speaks of the app only.
  return new AppError(check.alreadyUsed ? "code_already_used" : stage === "set_up" ? "wrong_setup_code" : "wrong_code", { field: "code" });
}
