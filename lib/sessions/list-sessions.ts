import "server-only";
import { getDb, selectRows } from "@/db/client";
import type { StaffActor } from "@/lib/access/actor";
import { can } from "@/lib/access/can";
import { levelAllows, sessionAccess, type SessionLevel, type ShareLevel } from "@/lib/access/sessions";
import type { SessionStatus } from "./schemas";
import { sessionCountSql, sessionPageSql, visibleSessionsSql, type SessionListTab } from "./visible-sessions";

export const SESSION_PAGE_SIZE = 20;

export interface SessionListItem {
  id: string;
  title: string;
  status: SessionStatus;
  visibility: "private" | "team";
  clientName: string | null;
  ownerName: string;
  teamName: string | null;
  myLevel: SessionLevel;
  sharedByName: string | null;
  sharedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

interface Row {
  id: string;
  title: string;
  status: SessionStatus;
  owner_id: string;
  team_id: string | null;
  visibility: "private" | "team";
  organisation_id: string;
  created_at: Date | string;
  updated_at: Date | string;
  my_share: ShareLevel | null;
  shared_at: Date | string | null;
  client_first_name: string | null;
  client_last_name: string | null;
  owner_name: string;
  granted_by_name: string | null;
  team_name: string | null;
}

const date = (v: Date | string) => (v instanceof Date ? v : new Date(v));

/** One tab of the Sessions list ("My sessions", "Shared with me", "My teams"), newest first, searchable. */
export async function listSessions(
  actor: StaffActor,
  input: { tab: SessionListTab; q?: string; page?: number },
): Promise<{ items: SessionListItem[]; total: number; page: number; pageSize: number }> {
  const page = Math.max(1, input.page ?? 1);
  const empty = { items: [], total: 0, page, pageSize: SESSION_PAGE_SIZE };
  // The role ceiling: a role without the Sessions area sees no session at all.
  if (!can(actor, "sessions:view")) return empty;
  const branches = visibleSessionsSql(actor, { tabs: [input.tab], q: input.q });
  if (!branches) return empty;
  const db = await getDb();
  const [rows, [count]] = await Promise.all([
    selectRows<Row>(db, sessionPageSql(branches, { limit: SESSION_PAGE_SIZE, offset: (page - 1) * SESSION_PAGE_SIZE })),
    selectRows<{ n: number }>(db, sessionCountSql(branches)),
  ]);
  const items = rows
    .map((r): SessionListItem => ({
      id: r.id,
      title: r.title,
      status: r.status,
      visibility: r.visibility,
      clientName: r.client_first_name ? `${r.client_first_name} ${r.client_last_name}` : null,
      ownerName: r.owner_name,
      teamName: r.team_name,
      myLevel: sessionAccess(actor, {
        organisationId: r.organisation_id,
        ownerId: r.owner_id,
        teamId: r.team_id,
        visibility: r.visibility,
        deletedAt: null,
        share: r.my_share,
      }),
      sharedByName: r.granted_by_name,
      sharedAt: r.shared_at ? date(r.shared_at) : null,
      createdAt: date(r.created_at),
      updatedAt: date(r.updated_at),
    }))
    // Post-condition: the SQL and the policy agree (tested); should they ever not, fail closed.
    .filter((item) => levelAllows(item.myLevel, "session:view"));
  return { items, total: count?.n ?? 0, page, pageSize: SESSION_PAGE_SIZE };
}
