import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { StaffActor } from "@/lib/access/actor";
import { accessListClientIdsSql, activeMembershipSql, assignedClientIdsSql, liveChartSql, seesCharts } from "@/lib/access/client-visibility";
import type { DocumentKind } from "@/lib/access/documents";
import type { PageWindow } from "@/lib/pagination/list-cursor";

/**
 * One page of "documents I can see", newest first, as SQL — the rule of canDocument(): the
 * actor's organisation, not deleted, a kind the role may view (the caller passes those kinds), and
 * a chart the actor may see (visibleClientsFilter's rule). Written as arms that each read an
 * index in order and stop at the page's end, merged to one page, so any page costs what the
 * first does at a million documents:
 *   one chart            → documents_client_idx (client_id, created_at desc, id desc)
 *   role sees all charts → one arm per kind on documents_org_kind_live_idx (organisation, kind,
 *                           created_at desc, id desc, client_id; live documents only)
 *   a few assigned charts → one arm per chart on the actor's access list, on documents_client_idx
 *   many assigned charts  → one arm per kind on documents_org_kind_live_idx, index-only: each
 *                           entry's chart is probed in a hash of the access list (read from
 *                           client_access alone) and, if listed, checked live by primary key. A
 *                           quarter of the organisation's charts finds a page in ~100 entries,
 *                           where 30,000 per-chart arms, or a join of the list to every document
 *                           of the organisation, cost seconds at a million documents.
 * The arms carry only (id, created_at); the page's rows are read by primary key at the end.
 * Asks for `limit + 1` rows so the caller knows whether another page follows. Null: nothing visible.
 */
export const MANY_ASSIGNED_CHARTS = 500;

export function documentPageSql(
  actor: StaffActor,
  opts: { kinds: DocumentKind[]; clientId?: string; window: PageWindow; assignedCharts?: "few" | "many"; now?: Date },
): SQL | null {
  if (opts.kinds.length === 0 || !seesCharts(actor)) return null;
  const org = actor.organisationId;
  const limit = opts.window.limit + 1;
  const backwards = Boolean(opts.window.before);
  const edge = opts.window.before ?? opts.window.after;
  const dir = backwards ? sql`asc` : sql`desc`;
  const keyset = edge ? sql`and (d.created_at, d.id) ${backwards ? sql`>` : sql`<`} (${edge.listedAt}::timestamptz, ${edge.id}::uuid)` : sql``;
  const arm = (where: SQL) => sql`(
    select d.id, d.created_at
    from documents d
    where ${where} and d.organisation_id = ${org} and d.deleted_at is null ${keyset}
    order by d.created_at ${dir}, d.id ${dir} limit ${limit})`;
  // One array parameter, so the statement's text is the same for any set of kinds.
  const kinds = sql`${sql.param(opts.kinds)}::document_kind[]`;
  const chartVisible = liveChartSql(actor, sql`d.client_id`);

  // Listing is viewing: a live emergency grant on a chart counts (lib/access/client-visibility.ts).
  const sight = { emergencyAt: opts.now ?? new Date() };
  const mine = assignedClientIdsSql(actor, sight);
  // The lists below check each document's chart row themselves (chartVisible), so the access list
  // is read alone: joined to clients, a long one made the planner scan the organisation's clients.
  const onList = accessListClientIdsSql(actor, sight);
  let arms: SQL;
  if (opts.clientId) {
    const chart = actor.role.permissions.clientScope === "all" ? chartVisible : sql`d.client_id in (${mine})`;
    arms = arm(sql`d.client_id = ${opts.clientId}::uuid and d.kind = any(${kinds}) and ${chart}`);
  } else if (actor.role.permissions.clientScope === "all") {
    arms = sql`select x.* from unnest(${kinds}) as k(kind) cross join lateral ${arm(sql`d.kind = k.kind and ${chartVisible}`)} x`;
  } else if (opts.assignedCharts === "many") {
    // `(… in (list)) is true` keeps the list a hashed filter on the kind index read in order; a bare
    // IN becomes a join, which the planner chose to hash and then sort every document of the kind.
    arms = sql`select x.* from unnest(${kinds}) as k(kind) cross join lateral ${arm(sql`d.kind = k.kind and (d.client_id in (${onList})) is true and ${chartVisible}`)} x`;
  } else {
    arms = sql`select x.* from (${onList}) as mine(client_id) cross join lateral ${arm(sql`d.client_id = mine.client_id and d.kind = any(${kinds}) and ${chartVisible}`)} x`;
  }
  // Names are looked up for the page's rows only, by primary key.
  return sql`
    select d.id, d.kind, d.title, d.client_id, d.created_at, d.updated_at, d.created_at::text as listed_key,
      (select c.first_name || ' ' || c.last_name from clients c where c.id = d.client_id) as client_name,
      (select u.name from users u where u.id = d.author_id) as author_name
    from (select a.* from (${arms}) a where ${activeMembershipSql(actor)} order by a.created_at ${dir}, a.id ${dir} limit ${limit}) p
    join documents d on d.id = p.id
    order by p.created_at ${dir}, p.id ${dir}`;
}

/** Whether the actor's access list is long enough for the per-kind plan (counted up to the threshold only). */
export function assignedChartsCountSql(actor: StaffActor): SQL {
  return sql`select count(*)::int as n from (select 1 from client_access ca where ca.user_id = ${actor.userId} limit ${MANY_ASSIGNED_CHARTS + 1}) x`;
}
