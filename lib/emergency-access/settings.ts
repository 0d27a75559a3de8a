import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { organisations } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { emergencySettingsInput, type EmergencySettings } from "./schemas";

const columns = { emergencyAccessEnabled: organisations.emergencyAccessEnabled, emergencyAccessHours: organisations.emergencyAccessHours };

/** Settings → Security: is emergency access on, and how long a grant lasts. */
export async function getEmergencyAccessSettings(actor: StaffActor): Promise<EmergencySettings> {
  await assertCan(actor, "settings:edit");
  const db = await getDb();
  const [org] = await db.select(columns).from(organisations).where(eq(organisations.id, actor.organisationId));
  return org!;
}

/**
 * Admins turn emergency access on or off and set its length. Turning it off ends every live grant
 * at once (the policy reads the switch); a new length applies to grants made from now on.
 */
export async function updateEmergencyAccessSettings(actor: StaffActor, input: EmergencySettings): Promise<void> {
  await assertCan(actor, "settings:edit");
  const settings = emergencySettingsInput.parse(input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [before] = await tx.select(columns).from(organisations).where(eq(organisations.id, actor.organisationId)).for("update");
    await tx.update(organisations).set(settings).where(eq(organisations.id, actor.organisationId));
    await recordStaffAudit(tx, actor, {
      action: "emergency_access.settings_changed",
      target: { type: "organisation", id: actor.organisationId },
      metadata: { ...settings, previous: before ?? null },
    });
  });
}
