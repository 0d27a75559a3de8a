import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { organisations } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { SECURITY_LEVELS } from "@/lib/portal/security-level";

export const sharingSettingsInput = z.object({
  sharingEnabled: z.boolean(),
  securityLevel: z.enum(SECURITY_LEVELS, { message: "Choose a security level." }),
  openedLinkMaxDays: z
    .union([z.literal(""), z.coerce.number().int("Use whole days.").min(1, "Use at least 1 day.").max(3650, "Use at most 3,650 days.")])
    .transform((v) => (v === "" ? null : v)),
  remindBeforeLinkExpiry: z.boolean(),
});
export type SharingSettings = z.output<typeof sharingSettingsInput>;

export async function getSharingSettings(actor: StaffActor): Promise<SharingSettings> {
  await assertCan(actor, "settings:edit");
  const db = await getDb();
  const [org] = await db
    .select({ sharingEnabled: organisations.sharingEnabled, securityLevel: organisations.securityLevel, openedLinkMaxDays: organisations.openedLinkMaxDays, remindBeforeLinkExpiry: organisations.remindBeforeLinkExpiry })
    .from(organisations)
    .where(eq(organisations.id, actor.organisationId));
  return org!;
}

/** Admins turn document sharing on or off and choose its security level. Existing shares keep the level they were sent with. */
export async function updateSharingSettings(actor: StaffActor, input: SharingSettings): Promise<void> {
  await assertCan(actor, "settings:edit");
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(organisations).set(input).where(eq(organisations.id, actor.organisationId));
    await recordStaffAudit(tx, actor, {
      action: "sharing.settings_changed",
      target: { type: "organisation", id: actor.organisationId },
      metadata: input,
    });
  });
}
