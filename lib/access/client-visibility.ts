import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { getDb, selectRows, type Executor } from "@/db/client";
import type { StaffActor } from "./actor";
import { levelAtLeast } from "./permissions";
import { isUuid } from "@/lib/validation/ids";

/**
 * "The clients this actor may see", as one SQL condition on a client id — the same rule as
 * `canSeeClient` (a test holds both to the same answers):
 * - a role without the `patients` area sees no chart;
 * - the membership must be active (read in the query, so a leaver sees nothing at once);
 * - client scope "all" → every chart of the organisation; otherwise → the charts whose access
 *   list holds the actor (client_access_user_idx), never through a session or a linked profile.
 * Archived charts are hidden.
 *
 * Usage: `.where(visibleClientsFilter(actor, documents.clientId))` or with a raw `sql\`d.client_id\``.
 */
export function visibleClientsFilter(actor: StaffActor, clientId: AnyPgColumn | SQL): SQL {
  if (!seesCharts(actor)) return sql`false`;
  if (actor.role.permissions.clientScope === "all") {
    return sql`(${activeMembershipSql(actor)} and ${clientId} in (select c.id from clients c where c.organisation_id = ${actor.organisationId} and c.archived_at is null))`;
  }
  return sql`(${activeMembershipSql(actor)} and ${clientId} in (${assignedClientIdsSql(actor)}))`;
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
 * the one place that says what an access-list entry grants. Lists that start from the actor's
 * charts (documents of an assigned-scope role) read it as their outer loop.
 */
export function assignedClientIdsSql(actor: StaffActor): SQL {
  return sql`select ca.client_id from client_access ca join clients c on c.id = ca.client_id
    where ca.user_id = ${actor.userId} and c.organisation_id = ${actor.organisationId} and c.archived_at is null`;
}

/**
 * The same rule for rows of `clients` itself (the Clients list): the organisation and archive
 * conditions go on the row, so an "all"-scope role reads the organisation's name index directly
 * instead of joining clients to itself, and an "assigned" role probes its access list per row.
 * `c` is the SQL alias of the clients row (e.g. sql`"clients"`).
 */
export function visibleClientRowsFilter(actor: StaffActor, c: SQL): SQL {
  if (!seesCharts(actor)) return sql`false`;
  const row = sql`${c}.organisation_id = ${actor.organisationId} and ${c}.archived_at is null and ${activeMembershipSql(actor)}`;
  if (actor.role.permissions.clientScope === "all") return sql`(${row})`;
  return sql`(${row} and exists (select 1 from client_access ca where ca.client_id = ${c}.id and ca.user_id = ${actor.userId}))`;
}

/** May the actor see this chart? Unknown ids, other organisations' charts and archived charts answer false. */
export async function canSeeClient(actor: StaffActor, clientId: string, exec?: Executor): Promise<boolean> {
  if (!isUuid(clientId)) return false;
  const db = exec ?? (await getDb());
  const rows = await selectRows<{ ok: number }>(db, sql`select 1 as ok where ${visibleClientsFilter(actor, sql`${clientId}::uuid`)}`);
  return rows.length > 0;
}

/**
 * The same filter, also pinning the row's organisation column to the actor's organisation
 * (for tables such as documents that carry both). Same rule as `canSeeClient`.
 */
export function visibleClientFilter(actor: StaffActor, clientId: AnyPgColumn | SQL, organisationId?: AnyPgColumn | SQL): SQL {
  const filter = visibleClientsFilter(actor, clientId);
  return organisationId ? sql`(${organisationId} = ${actor.organisationId} and ${filter})` : filter;
}
