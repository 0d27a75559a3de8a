/**
 * Is this error "the database cannot be reached or did not answer in time" rather than a bug?
 * Such failures get the calm "try again in a minute" answer (HTTP 503, `{ error: "unavailable" }`)
 * instead of "something went wrong" — or, on a sign-in form, instead of "password incorrect".
 * Drizzle wraps driver errors (DrizzleQueryError → cause), so the whole cause chain is checked.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message, name } = e as { code?: unknown; message?: unknown; name?: unknown };
    if (name === "EmbeddedDatabaseInUse") return true;
    if (typeof code === "string") {
      if (NETWORK_CODES.has(code)) return true;
      // SQLSTATE classes 08 (connection exception), 57P (operator intervention: shutdown, cannot connect now),
      // 53300 too many connections, 57014 statement timeout, 25P03 idle-in-transaction timeout.
      if (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-4]$/.test(code) || code === "53300" || code === "57014" || code === "25P03") return true;
    }
    if (typeof message === "string" && UNAVAILABLE_MESSAGES.some((m) => message.includes(m))) return true;
  }
  return false;
}

const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE"]);

// node-postgres (and Neon's fork) raise these without a code.
const UNAVAILABLE_MESSAGES = [
  "timeout exceeded when trying to connect", // pool: no connection within connectionTimeoutMillis
  "Connection terminated due to connection timeout",
  "Connection terminated unexpectedly",
  "Query read timeout", // client-side cap: the server never answered
  "Client was closed and is not queryable",
  "Client has encountered a connection error and is not queryable",
  "Cannot use a pool after calling end on the pool",
];
