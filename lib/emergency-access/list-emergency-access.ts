import "server-only";
import { and, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { clients, clinicalSessions, emergencyAccessGrants, users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";

export type EmergencyGrantState = "active" | "ended_early" | "expired";

export interface EmergencyGrantRow {
  id: string;
  holderName: string;
  record: { kind: "client"; id: string; label: string } | { kind: "session"; id: string; label: string };
  reason: string;
  createdAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
  endedByName: string | null;
  state: EmergencyGrantState;
  review: { at: Date; byName: string; note: string } | null;
}

const REVIEWED_SHOWN = 50;

/**
 * Settings → Audit log → Emergency access to review: every use not yet reviewed (oldest first, so
 * none is forgotten), then the latest reviewed ones. Admins only.
 */
export async function listEmergencyAccess(actor: StaffActor, opts: { now?: Date } = {}): Promise<{ toReview: EmergencyGrantRow[]; reviewed: EmergencyGrantRow[] }> {
  await assertCan(actor, "settings:edit");
  const now = opts.now ?? new Date();
  const db = await getDb();
  const holder = alias(users, "holder");
  const endedBy = alias(users, "ended_by");
  const reviewer = alias(users, "reviewer");
  const query = (reviewed: boolean) =>
    db
      .select({
        g: emergencyAccessGrants,
        holderName: holder.name,
        endedByName: endedBy.name,
        reviewerName: reviewer.name,
        clientName: sql<string | null>`${clients.firstName} || ' ' || ${clients.lastName}`,
        sessionTitle: clinicalSessions.title,
      })
      .from(emergencyAccessGrants)
      .innerJoin(holder, eq(holder.id, emergencyAccessGrants.userId))
      .leftJoin(endedBy, eq(endedBy.id, emergencyAccessGrants.endedById))
      .leftJoin(reviewer, eq(reviewer.id, emergencyAccessGrants.reviewedById))
      .leftJoin(clients, eq(clients.id, emergencyAccessGrants.clientId))
      .leftJoin(clinicalSessions, eq(clinicalSessions.id, emergencyAccessGrants.sessionId))
      .where(and(eq(emergencyAccessGrants.organisationId, actor.organisationId), reviewed ? isNotNull(emergencyAccessGrants.reviewedAt) : isNull(emergencyAccessGrants.reviewedAt)))
      .orderBy(reviewed ? desc(emergencyAccessGrants.reviewedAt) : emergencyAccessGrants.createdAt)
      .limit(reviewed ? REVIEWED_SHOWN : 500);
  const [toReview, reviewed] = await Promise.all([query(false), query(true)]);
  const toRow = (r: Awaited<ReturnType<typeof query>>[number]): EmergencyGrantRow => ({
    id: r.g.id,
    holderName: r.holderName,
    record: r.g.clientId ? { kind: "client", id: r.g.clientId, label: r.clientName ?? "A client chart" } : { kind: "session", id: r.g.sessionId!, label: r.sessionTitle ?? "A session" },
    reason: r.g.reason,
    createdAt: r.g.createdAt,
    expiresAt: r.g.expiresAt,
    endedAt: r.g.endedAt,
    endedByName: r.endedByName,
    state: r.g.endedAt ? "ended_early" : r.g.expiresAt > now ? "active" : "expired",
    review: r.g.reviewedAt ? { at: r.g.reviewedAt, byName: r.reviewerName ?? "", note: r.g.reviewNote ?? "" } : null,
  });
  return { toReview: toReview.map(toRow), reviewed: reviewed.map(toRow) };
}
