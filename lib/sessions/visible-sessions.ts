import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { StaffActor } from "@/lib/access/actor";

export const SESSION_LIST_TABS = ["mine", "shared", "team"] as const;
export type SessionListTab = (typeof SESSION_LIST_TABS)[number];

/** Escapes LIKE wildcards so a search for "50%" finds "50%", not everything. */
function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The sessions an actor may see, as SQL, branch by branch — the same rules as `sessionAccess`
 * (lib/access/sessions.ts): owner, a direct share, or team visibility for a member of the team,
 * in the actor's organisation, not deleted, and only while the actor's membership is active.
 * Each branch is a UNION ALL arm that starts from its own index:
 *   mine   → clinical_sessions_owner_idx (owner_id, created_at desc) where deleted_at is null
 *   shared → session_shares_user_idx (user_id, created_at desc), then the sessions' primary key
 *   team   → clinical_sessions_team_idx (team_id, created_at desc) where team-visible and live
 * rather than one `OR … IN` over the whole table. The role ceiling (sessions: none) is applied by
 * the caller before querying; the level of each row is then computed by the policy itself.
 * Columns: the session's access facts and list fields, `my_share` (the actor's own share),
 * `granted_by_id`/`shared_at` (shared branch) and `listed_at` (the "newest first" key).
 */
export function visibleSessionsSql(actor: StaffActor, opts: { tabs: readonly SessionListTab[]; q?: string }): SQL | null {
  const me = actor.userId;
  const org = actor.organisationId;
  const active = sql`exists (select 1 from memberships m where m.organisation_id = ${org} and m.user_id = ${me} and m.status = 'active')`;
  const search = opts.q
    ? sql`and (s.title ilike ${containsPattern(opts.q)} or exists (select 1 from clients c where c.id = s.client_id and (c.first_name || ' ' || c.last_name) ilike ${containsPattern(opts.q)}))`
    : sql``;
  const columns = sql`s.id, s.title, s.status, s.owner_id, s.team_id, s.visibility, s.client_id, s.organisation_id, s.created_at, s.updated_at`;

  const branches: SQL[] = [];
  if (opts.tabs.includes("mine")) {
    branches.push(sql`
      select ${columns}, my.access as my_share, null::uuid as granted_by_id, null::timestamptz as shared_at, s.created_at as listed_at
      from clinical_sessions s
      left join session_shares my on my.session_id = s.id and my.user_id = ${me}
      where s.owner_id = ${me} and s.organisation_id = ${org} and s.deleted_at is null and ${active} ${search}`);
  }
  if (opts.tabs.includes("shared")) {
    branches.push(sql`
      select ${columns}, sh.access as my_share, sh.granted_by_id, sh.created_at as shared_at, sh.created_at as listed_at
      from session_shares sh
      join clinical_sessions s on s.id = sh.session_id
      where sh.user_id = ${me} and s.organisation_id = ${org} and s.deleted_at is null and s.owner_id <> ${me} and ${active} ${search}`);
  }
  if (opts.tabs.includes("team") && actor.teamIds.length > 0) {
    const teamIds = sql`array[${sql.join(
      actor.teamIds.map((t) => sql`${t}`),
      sql`, `,
    )}]::uuid[]`;
    branches.push(sql`
      select ${columns}, my.access as my_share, null::uuid as granted_by_id, null::timestamptz as shared_at, s.created_at as listed_at
      from clinical_sessions s
      left join session_shares my on my.session_id = s.id and my.user_id = ${me}
      where s.team_id = any(${teamIds}) and s.visibility = 'team' and s.deleted_at is null and s.organisation_id = ${org} and ${active} ${search}`);
  }
  if (branches.length === 0) return null;
  return sql.join(branches, sql` union all `);
}

/** One page of a list, newest first, with the names the list shows. */
export function sessionPageSql(branches: SQL, page: { limit: number; offset: number }): SQL {
  return sql`
    select v.*, c.first_name as client_first_name, c.last_name as client_last_name,
      o.name as owner_name, g.name as granted_by_name, t.name as team_name
    from (${branches}) v
    left join clients c on c.id = v.client_id
    join users o on o.id = v.owner_id
    left join users g on g.id = v.granted_by_id
    left join teams t on t.id = v.team_id
    order by v.listed_at desc, v.id desc
    limit ${page.limit} offset ${page.offset}`;
}

export function sessionCountSql(branches: SQL): SQL {
  return sql`select count(*)::int as n from (${branches}) v`;
}
