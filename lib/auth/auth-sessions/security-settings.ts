import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { organisations } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { MAX_IDLE_TIMEOUT_MINUTES, MIN_IDLE_TIMEOUT_MINUTES } from "./types";

export const securitySettingsInput = z.object({
  idleTimeoutMinutes: z.coerce
    .number({ message: "Enter a number of minutes." })
    .int("Use whole minutes.")
    .min(MIN_IDLE_TIMEOUT_MINUTES, `Use at least ${MIN_IDLE_TIMEOUT_MINUTES} minutes.`)
    .max(MAX_IDLE_TIMEOUT_MINUTES, `Use at most ${MAX_IDLE_TIMEOUT_MINUTES} minutes (8 hours).`),
});
export type SecuritySettings = z.output<typeof securitySettingsInput>;

export async function getSecuritySettings(actor: StaffActor): Promise<SecuritySettings> {
  await assertCan(actor, "settings:edit");
  const db = await getDb();
  const [org] = await db.select({ idleTimeoutMinutes: organisations.idleTimeoutMinutes }).from(organisations).where(eq(organisations.id, actor.organisationId));
  return org!;
}

/** Admins set the automatic logoff. It applies at each sign-in's next request, existing ones included. */
export async function updateSecuritySettings(actor: StaffActor, input: SecuritySettings): Promise<void> {
  await assertCan(actor, "settings:edit");
  const settings = securitySettingsInput.parse(input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ idleTimeoutMinutes: organisations.idleTimeoutMinutes })
      .from(organisations)
      .where(eq(organisations.id, actor.organisationId))
      .for("update");
    await tx.update(organisations).set(settings).where(eq(organisations.id, actor.organisationId));
    await recordStaffAudit(tx, actor, {
      action: "security.settings_changed",
      target: { type: "organisation", id: actor.organisationId },
      metadata: { idleTimeoutMinutes: settings.idleTimeoutMinutes, previousIdleTimeoutMinutes: before?.idleTimeoutMinutes ?? null },
    });
  });
}
