import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { getDb, selectRows, type Executor } from "@/db/client";
import type { StaffActor } from "./actor";
import { levelAtLeast } from "./permissions";
import { liveEmergencyGrantSql, liveGrantedIdsSql, type ChartSight } from "./emergency-access";
import { isUuid } from "@/lib/validation/ids";
import { liveGrant } from "./access-end";

/**
 * Emergency grants count only where a caller asks for them (`emergencyAt`: the instant to judge the
 * grant at): the read-only paths — opening the chart, its documents, the lists. Everything that
 * writes to a chart or files something under it asks without, so a grant never widens beyond View.
 */
export interface SightOptions {
  emergencyAt?: Date;
}

/**
 * "… or a live emergency grant on it (and `liveChart`: it is a live chart of the organisation)",
 * only when asked for, and only for "assigned" roles: an "all" role sees every chart anyway.
 */
function grantOr(actor: StaffActor, onList: SQL, clientId: AnyPgColumn | SQL, opts: SightOptions, liveChart: SQL): SQL {
  if (!opts.emergencyAt || actor.role.permissions.clientScope === "all") return onList;
  return sql`(${onList} or (${liveEmergencyGrantSql(actor, "client", sql`${clientId}`, opts.emergencyAt)} and ${liveChart}))`;
}

/**
 * "The clients this actor may see", as one SQL condition on a client id — the same rule as
 * `canSeeClient` (a test holds both to the same answers):
 * - a role without the `patients` area sees no chart;
 * - the membership must be active (read in the query, so a leaver sees nothing at once);
 * - client scope "all" → every chart of the organisation; otherwise → the charts whose access
 *   list holds the actor (client_access_user_idx) with no end date or one still ahead, never
 *   through a session or a linked profile.
 * Archived charts are hidden.
 *
 * Usage: `.where(visibleClientsFilter(actor, documents.clientId))` or with a raw `sql\`d.client_id\``.
 */
export function visibleClientsFilter(actor: StaffActor, clientId: AnyPgColumn | SQL, opts: SightOptions = {}): SQL {
  if (!seesCharts(actor)) return sql`false`;
  if (actor.role.permissions.clientScope === "all") {
    return sql`(${activeMembershipSql(actor)} and ${clientId} in (select c.id from clients c where c.organisation_id = ${actor.organisationId} and c.archived_at is null))`;
  }
  const onList = sql`${clientId} in (${assignedClientIdsSql(actor)})`;
  const grant = sql`${clientId} in (select c.id from clients c where c.organisation_id = ${actor.organisationId} and c.archived_at is null)`;
  return sql`(${activeMembershipSql(actor)} and ${grantOr(actor, onList, clientId, opts, grant)})`;
}

/** Whether the role sees any chart at all (the `patients` area). */
export function seesCharts(actor: StaffActor): boolean {
  return levelAtLeast(actor.role.permissions.patients, "view");
}

/** True in SQL while the actor's membership is active (read in the query, so a leaver sees nothing at once). */
export function activeMembershipSql(actor: StaffActor): SQL {
  return sql`exists (select 1 from memberships m where m.organisation_id = ${actor.organisationId} and m.user_id = ${actor.userId} and m.status = 'active')`;
}

/**
 * The charts on the actor's access list (client scope "assigned"), as a subquery of `client_id`s:
 * the one place that says what an access-list entry grants. With `emergencyAt`, also the live
 * charts the actor holds an emergency grant on at that instant (read-only paths only, as above).
 * Lists that start from the actor's charts (documents of an assigned-scope role) read it as their outer loop.
 */
export function assignedClientIdsSql(actor: StaffActor, opts: SightOptions = {}): SQL {
  const onList = sql`select ca.client_id from client_access ca join clients c on c.id = ca.client_id
    where ca.user_id = ${actor.userId} and c.organisation_id = ${actor.organisationId} and c.archived_at is null and ${liveGrant(sql`ca.expires_at`)}`;
  const granted = opts.emergencyAt ? liveGrantedIdsSql(actor, "client", opts.emergencyAt) : null;
  if (!granted) return onList;
  return sql`${onList} union select c.id from clients c where c.id in (${granted}) and c.organisation_id = ${actor.organisationId} and c.archived_at is null`;
}

/**
 * The charts on the actor's access list as bare ids, without the chart's own conditions (its
 * organisation, not archived), which the caller checks per row instead: for a list that probes
 * each candidate row's chart in a hash of this (30,000 entries read from client_access alone),
 * rather than joining the whole list to clients first. The rule is assignedClientIdsSql's.
 */
export function listedClientIdsSql(actor: StaffActor, opts: SightOptions = {}): SQL {
  const onList = sql`select ca.client_id from client_access ca where ca.user_id = ${actor.userId} and ${liveGrant(sql`ca.expires_at`)}`;
  const granted = opts.emergencyAt ? liveGrantedIdsSql(actor, "client", opts.emergencyAt) : null;
  return granted ? sql`${onList} union all ${granted}` : onList;
}

/**
 * The same rule for rows of `clients` itself (the Clients list): the organisation and archive
 * conditions go on the row, so an "all"-scope role reads the organisation's name index directly
 * instead of joining clients to itself, and an "assigned" role probes its access list per row.
 * `c` is the SQL alias of the clients row (e.g. sql`"clients"`).
 */
export function visibleClientRowsFilter(actor: StaffActor, c: SQL, opts: SightOptions = {}): SQL {
  if (!seesCharts(actor)) return sql`false`;
  const row = sql`${c}.organisation_id = ${actor.organisationId} and ${c}.archived_at is null and ${activeMembershipSql(actor)}`;
  if (actor.role.permissions.clientScope === "all") return sql`(${row})`;
  const onList = sql`exists (select 1 from client_access ca where ca.client_id = ${c}.id and ca.user_id = ${actor.userId} and ${liveGrant(sql`ca.expires_at`)})`;
  return sql`(${row} and ${grantOr(actor, onList, sql`${c}.id`, opts, sql`true`)})`;
}

/** May the actor see this chart? Unknown ids, other organisations' charts and archived charts answer false. */
export async function canSeeClient(actor: StaffActor, clientId: string, exec?: Executor, opts: SightOptions = {}): Promise<boolean> {
  if (!isUuid(clientId)) return false;
  const db = exec ?? (await getDb());
  const rows = await selectRows<{ ok: number }>(db, sql`select 1 as ok where ${visibleClientsFilter(actor, sql`${clientId}::uuid`, opts)}`);
  return rows.length > 0;
}

/**
 * How much of this chart the actor sees at `now`: "full" (what their role allows: the ordinary
 * rule above), "emergency" (View only, through a live emergency grant) or "none". One query.
 */
export async function clientSight(actor: StaffActor, clientId: string, exec?: Executor, now: Date = new Date()): Promise<ChartSight> {
  if (!isUuid(clientId)) return "none";
  const db = exec ?? (await getDb());
  const id = sql`${clientId}::uuid`;
  const [row] = await selectRows<{ full: boolean; any: boolean }>(
    db,
    sql`select ${visibleClientsFilter(actor, id)} as full, ${visibleClientsFilter(actor, id, { emergencyAt: now })} as any`,
  );
  return row?.full ? "full" : row?.any ? "emergency" : "none";
}

/**
 * The same filter, also pinning the row's organisation column to the actor's organisation
 * (for tables such as documents that carry both). Same rule as `canSeeClient`.
 */
export function visibleClientFilter(actor: StaffActor, clientId: AnyPgColumn | SQL, organisationId?: AnyPgColumn | SQL, opts: SightOptions = {}): SQL {
  const filter = visibleClientsFilter(actor, clientId, opts);
  return organisationId ? sql`(${organisationId} = ${actor.organisationId} and ${filter})` : filter;
}
