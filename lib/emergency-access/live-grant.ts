import "server-only";
import { sql } from "drizzle-orm";
import { selectRows, type Executor } from "@/db/client";
import type { StaffActor } from "@/lib/access/actor";
import { liveEmergencyGrantEndSql, type EmergencyRecord } from "@/lib/access/emergency-access";

/** When the actor's live emergency grant on this record ends, or null when they hold none at `now` (the banner). */
export async function emergencyAccessEnd(exec: Executor, actor: StaffActor, record: EmergencyRecord, now: Date = new Date()): Promise<Date | null> {
  const [row] = await selectRows<{ ends_at: Date | string | null }>(exec, sql`select ${liveEmergencyGrantEndSql(actor, record.kind, sql`${record.id}::uuid`, now)} as ends_at`);
  return row?.ends_at ? new Date(row.ends_at) : null;
}
