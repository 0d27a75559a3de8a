import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { StaffActor } from "@/lib/access/actor";
import type { PageWindow } from "@/lib/pagination/list-cursor";
import { liveEmergencyGrantEndSql, roleAllowsEmergencyAccess } from "@/lib/access/emergency-access";
import { liveGrant, sqlInstant } from "@/lib/access/access-end";

export const SESSION_LIST_TABS = ["mine", "shared", "team"] as const;
export type SessionListTab = (typeof SESSION_LIST_TABS)[number];

/** Escapes LIKE wildcards so a search for "50%" finds "50%", not everything. */
function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export type { ListCursor, PageWindow } from "@/lib/pagination/list-cursor";

/**
 * The values a list statement binds, as SQL. By default the actor's and the request's own; a
 * statement whose text is built once per shape (lib/sessions/list-sessions.ts) passes
 * placeholders instead and binds the values on every call.
 */
export interface ListBindings {
  me: SQL;
  org: SQL;
  teamIds: SQL;
  /** The instant shares are judged at, as a timestamptz. */
  now: SQL;
  pattern: SQL;
  edgeAt: SQL;
  edgeId: SQL;
  limit: SQL;
}

function boundValues(actor: StaffActor, q: string | undefined, window: PageWindow | undefined): ListBindings {
  const edge = window?.before ?? window?.after;
  return {
    me: sql`${actor.userId}`,
    org: sql`${actor.organisationId}`,
    teamIds: sql`${sql.param(actor.teamIds)}`,
    now: sqlInstant(new Date()),
    pattern: sql`${containsPattern(q ?? "")}`,
    edgeAt: sql`${edge?.listedAt ?? ""}`,
    edgeId: sql`${edge?.id ?? ""}`,
    limit: sql`${window?.limit ?? 0}`,
  };
}

/** The bindings as placeholders, and the values that fill them for one call. */
export const LIST_PLACEHOLDERS: ListBindings = {
  me: sql`${sql.placeholder("me")}`,
  org: sql`${sql.placeholder("org")}`,
  teamIds: sql`${sql.placeholder("teamIds")}`,
  now: sql`${sql.placeholder("now")}::timestamptz`,
  pattern: sql`${sql.placeholder("pattern")}`,
  edgeAt: sql`${sql.placeholder("edgeAt")}`,
  edgeId: sql`${sql.placeholder("edgeId")}`,
  limit: sql`${sql.placeholder("limit")}`,
};
export function listPlaceholderValues(actor: StaffActor, q: string | undefined, window: PageWindow): Record<keyof ListBindings, unknown> {
  const edge = window.before ?? window.after;
  return {
    me: actor.userId,
    org: actor.organisationId,
    teamIds: actor.teamIds,
    now: new Date().toISOString(),
    pattern: containsPattern(q ?? ""),
    edgeAt: edge?.listedAt ?? "",
    edgeId: edge?.id ?? "",
    limit: window.limit,
  };
}

/**
 * The sessions an actor may see, as SQL, branch by branch — the same rules as `sessionAccess`
 * (lib/access/sessions.ts): owner, a direct share (whose end date, if any, is ahead), or team visibility for a member of the team,
 * in the actor's organisation, not deleted, and only while the actor's membership is active.
 * Each branch is a UNION ALL arm that reads its own index in order (the index and the ORDER BY
 * agree: `created_at desc, id desc`, nulls first, see db/schema/sessions.ts):
 *   mine   → clinical_sessions_owner_idx (owner_id, created_at desc, id desc) where deleted_at is null
 *   shared → session_shares_user_idx (user_id, created_at desc, session_id desc), then the sessions' primary key
 *   team   → one arm per team (LATERAL) on clinical_sessions_team_idx (team_id, created_at desc, id desc)
 * With a `window`, each arm stops after the cursor and the limit, so a page costs the same at any
 * depth; without one, the arms are the whole visible set (the access test and the chart's tab).
 * The role ceiling (sessions: none) is applied by the caller before querying; the level of each
 * row is then computed by the policy itself.
 * Columns: the session's access facts and list fields, `granted_by_id`/`shared_at` (shared
 * branch) and `listed_at` (the "newest first" key). The actor's own share is joined by the caller
 * (sessionPageSql) or is `my_share` here when no window is given.
 * With `emergencyAt` (whole-set queries only: the chart's tab and the access test), a fifth arm
 * adds the sessions the actor holds a live emergency grant on at that instant; `emergency_until`
 * carries the grant's end (null in the other arms), and the policy turns it into View.
 */
export function visibleSessionsSql(
  actor: StaffActor,
  opts: { tabs: readonly SessionListTab[]; q?: string; window?: PageWindow; emergencyAt?: Date; bind?: ListBindings },
): SQL | null {
  const bind = opts.bind ?? boundValues(actor, opts.q, opts.window);
  const { me, org } = bind;
  const active = sql`exists (select 1 from memberships m where m.organisation_id = ${org} and m.user_id = ${me} and m.status = 'active')`;
  // Client names are matched first (trigram index on the organisation's clients), then used as an
  // array, so the title's trigram index and the sessions' client index can be OR-ed in one bitmap.
  const search = opts.q
    ? sql`and (s.title ilike ${bind.pattern} or s.client_id = any(array(
        select c.id from clients c where c.organisation_id = ${org} and (c.first_name || ' ' || c.last_name) ilike ${bind.pattern})))`
    : sql``;
  const columns = sql`s.id, s.title, s.status, s.owner_id, s.team_id, s.visibility, s.client_id, s.organisation_id, s.created_at, s.updated_at`;
  const win = opts.window;
  const backwards = Boolean(win?.before);
  const edge = win?.before ?? win?.after;
  // Keyset condition and order on an arm's own sort key (created_at or the share's created_at).
  const keyset = (key: SQL, id: SQL) =>
    edge ? sql`and (${key}, ${id}) ${backwards ? sql`>` : sql`<`} (${bind.edgeAt}::timestamptz, ${bind.edgeId}::uuid)` : sql``;
  const order = (key: SQL, id: SQL) => (win ? sql`order by ${key} ${backwards ? sql`asc` : sql`desc`}, ${id} ${backwards ? sql`asc` : sql`desc`} limit ${bind.limit}` : sql``);
  // A share whose end date has passed counts as absent (lib/access/access-end.ts).
  const live = (alias: string) => liveGrant(sql.raw(`${alias}.expires_at`), bind.now);
  const myShare = win
    ? sql`null::share_access as my_share`
    : sql`(select my.access from session_shares my where my.session_id = s.id and my.user_id = ${me} and ${live("my")}) as my_share`;

  const branches: SQL[] = [];
  if (opts.tabs.includes("mine")) {
    branches.push(sql`(
      select ${columns}, ${myShare}, null::uuid as granted_by_id, null::timestamptz as shared_at, s.created_at as listed_at, null::timestamptz as emergency_until
      from clinical_sessions s
      where s.owner_id = ${me} and s.organisation_id = ${org} and s.deleted_at is null and ${active} ${search}
        ${keyset(sql`s.created_at`, sql`s.id`)}
      ${order(sql`s.created_at`, sql`s.id`)})`);
  }
  if (opts.tabs.includes("shared")) {
    branches.push(sql`(
      select ${columns}, sh.access as my_share, sh.granted_by_id, sh.created_at as shared_at, sh.created_at as listed_at, null::timestamptz as emergency_until
      from session_shares sh
      join clinical_sessions s on s.id = sh.session_id
      where sh.user_id = ${me} and ${live("sh")} and s.organisation_id = ${org} and s.deleted_at is null and s.owner_id <> ${me} and ${active} ${search}
        ${keyset(sql`sh.created_at`, sql`sh.session_id`)}
      ${order(sql`sh.created_at`, sql`sh.session_id`)})`);
  }
  if (opts.tabs.includes("team") && actor.teamIds.length > 0) {
    // One array parameter, so the query's text (and its prepared statement) is the same for any number of teams.
    const teamIds = sql`${bind.teamIds}::uuid[]`;
    // One ordered, limited arm per team: each reads its team's slice of the index in order, and
    // the arms merge to the first page without reading any team's whole history.
    branches.push(sql`(
      select x.* from unnest(${teamIds}) as my_team(id)
      cross join lateral (
        select ${columns}, ${myShare}, null::uuid as granted_by_id, null::timestamptz as shared_at, s.created_at as listed_at, null::timestamptz as emergency_until
        from clinical_sessions s
        where s.team_id = my_team.id and s.visibility = 'team' and s.deleted_at is null and s.organisation_id = ${org} and ${active} ${search}
          ${keyset(sql`s.created_at`, sql`s.id`)}
        ${order(sql`s.created_at`, sql`s.id`)}) x
      ${win ? order(sql`x.listed_at`, sql`x.id`) : sql``})`);
  }
  if (opts.emergencyAt && !win && roleAllowsEmergencyAccess(actor, "session")) {
    const until = liveEmergencyGrantEndSql(actor, "session", sql`s.id`, opts.emergencyAt);
    branches.push(sql`(
      select ${columns}, ${myShare}, null::uuid as granted_by_id, null::timestamptz as shared_at, s.created_at as listed_at, ${until} as emergency_until
      from clinical_sessions s
      where s.id in (select g.session_id from emergency_access_grants g where g.user_id = ${me} and g.organisation_id = ${org} and g.session_id is not null and g.ended_at is null)
        and s.organisation_id = ${org} and s.deleted_at is null and ${active} and ${until} is not null ${search})`);
  }
  if (branches.length === 0) return null;
  return sql.join(branches, sql` union all `);
}

/**
 * One page of one tab, newest first, with the names the list shows and the actor's own share.
 * Asks for `limit + 1` rows so the caller knows whether another page follows.
 * A tab is one arm, already ordered and limited: the page only adds the names, and only those the
 * tab can need (each lookup is planned and run on every call): "My sessions" are the actor's own,
 * so neither their share nor their own name is looked up (`owner_name` is null: the caller has
 * it), and only a share has a granter.
 */
export function sessionPageSql(actor: StaffActor, opts: { tab: SessionListTab; q?: string; window: PageWindow; bind?: ListBindings }): SQL | null {
  const window = { ...opts.window, limit: opts.window.limit + 1 };
  const bind = opts.bind ?? boundValues(actor, opts.q, window);
  const arm = visibleSessionsSql(actor, { tabs: [opts.tab], q: opts.q, window, bind });
  if (!arm) return null;
  const dir = Boolean(window.before) ? sql`asc` : sql`desc`;
  const mine = opts.tab === "mine";
  const myShare = mine
    ? sql`null::share_access`
    : sql`coalesce(p.my_share, (select my.access from session_shares my where my.session_id = p.id and my.user_id = ${bind.me} and ${liveGrant(sql`my.expires_at`, bind.now)}))`;
  const ownerName = mine ? sql`null::text` : sql`(select o.name from users o where o.id = p.owner_id)`;
  const grantedByName = opts.tab === "shared" ? sql`(select g.name from users g where g.id = p.granted_by_id)` : sql`null::text`;
  // The names are looked up for the page's rows only, by primary key (scalar subqueries: nothing
  // for the planner to reorder, and never a scan of users).
  return sql`
    select p.id, p.title, p.status, p.owner_id, p.team_id, p.visibility, p.organisation_id, p.created_at, p.updated_at,
      p.shared_at, p.listed_at::text as listed_key, ${myShare} as my_share,
      (select c.first_name || ' ' || c.last_name from clients c where c.id = p.client_id) as client_name,
      ${ownerName} as owner_name, ${grantedByName} as granted_by_name,
      (select t.name from teams t where t.id = p.team_id) as team_name
    from ${arm} p
    order by p.listed_at ${dir}, p.id ${dir}`;
}

export { decodeListCursor, encodeListCursor } from "@/lib/pagination/list-cursor";
