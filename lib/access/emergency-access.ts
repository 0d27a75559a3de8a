/**
 * Emergency access ("break the glass"), the policy side. A grant gives its holder View — never
 * more — on exactly one chart or one session, while all of these hold at the instant `now`:
 * - the holder's role has the `emergencyAccess` permission (read fresh on every request);
 * - the organisation has emergency access turned on (Settings → Security);
 * - the grant has not been ended by an admin and its end time is after `now`.
 * Nothing runs to end a grant: every check compares the times itself, so `now` is a parameter
 * (tests inject the clock) and is never the database's own clock.
 */
import { and, gt, isNull, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import { emergencyAccessGrants } from "@/db/schema";
import type { StaffActor } from "./actor";
import { levelAtLeast } from "./permissions";

/** What a grant gives: View, whatever the holder's role would otherwise allow. */
export const EMERGENCY_ACCESS_LEVEL = "view" as const;

export type EmergencyRecord = { kind: "client"; id: string } | { kind: "session"; id: string };
export const EMERGENCY_RECORD_KINDS = ["client", "session"] as const;

/** How much of a chart an actor sees: all their role allows, only View through a grant, or nothing. */
export type ChartSight = "full" | "emergency" | "none";

/** May this actor break the glass on a record of this kind at all (role only; the organisation's switch is read with the record)? */
export function roleAllowsEmergencyAccess(actor: StaffActor, kind: EmergencyRecord["kind"]): boolean {
  const p = actor.role.permissions;
  if (!p.emergencyAccess) return false;
  // The role's area level stays a ceiling: a grant on a session is worth nothing to a role without
  // the Sessions area, nor one on a chart to a role that opens no chart.
  return kind === "client" ? levelAtLeast(p.patients, EMERGENCY_ACCESS_LEVEL) : levelAtLeast(p.sessions, EMERGENCY_ACCESS_LEVEL);
}

/**
 * A grant not ended by an admin and not past its end at `now`, on the grants table or an alias of
 * it. Live also needs the organisation's switch on: `grantIsLiveSql` adds it; where a grant is
 * made or ended, the switch is checked there.
 */
export function grantUnendedSql(now: SQL | Date, grants: { endedAt: AnyPgColumn; expiresAt: AnyPgColumn } = emergencyAccessGrants): SQL {
  const at = now instanceof Date ? now : sql`${now}::timestamptz`;
  return and(isNull(grants.endedAt), gt(grants.expiresAt, at))!;
}

const g = alias(emergencyAccessGrants, "g");

/**
 * The one rule for "this grant is live at `now`", for a query that reads grants as `g` joined to
 * their organisation as `o`: not ended, not past its end, and the organisation's switch on.
 */
export function grantIsLiveSql(now: SQL): SQL {
  return sql`${grantUnendedSql(now, g)} and o.emergency_access_enabled`;
}

/**
 * Live grants of one person on one record at `now`, as a subquery selecting `select` (reads
 * emergency_access_grants_user_{client,session}_idx). Every part is SQL so a prepared statement
 * can pass placeholders; the role check stays with the caller (`roleAllowsEmergencyAccess`).
 */
export function liveGrantsSql(p: { userId: SQL; organisationId: SQL; kind: EmergencyRecord["kind"]; recordId: SQL | null; now: SQL; select: SQL }): SQL {
  const column = grantColumn(p.kind);
  return sql`(select ${p.select} from emergency_access_grants g join organisations o on o.id = g.organisation_id
    where g.user_id = ${p.userId} and ${p.recordId ? sql`${column} = ${p.recordId}` : sql`${column} is not null`} and g.organisation_id = ${p.organisationId}
      and ${grantIsLiveSql(p.now)})`;
}

const grantColumn = (kind: EmergencyRecord["kind"]) => (kind === "client" ? sql`g.client_id` : sql`g.session_id`);

function liveGrants(actor: StaffActor, kind: EmergencyRecord["kind"], recordId: SQL | null, now: Date, select: SQL): SQL {
  return liveGrantsSql({ userId: sql`${actor.userId}::uuid`, organisationId: sql`${actor.organisationId}::uuid`, kind, recordId, now: sql`${now.toISOString()}`, select });
}

/** SQL: "the actor holds a live grant on this record at `now`". `recordId` is a column or a parameter. */
export function liveEmergencyGrantSql(actor: StaffActor, kind: EmergencyRecord["kind"], recordId: SQL, now: Date): SQL {
  return roleAllowsEmergencyAccess(actor, kind) ? sql`exists ${liveGrants(actor, kind, recordId, now, sql`1`)}` : sql`false`;
}

/** SQL: when the actor's live grant on this record ends (null: there is none), for the banner and the session facts. */
export function liveEmergencyGrantEndSql(actor: StaffActor, kind: EmergencyRecord["kind"], recordId: SQL, now: Date): SQL {
  return roleAllowsEmergencyAccess(actor, kind) ? liveGrants(actor, kind, recordId, now, sql`max(g.expires_at)`) : sql`null::timestamptz`;
}

/** SQL: the records of one kind the actor holds a live grant on at `now`, as a subquery of ids (null: the role may not hold any). */
export function liveGrantedIdsSql(actor: StaffActor, kind: EmergencyRecord["kind"], now: Date): SQL | null {
  return roleAllowsEmergencyAccess(actor, kind) ? liveGrants(actor, kind, null, now, grantColumn(kind)) : null;
}
