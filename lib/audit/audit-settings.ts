import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { organisations } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { recordStaffAudit } from "./record-audit";

// HIPAA keeps documentation six years; fifty is a sanity cap, not a policy.
export const MIN_AUDIT_RETENTION_YEARS = 6;
export const MAX_AUDIT_RETENTION_YEARS = 50;

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: value });
    return value.length <= 64;
  } catch {
    return false;
  }
}

export const auditSettingsInput = z.object({
  auditRetentionYears: z.coerce
    .number({ message: "Enter a number of years." })
    .int("Use whole years.")
    .min(MIN_AUDIT_RETENTION_YEARS, `Keep events at least ${MIN_AUDIT_RETENTION_YEARS} years.`)
    .max(MAX_AUDIT_RETENTION_YEARS, `Use at most ${MAX_AUDIT_RETENTION_YEARS} years.`),
  timeZone: z.string().trim().refine(isTimeZone, "Choose a time zone from the list."),
});
export type AuditSettings = z.output<typeof auditSettingsInput>;

const columns = { auditRetentionYears: organisations.auditRetentionYears, timeZone: organisations.timeZone };

/** How long the organisation keeps audit events, and the time zone its log is shown in. */
export async function getAuditSettings(actor: StaffActor): Promise<AuditSettings> {
  const db = await getDb();
  const [org] = await db.select(columns).from(organisations).where(eq(organisations.id, actor.organisationId));
  return org!;
}

/** Admins (settings edit) set the retention and the time zone. The retention job reads it at its next run. */
export async function updateAuditSettings(actor: StaffActor, input: AuditSettings): Promise<void> {
  await assertCan(actor, "settings:edit");
  const settings = auditSettingsInput.parse(input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [before] = await tx.select(columns).from(organisations).where(eq(organisations.id, actor.organisationId)).for("update");
    await tx.update(organisations).set(settings).where(eq(organisations.id, actor.organisationId));
    await recordStaffAudit(tx, actor, {
      action: "audit.settings_changed",
      target: { type: "organisation", id: actor.organisationId },
      metadata: { ...settings, previous: before ?? null },
    });
  });
}
