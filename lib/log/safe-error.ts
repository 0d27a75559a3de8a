/**
 * Database errors without the data. A failed query's error carries the SQL, every bound value
 * (drizzle's DrizzleQueryError puts them in its message and `.params`) and the driver's own
 * message and detail, which quote values too ("Key (email)=(…) already exists", "invalid input
 * syntax for type uuid: "…""). Clinical notes must never reach the logs that way, so the database
 * layer (db/safe-query-errors.ts) rethrows every failed query as a DatabaseError: the Postgres
 * error code and the names of the table, constraint and column, nothing else.
 * Pure (no Node imports): lib/errors.ts uses it and is shared with client components.
 */
import { isDatabaseUnavailable } from "../database-unavailable";

export interface DatabaseErrorFields {
  code?: string;
  table?: string;
  constraint?: string;
  column?: string;
}

export class DatabaseError extends Error {
  readonly code?: string;
  readonly table?: string;
  readonly constraint?: string;
  readonly column?: string;

  constructor(fields: DatabaseErrorFields) {
    super(databaseErrorLine(fields));
    this.name = "DatabaseError";
    // Only defined fields, so a logged error shows nothing but names and the code.
    for (const [k, v] of Object.entries(fields)) if (v) Object.defineProperty(this, k, { value: v, enumerable: true });
  }
}

/** The one log line for a failed query: "Database error 23505 (table users, constraint users_email_unique)". */
export function databaseErrorLine(fields: DatabaseErrorFields): string {
  const where = [fields.table && `table ${fields.table}`, fields.constraint && `constraint ${fields.constraint}`, fields.column && `column ${fields.column}`].filter(Boolean);
  return `Database error ${fields.code ?? "(no code)"}${where.length ? ` (${where.join(", ")})` : ""}`;
}

const NAME = /^[A-Za-z0-9_.$-]{1,128}$/;
const pick = (v: unknown) => (typeof v === "string" && NAME.test(v) ? v : undefined);

/** A failed query (DrizzleQueryError, a pg or PGlite error, or one wrapping another) as a DatabaseError. */
export function toDatabaseError(e: unknown): DatabaseError {
  if (e instanceof DatabaseError) return e;
  // The driver's error is the drizzle error's cause; take only its code and object names.
  let source = e as Record<string, unknown> | undefined;
  for (let depth = 0; source && depth < 3 && !pick(source.code); depth++) source = source.cause as Record<string, unknown> | undefined;
  const s = source ?? {};
  // "Cannot reach the database" errors often have no SQLSTATE (pool timeouts, closed clients): keep
  // them recognisable as such (08006, connection failure) once their message is dropped.
  const code = pick(s.code) ?? (isDatabaseUnavailable(e) ? "08006" : undefined);
  return new DatabaseError({ code, table: pick(s.table), constraint: pick(s.constraint), column: pick(s.column) });
}

/** Whether an error still carries a query or its values (a driver error that escaped the database layer). */
function carriesQuery(e: unknown): boolean {
  const o = e as Record<string, unknown> | null;
  return !!o && typeof o === "object" && ("params" in o || "query" in o || "detail" in o || (!!o.cause && carriesQuery(o.cause)));
}

/** What to hand to console.error for any caught error: query errors become their safe line. */
export function errorForLog(e: unknown): unknown {
  if (e instanceof DatabaseError) return e.message;
  if (carriesQuery(e)) return toDatabaseError(e).message;
  return e;
}
