/**
 * End dates on grants (session shares, chart access-list entries, portal logins' profiles) and the
 * life of an access request. The policy treats a grant whose end has passed as absent — the
 * sweep only tidies up — so every query that reads a grant adds `liveGrant(...)`.
 * The clock is the app's (`new Date()`), passed into SQL as a parameter, so tests can stand at any
 * instant with an injected clock (vi.setSystemTime) and the app and the database agree on "now".
 */
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/** The granter is warned this many days before the end (once). */
export const END_WARNING_DAYS = 3;
/** An access request unanswered for this long is no longer pending. */
export const ACCESS_REQUEST_DAYS = 14;
/** Requests one person may send per hour. */
export const ACCESS_REQUESTS_PER_HOUR = 5;

const DAY_MS = 24 * 60 * 60 * 1000;

export function daysAfter(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

/** `now` as a timestamptz parameter. */
export function sqlInstant(at: Date): SQL {
  return sql`${at.toISOString()}::timestamptz`;
}

/** SQL: the grant has no end date, or its end is still ahead of `now`. */
export function liveGrant(expiresAt: AnyPgColumn | SQL, now: Date | SQL = new Date()): SQL {
  // `now` as SQL: an instant already written as a timestamptz (a placeholder of a statement built once).
  return sql`(${expiresAt} is null or ${expiresAt} > ${now instanceof Date ? sqlInstant(now) : now})`;
}

/** The same rule in JS, for rows already read. */
export function isGrantLive(expiresAt: Date | null | undefined, now: Date = new Date()): boolean {
  return !expiresAt || expiresAt.getTime() > now.getTime();
}
