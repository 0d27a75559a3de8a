import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { organisations } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { recordStaffAudit } from "@/lib/audit/record-audit";

export const disclosureSettingsInput = z.object({ showStaffAccess: z.enum(["on", "off"]).transform((v) => v === "on") });

export async function getDisclosureSettings(actor: StaffActor): Promise<{ showStaffAccess: boolean }> {
  await assertCan(actor, "settings:edit");
  const db = await getDb();
  const [org] = await db.select({ showStaffAccess: organisations.disclosureShowsStaffAccess }).from(organisations).where(eq(organisations.id, actor.organisationId));
  return org!;
}

/** Settings → Security: whether clients also see which staff opened their chart, by day. Audited. */
export async function updateDisclosureSettings(actor: StaffActor, input: z.output<typeof disclosureSettingsInput>): Promise<void> {
  await assertCan(actor, "settings:edit");
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(organisations).set({ disclosureShowsStaffAccess: input.showStaffAccess }).where(eq(organisations.id, actor.organisationId));
    await recordStaffAudit(tx, actor, { action: "client.disclosure_settings_changed", target: { type: "organisation", id: actor.organisationId }, metadata: { showStaffAccess: input.showStaffAccess } });
  });
}
