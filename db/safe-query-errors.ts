import { PgPreparedQuery } from "drizzle-orm/pg-core";
import { toDatabaseError } from "../lib/log/safe-error";

type QueryWithCache = (this: unknown, queryString: string, params: unknown[], query: () => Promise<unknown>) => Promise<unknown>;
const patched = Symbol.for("carebridge.safeQueryErrors");

/**
 * Every query of every driver (node-postgres, PGlite, Neon) runs through PgPreparedQuery's
 * queryWithCache, which wraps a failure in a DrizzleQueryError holding the SQL and every bound
 * value. Rethrow it as a DatabaseError (lib/log/safe-error.ts) instead, so no caller, Next's
 * error logging or Auth.js's logger ever sees the values. Callers still get the Postgres code
 * (isUniqueViolation reads `code`).
 */
export function installSafeQueryErrors(): void {
  const proto = PgPreparedQuery.prototype as unknown as { queryWithCache: QueryWithCache; [patched]?: true };
  if (proto[patched]) return;
  const original = proto.queryWithCache;
  proto.queryWithCache = async function (queryString, params, query) {
    try {
      return await original.call(this, queryString, params, query);
    } catch (e) {
      throw toDatabaseError(e);
    }
  };
  proto[patched] = true;
}
