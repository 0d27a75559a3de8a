import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { memberships, staffAuthSessions } from "@/db/schema";

/**
 * The organisation a sign-in enters: of the person's active memberships, the one they used most
 * recently, else the most recently joined (ties broken by id, so the choice is deterministic).
 * Null without an active membership.
 */
export async function pickSignInOrganisation(exec: Executor, userId: string): Promise<string | null> {
  const lastUsed = sql`(select max(${staffAuthSessions.lastActiveAt}) from ${staffAuthSessions}
    where ${staffAuthSessions.userId} = ${memberships.userId} and ${staffAuthSessions.organisationId} = ${memberships.organisationId})`;
  const [membership] = await exec
    .select({ organisationId: memberships.organisationId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.status, "active")))
    .orderBy(sql`${lastUsed} desc nulls last`, desc(memberships.createdAt), desc(memberships.id))
    .limit(1);
  return membership?.organisationId ?? null;
}
