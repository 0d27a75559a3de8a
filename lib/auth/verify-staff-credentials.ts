import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ClientInfo } from "@/lib/request/client-info";
import { checkPasswordSignIn } from "./check-password-sign-in";

export { LOCK_AFTER_FAILURES, LOCK_MINUTES } from "./check-password-sign-in";

export type CredentialCheck =
  | { ok: true; userId: string; organisationId: string }
  | { ok: false; reason: "invalid" | "rate_limited" | "locked"; retryAfterSeconds?: number };

/**
 * Staff sign-in: a right password and an active membership. Someone who works at several clinics
 * signs into the most recently joined one (ties broken by id, so the choice is deterministic);
 * switching between them is the header's job.
 */
export async function verifyStaffCredentials(input: { email: string; password: string; client: ClientInfo }): Promise<CredentialCheck> {
  const db = await getDb();
  let organisationId: string | null = null;
  const result = await checkPasswordSignIn({
    ...input,
    audience: "staff",
    limiters: { ip: "signInIp", email: "signInEmail" },
    mayEnter: async (userId) => {
      const [membership] = await db
        .select({ organisationId: memberships.organisationId })
        .from(memberships)
        .where(and(eq(memberships.userId, userId), eq(memberships.status, "active")))
        .orderBy(desc(memberships.createdAt), desc(memberships.id))
        .limit(1);
      organisationId = membership?.organisationId ?? null;
      return Boolean(membership);
    },
    audit: (outcome, userId, reason) =>
      recordAudit(db, {
        organisationId,
        actor: userId ? { type: "user", id: userId } : { type: "anonymous" },
        action: `auth.${outcome}`,
        metadata: { email: input.email.trim().toLowerCase(), ...(reason ? { reason } : {}) },
        ip: input.client.ip,
        userAgent: input.client.userAgent,
      }),
  });
  return result.ok ? { ok: true, userId: result.accountId, organisationId: organisationId! } : result;
}
