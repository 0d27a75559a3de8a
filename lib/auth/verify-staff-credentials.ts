import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { staffTwoFactor } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ClientInfo } from "@/lib/request/client-info";
import { pickSignInOrganisation } from "./auth-sessions/pick-sign-in-organisation";
import { checkPasswordSignIn } from "./check-password-sign-in";

export { LOCK_AFTER_FAILURES, LOCK_MINUTES } from "./check-password-sign-in";

export type CredentialCheck =
  | { ok: true; userId: string; organisationId: string; secondFactor: boolean }
  | { ok: false; reason: "invalid" | "rate_limited" | "locked" | "no_access"; retryAfterSeconds?: number };

/**
 * Staff sign-in: a right password and an active membership. Someone who works at several clinics
 * signs into the one they used most recently (else the most recently joined); switching between
 * them is the header's job. `secondFactor`: the person has two-factor sign-in on, so the right
 * password is only the first step (audited as such, not as a sign-in).
 */
export async function verifyStaffCredentials(input: { email: string; password: string; client: ClientInfo }): Promise<CredentialCheck> {
  const db = await getDb();
  let organisationId: string | null = null;
  let secondFactor = false;
  const result = await checkPasswordSignIn({
    ...input,
    audience: "staff",
    limiters: { ip: "signInIp", email: "signInEmail" },
    mayEnter: async (userId) => {
      organisationId = await pickSignInOrganisation(db, userId);
      const [on] = await db
        .select({ userId: staffTwoFactor.userId })
        .from(staffTwoFactor)
        .where(and(eq(staffTwoFactor.userId, userId), isNotNull(staffTwoFactor.enabledAt)));
      secondFactor = Boolean(on);
      return organisationId !== null;
    },
    audit: (outcome, userId, reason) =>
      recordAudit(db, {
        organisationId,
        actor: userId ? { type: "user", id: userId } : { type: "anonymous" },
        action: outcome === "signed_in" && secondFactor ? "auth.password_accepted" : `auth.${outcome}`,
        metadata: { email: input.email.trim().toLowerCase(), ...(reason ? { reason } : {}) },
        ip: input.client.ip,
        userAgent: input.client.userAgent,
      }),
  });
  return result.ok ? { ok: true, userId: result.accountId, organisationId: organisationId!, secondFactor } : result;
}
