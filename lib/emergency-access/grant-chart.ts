import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clinicalSessions } from "@/db/schema";

/** The record an emergency grant is on, as an audit event's target. */
export function grantTarget(grant: { clientId: string | null; sessionId: string | null }): { type: "client" | "clinical_session"; id: string } {
  return grant.clientId ? { type: "client", id: grant.clientId } : { type: "clinical_session", id: grant.sessionId! };
}

/**
 * The chart an emergency grant concerns, for its audit events' client (so the audit log's client
 * filter and the chart's history find them): the chart itself, or the session's patient profile
 * (none for a session without one).
 */
export async function grantChartId(exec: Executor, grant: { clientId: string | null; sessionId: string | null }): Promise<string | null> {
  if (grant.clientId) return grant.clientId;
  if (!grant.sessionId) return null;
  const [session] = await exec.select({ clientId: clinicalSessions.clientId }).from(clinicalSessions).where(eq(clinicalSessions.id, grant.sessionId));
  return session?.clientId ?? null;
}
