import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { actionTokens } from "@/db/schema";
import { hashToken, newToken } from "@/lib/crypto/tokens";

type Purpose = (typeof actionTokens.$inferSelect)["purpose"];

/**
 * Issues a one-time link token, revoking any earlier unused token for the same person and
 * purpose (a resent invitation kills the previous link). Returns the token for the email.
 */
export async function issueActionToken(
  exec: Executor,
  input: { purpose: Purpose; organisationId: string; createdById: string; userId?: string; portalAccountId?: string; ttlHours: number },
): Promise<string> {
  const owner = input.userId ? eq(actionTokens.userId, input.userId) : eq(actionTokens.portalAccountId, input.portalAccountId!);
  await exec
    .update(actionTokens)
    .set({ revokedAt: new Date() })
    .where(and(owner, eq(actionTokens.purpose, input.purpose), eq(actionTokens.organisationId, input.organisationId), isNull(actionTokens.usedAt), isNull(actionTokens.revokedAt)));
  const token = newToken();
  await exec.insert(actionTokens).values({
    purpose: input.purpose,
    tokenHash: hashToken(token),
    organisationId: input.organisationId,
    userId: input.userId,
    portalAccountId: input.portalAccountId,
    createdById: input.createdById,
    expiresAt: sql`now() + make_interval(hours => ${input.ttlHours})`,
  });
  return token;
}

/** The token's row if it is unused, unrevoked and unexpired; locks it when `forUpdate`. */
export async function findUsableActionToken(exec: Executor, purpose: Purpose, token: string, opts: { forUpdate?: boolean } = {}) {
  const query = exec
    .select()
    .from(actionTokens)
    .where(
      and(
        eq(actionTokens.tokenHash, hashToken(token)),
        eq(actionTokens.purpose, purpose),
        isNull(actionTokens.usedAt),
        isNull(actionTokens.revokedAt),
        gt(actionTokens.expiresAt, sql`now()`),
      ),
    )
    .limit(1);
  const [row] = opts.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

/** Revokes every unused token of a person for a purpose in one organisation. */
export async function revokeActionTokens(exec: Executor, input: { purpose: Purpose; organisationId: string; userId: string }): Promise<number> {
  const revoked = await exec
    .update(actionTokens)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(actionTokens.userId, input.userId),
        eq(actionTokens.purpose, input.purpose),
        eq(actionTokens.organisationId, input.organisationId),
        isNull(actionTokens.usedAt),
        isNull(actionTokens.revokedAt),
      ),
    )
    .returning({ id: actionTokens.id });
  return revoked.length;
}
