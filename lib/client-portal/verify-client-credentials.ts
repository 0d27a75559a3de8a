import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { portalAccountProfiles } from "@/db/schema";
import { liveGrant } from "@/lib/access/access-end";
import { recordAudit } from "@/lib/audit/record-audit";
import { checkPasswordSignIn } from "@/lib/auth/check-password-sign-in";
import type { ClientInfo } from "@/lib/request/client-info";

export type ClientCredentialCheck =
  | { ok: true; accountId: string }
  | { ok: false; reason: "invalid" | "rate_limited" | "locked" | "no_access"; retryAfterSeconds?: number };

/**
 * The client portal's own sign-in (never a staff account). A login without a password yet
 * (invitation not accepted) answers like a wrong password; one whose every profile was revoked is
 * told their access has ended (only after the right password).
 */
export async function verifyClientCredentials(input: { email: string; password: string; client: ClientInfo }): Promise<ClientCredentialCheck> {
  const db = await getDb();
  return checkPasswordSignIn({
    ...input,
    audience: "client",
    limiters: { ip: "clientSignInIp", email: "clientSignInEmail" },
    mayEnter: async (accountId) => {
      const [live] = await db
        .select({ clientId: portalAccountProfiles.clientId })
        .from(portalAccountProfiles)
        .where(and(eq(portalAccountProfiles.portalAccountId, accountId), eq(portalAccountProfiles.status, "accepted"), liveGrant(portalAccountProfiles.expiresAt)))
        .limit(1);
      return Boolean(live);
    },
    audit: (outcome, accountId, reason) =>
      recordAudit(db, {
        organisationId: null,
        actor: accountId ? { type: "client", id: accountId } : { type: "anonymous" },
        action: `client_portal.${outcome}`,
        metadata: { email: input.email.trim().toLowerCase(), ...(reason ? { reason } : {}) },
        ip: input.client.ip,
        userAgent: input.client.userAgent,
      }),
  });
}
