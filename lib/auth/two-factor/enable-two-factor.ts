import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { staffRecoveryCodes, staffTwoFactor } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { checkSecondFactor, refusalOf } from "./check-second-factor";
import { hashRecoveryCode, newRecoveryCodes } from "./codes";

export const twoFactorCodeInput = z.object({ code: z.string().trim().min(1, "Enter the code from your authenticator app.").max(40) });

/**
 * Turns two-factor sign-in on once the first code from the app matches the new secret (capped like
 * sign-in codes). Returns ten recovery codes: shown once, only their HMACs are kept.
 */
export async function enableTwoFactor(actor: StaffActor, input: z.output<typeof twoFactorCodeInput>, now = new Date()): Promise<{ recoveryCodes: string[] }> {
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const check = await checkSecondFactor(tx, { userId: actor.userId, code: input.code, now, stage: "set_up" });
    const refusal = await refusalOf(tx, actor, check, "set_up");
    if (refusal) return refusal;
    const recoveryCodes = newRecoveryCodes();
    await tx.update(staffTwoFactor).set({ enabledAt: now }).where(eq(staffTwoFactor.userId, actor.userId));
    await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, actor.userId));
    await tx.insert(staffRecoveryCodes).values(recoveryCodes.map((code) => ({ userId: actor.userId, codeHash: hashRecoveryCode(code), createdAt: now })));
    await recordStaffAudit(tx, actor, { action: "auth.two_factor_enabled", target: { type: "user", id: actor.userId } });
    return { recoveryCodes };
  });
  // Thrown after the transaction, so the counted failure is committed rather than rolled back.
  if (outcome instanceof AppError) throw outcome;
  return outcome;
}
