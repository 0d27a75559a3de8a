import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { organisations, staffTwoFactor } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { MAX_IDLE_TIMEOUT_MINUTES, MIN_IDLE_TIMEOUT_MINUTES } from "./types";

export const securitySettingsInput = z.object({
  idleTimeoutMinutes: z.coerce
    .number({ message: "Enter a number of minutes." })
    .int("Use whole minutes.")
    .min(MIN_IDLE_TIMEOUT_MINUTES, `Use at least ${MIN_IDLE_TIMEOUT_MINUTES} minutes.`)
    .max(MAX_IDLE_TIMEOUT_MINUTES, `Use at most ${MAX_IDLE_TIMEOUT_MINUTES} minutes (8 hours).`),
  // Left out: unchanged.
  requireTwoFactor: z.boolean().optional(),
});
export type SecuritySettings = z.output<typeof securitySettingsInput>;

export async function getSecuritySettings(actor: StaffActor): Promise<Required<SecuritySettings>> {
  await assertCan(actor, "settings:edit");
  const db = await getDb();
  const [org] = await db
    .select({ idleTimeoutMinutes: organisations.idleTimeoutMinutes, requireTwoFactor: organisations.requireTwoFactor })
    .from(organisations)
    .where(eq(organisations.id, actor.organisationId));
  return org!;
}

/**
 * Admins set the automatic logoff and whether two-factor sign-in is required. Both apply at each
 * sign-in's next request, existing ones included. Requiring two-factor needs the admin's own first,
 * or they would shut themselves out of the settings they just changed.
 */
export async function updateSecuritySettings(actor: StaffActor, input: SecuritySettings): Promise<void> {
  await assertCan(actor, "settings:edit");
  const settings = securitySettingsInput.parse(input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ idleTimeoutMinutes: organisations.idleTimeoutMinutes, requireTwoFactor: organisations.requireTwoFactor })
      .from(organisations)
      .where(eq(organisations.id, actor.organisationId))
      .for("update");
    if (settings.requireTwoFactor && !before?.requireTwoFactor) {
      const [own] = await tx
        .select({ userId: staffTwoFactor.userId })
        .from(staffTwoFactor)
        .where(and(eq(staffTwoFactor.userId, actor.userId), isNotNull(staffTwoFactor.enabledAt)));
      if (!own) throw new AppError("two_factor_needed_first");
    }
    await tx.update(organisations).set(settings).where(eq(organisations.id, actor.organisationId));
    await recordStaffAudit(tx, actor, {
      action: "security.settings_changed",
      target: { type: "organisation", id: actor.organisationId },
      metadata: {
        idleTimeoutMinutes: settings.idleTimeoutMinutes,
        previousIdleTimeoutMinutes: before?.idleTimeoutMinutes ?? null,
        // Only when it changed: the form always sends it.
        ...(settings.requireTwoFactor !== undefined && settings.requireTwoFactor !== before?.requireTwoFactor ? { requireTwoFactor: settings.requireTwoFactor } : {}),
      },
    });
  });
}
