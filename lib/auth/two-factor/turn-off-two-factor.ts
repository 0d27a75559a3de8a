import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { memberships, organisations, staffRecoveryCodes, staffTwoFactor } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { getClientInfo } from "@/lib/request/client-info";
import { confirmExistingPassword } from "../confirm-existing-password";
import { checkSecondFactor, refusalOf } from "./check-second-factor";

export const turnOffTwoFactorInput = z.object({
  password: z.string().min(1, "Enter your password.").max(200),
  code: z.string().trim().min(1, "Enter a code from your authenticator app, or a recovery code.").max(40),
});

/**
 * The person turns their second factor off: their password (checked like a sign-in) and a code,
 * so a signed-in browser left open is not enough. Refused while any of their organisations
 * requires it.
 */
export async function turnOffTwoFactor(actor: StaffActor, input: z.output<typeof turnOffTwoFactorInput>, now = new Date()): Promise<void> {
  const db = await getDb();
  const [requiring] = await db
    .select({ id: organisations.id })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, actor.userId), eq(memberships.status, "active"), eq(organisations.requireTwoFactor, true)))
    .limit(1);
  if (requiring) throw new AppError("two_factor_required");
  await confirmExistingPassword({ audience: "staff", email: actor.email, password: input.password, client: await getClientInfo(), organisationId: actor.organisationId, field: "password" });
  const refusal = await db.transaction(async (tx) => {
    const check = await checkSecondFactor(tx, { userId: actor.userId, code: input.code, now, stage: "enabled" });
    const refused = await refusalOf(tx, actor, check, "turn_off");
    if (refused || check.result !== "accepted") return refused;
    await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, actor.userId));
    await tx.delete(staffTwoFactor).where(eq(staffTwoFactor.userId, actor.userId));
    await recordStaffAudit(tx, actor, { action: "auth.two_factor_disabled", target: { type: "user", id: actor.userId }, metadata: { via: check.via } });
    return null;
  });
  // Thrown after the transaction, so the counted failure is committed rather than rolled back.
  if (refusal) throw refusal;
}
