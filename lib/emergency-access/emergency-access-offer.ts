import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { organisations } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { roleAllowsEmergencyAccess, type EmergencyRecord } from "@/lib/access/emergency-access";

/**
 * For the panel on a record's not-found page: may this person ask, and for how many hours? The
 * answer depends on the person and the organisation only, never on the record, so the panel looks
 * the same for a record that does not exist.
 */
export async function emergencyAccessOffer(actor: StaffActor, kind: EmergencyRecord["kind"]): Promise<{ hours: number } | null> {
  if (!roleAllowsEmergencyAccess(actor, kind)) return null;
  // Read with the actor in this request's guard (the panel renders with every record page); else now.
  const org = actor.emergencyAccess ?? (await readSetting(actor));
  return org?.enabled ? { hours: org.hours } : null;
}

async function readSetting(actor: StaffActor): Promise<{ enabled: boolean; hours: number } | undefined> {
  const db = await getDb();
  const [org] = await db
    .select({ enabled: organisations.emergencyAccessEnabled, hours: organisations.emergencyAccessHours })
    .from(organisations)
    .where(eq(organisations.id, actor.organisationId));
  return org;
}
