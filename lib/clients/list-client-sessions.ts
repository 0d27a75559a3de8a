import "server-only";
import { sql } from "drizzle-orm";
import { getDb, selectRows } from "@/db/client";
import type { StaffActor } from "@/lib/access/actor";
import { can } from "@/lib/access/can";
import { sessionAccess, type SessionLevel } from "@/lib/access/sessions";
import { visibleSessionsSql } from "@/lib/sessions/visible-sessions";

export interface ChartSession {
  id: string;
  title: string;
  status: "draft" | "in_progress" | "ready_for_review" | "completed";
  ownerName: string;
  createdAt: Date;
  myLevel: SessionLevel;
}

/**
 * The chart's Sessions tab. Clinical sessions are never visible through client scope: this lists
 * only the sessions about this client the actor could open anyway — owned, shared with them, or
 * team-visible to them, or held through emergency access — using the sessions policy's own SQL (lib/sessions/visible-sessions.ts).
 * The caller has already checked that the actor may see the chart.
 */
export async function listClientSessions(actor: StaffActor, clientId: string): Promise<ChartSession[]> {
  if (!can(actor, "sessions:view")) return [];
  const branches = visibleSessionsSql(actor, { tabs: ["mine", "shared", "team"], emergencyAt: new Date() });
  if (!branches) return [];
  const db = await getDb();
  const rows = await selectRows<{
    id: string; title: string; status: ChartSession["status"]; owner_id: string; team_id: string | null; visibility: "private" | "team";
    organisation_id: string; created_at: Date | string; my_share: "view" | "edit" | "full" | null; owner_name: string;
    emergency_until: Date | string | null;
  }>(
    db,
    sql`select distinct on (v.id) v.*, o.name as owner_name from (${branches}) v join users o on o.id = v.owner_id
        where v.client_id = ${clientId} order by v.id, v.my_share desc nulls last limit 200`,
  );
  return rows
    .map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      ownerName: r.owner_name,
      createdAt: new Date(r.created_at),
      myLevel: sessionAccess(actor, { organisationId: r.organisation_id, ownerId: r.owner_id, teamId: r.team_id, visibility: r.visibility, deletedAt: null, share: r.my_share, emergencyUntil: r.emergency_until ? new Date(r.emergency_until) : null }),
    }))
    .filter((s) => s.myLevel !== "none")
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}
