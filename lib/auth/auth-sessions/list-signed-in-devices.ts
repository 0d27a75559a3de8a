import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { organisations, staffAuthSessions } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import type { SignedInDevice } from "./types";

/** The person's own live sign-ins (any organisation), most recently active first, for the account page. */
export async function listSignedInDevices(actor: StaffActor, opts: { now?: Date } = {}): Promise<SignedInDevice[]> {
  const db = await getDb();
  const now = opts.now ?? new Date();
  const rows = await db
    .select({
      id: staffAuthSessions.id,
      device: staffAuthSessions.userAgent,
      ip: staffAuthSessions.ip,
      organisationName: organisations.name,
      createdAt: staffAuthSessions.createdAt,
      lastActiveAt: staffAuthSessions.lastActiveAt,
    })
    .from(staffAuthSessions)
    .innerJoin(organisations, eq(organisations.id, staffAuthSessions.organisationId))
    .where(
      and(
        eq(staffAuthSessions.userId, actor.userId),
        isNull(staffAuthSessions.endedAt),
        // Idle ones are over even if no request has come to end them yet.
        sql`${staffAuthSessions.lastActiveAt} > ${now.toISOString()}::timestamptz - make_interval(mins => ${organisations.idleTimeoutMinutes})`,
      ),
    )
    .orderBy(desc(staffAuthSessions.lastActiveAt))
    .limit(100);
  return rows.map((r) => ({ ...r, device: r.device ?? "Unknown browser", current: r.id === actor.authSession?.id }));
}
