import type { Instrumentation } from "next";

// A request that failed because the database is unreachable marks the outage, so the next pages
// get the calm 503 page at once (proxy.ts) rather than each waiting for the timeouts.
export const onRequestError: Instrumentation.onRequestError = async (error) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { noteDatabaseError } = await import("@/lib/health/database-outage");
  noteDatabaseError(error);
};
