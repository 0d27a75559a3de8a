import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { portalAccounts, portalSessions } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import { PORTAL_SESSION_HOURS, type PortalClient } from "./types";

/** Starts a portal sign-in: a random token for the cookie; only its hash is stored. */
export async function startPortalSession(accountId: string, exec?: Executor): Promise<{ token: string; expiresAt: Date }> {
  const db = exec ?? (await getDb());
  const token = newToken();
  const [row] = await db
    .insert(portalSessions)
    .values({ portalAccountId: accountId, tokenHash: hashToken(token), expiresAt: sql`now() + make_interval(hours => ${PORTAL_SESSION_HOURS})` })
    .returning({ expiresAt: portalSessions.expiresAt });
  return { token, expiresAt: row!.expiresAt };
}

/** The signed-in client for a cookie token: unexpired, not signed out. Null otherwise. */
export async function portalClientForToken(token: string | undefined | null, exec?: Executor): Promise<PortalClient | null> {
  if (!token || token.length > 200) return null;
  const db = exec ?? (await getDb());
  const [row] = await db
    .select({ sessionId: portalSessions.id, accountId: portalAccounts.id, name: portalAccounts.name, email: portalAccounts.email })
    .from(portalSessions)
    .innerJoin(portalAccounts, eq(portalAccounts.id, portalSessions.portalAccountId))
    .where(and(eq(portalSessions.tokenHash, hashToken(token)), isNull(portalSessions.revokedAt), gt(portalSessions.expiresAt, sql`now()`)))
    .limit(1);
  return row ?? null;
}

/** Sign-out: the stored session is revoked, so the cookie is worthless even if it was copied. */
export async function endPortalSession(token: string | undefined | null, exec?: Executor): Promise<PortalClient | null> {
  const client = await portalClientForToken(token, exec);
  if (!client) return null;
  const db = exec ?? (await getDb());
  await db.update(portalSessions).set({ revokedAt: new Date() }).where(eq(portalSessions.id, client.sessionId));
  await recordAudit(db, { organisationId: null, actor: { type: "client", id: client.accountId }, action: "client_portal.signed_out" });
  return client;
}
