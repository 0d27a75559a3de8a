import { describe, expect, it } from "vitest";
import { EmbeddedDatabaseInUse } from "@/db/embedded-lock";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";
import { AppError, toActionError } from "@/lib/errors";

const pgError = (code: string) => Object.assign(new Error("server said no"), { code });
// Drizzle wraps what the driver threw.
const wrapped = (cause: unknown) => Object.assign(new Error("Failed query: select …"), { cause });

describe("telling 'the database is unreachable' from a bug", () => {
  it("recognises connect and read timeouts, lost connections and refused sockets, also wrapped by Drizzle", () => {
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(new Error("Query read timeout")))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(new Error("Connection terminated unexpectedly")))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
  });

  it("recognises the server's own refusals: statement timeout, shutdown, too many connections", () => {
    for (const code of ["57014", "57P01", "57P03", "53300", "08006", "25P03"]) expect(isDatabaseUnavailable(wrapped(pgError(code))), code).toBe(true);
  });

  it("recognises the embedded database held by another process", () => {
    expect(isDatabaseUnavailable(new EmbeddedDatabaseInUse({ pid: 42, command: "npm run dev", secret: "x" }))).toBe(true);
  });

  it("does not excuse bugs or data errors", () => {
    expect(isDatabaseUnavailable(wrapped(pgError("23505")))).toBe(false); // unique violation
    expect(isDatabaseUnavailable(wrapped(pgError("42703")))).toBe(false); // undefined column
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable(new AppError("not_found"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  it("server actions answer { error: 'unavailable' } for an outage, never 'unexpected'", () => {
    expect(toActionError(wrapped(new Error("Query read timeout")))).toEqual({ error: "unavailable" });
  });
});
