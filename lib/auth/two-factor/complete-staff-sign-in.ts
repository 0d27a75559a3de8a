import "server-only";
import { and, eq, gt, isNotNull, isNull, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { staffPendingSignIns } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashToken } from "@/lib/crypto/tokens";
import type { ClientInfo } from "@/lib/request/client-info";
import { startAuthSession } from "../auth-sessions/start-auth-session";

/**
 * Auth.js's only way in: redeems a sign-in ticket for an auth session. One conditional UPDATE
 * takes the ticket, so it is redeemed once even when sent many times at once, and only when its
 * second factor was given (if it needed one). Null for anything else.
 */
export async function completeStaffSignIn(input: { ticket: string; client: ClientInfo; now?: Date }): Promise<{ userId: string; authSessionId: string } | null> {
  const now = input.now ?? new Date();
  const db = await getDb();
  const [taken] = await db
    .update(staffPendingSignIns)
    .set({ usedAt: now })
    .where(
      and(
        eq(staffPendingSignIns.ticketHash, hashToken(input.ticket)),
        isNull(staffPendingSignIns.usedAt),
        gt(staffPendingSignIns.expiresAt, now),
        or(eq(staffPendingSignIns.needsSecondFactor, false), isNotNull(staffPendingSignIns.secondFactorAt)),
      ),
    )
    .returning();
  if (!taken) return null;
  const authSessionId = await startAuthSession({ userId: taken.userId, organisationId: taken.organisationId, client: input.client, now });
  // Without a second factor, the password step already wrote "signed in".
  if (taken.needsSecondFactor) {
    await recordAudit(db, {
      organisationId: taken.organisationId,
      actor: { type: "user", id: taken.userId },
      action: "auth.signed_in",
      target: { type: "auth_session", id: authSessionId },
      metadata: { secondFactor: true },
      ip: input.client.ip,
      userAgent: input.client.userAgent,
    });
  }
  return { userId: taken.userId, authSessionId };
}
