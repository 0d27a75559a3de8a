import "server-only";
import { and, eq, isNull, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { actionTokens, clients, organisations, portalAccountProfiles, portalAccounts } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { findUsableActionToken } from "@/lib/auth/action-tokens";
import { hashPassword } from "@/lib/auth/password";
import { assertNewPasswordAllowed } from "@/lib/auth/password-strength";
import { AppError } from "@/lib/errors";

/** What the set-password page shows (a GET never uses the link up: mail scanners open links too). */
export async function describePortalInvitation(token: string): Promise<{ name: string; email: string; clinicName: string } | null> {
  if (!token || token.length > 200) return null;
  const db = await getDb();
  const row = await findUsableActionToken(db, "portal_invitation", token);
  if (!row?.portalAccountId || !row.organisationId) return null;
  const [account] = await db.select({ name: portalAccounts.name, email: portalAccounts.email }).from(portalAccounts).where(eq(portalAccounts.id, row.portalAccountId));
  const [org] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, row.organisationId));
  return account && org ? { ...account, clinicName: org.name } : null;
}

/**
 * Public: the invited client sets their password. The token is used once (locked, then marked
 * used in the same transaction) and every profile waiting on this login becomes accepted.
 */
export async function acceptPortalInvitation(input: { token: string; password: string }): Promise<{ email: string; accountId: string }> {
  // Checked against the client's own name and email, which only a live invitation tells us.
  const client = await describePortalInvitation(input.token);
  if (!client) throw new AppError("not_found");
  await assertNewPasswordAllowed(input.password, client);
  const passwordHash = await hashPassword(input.password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await findUsableActionToken(tx, "portal_invitation", input.token, { forUpdate: true });
    if (!row?.portalAccountId || !row.organisationId) throw new AppError("not_found");
    const accepted = await tx
      .update(portalAccountProfiles)
      .set({ status: "accepted", acceptedAt: new Date() })
      .where(and(eq(portalAccountProfiles.portalAccountId, row.portalAccountId), eq(portalAccountProfiles.status, "invited")))
      .returning({ clientId: portalAccountProfiles.clientId });
    const [live] = await tx
      .select({ clientId: portalAccountProfiles.clientId })
      .from(portalAccountProfiles)
      .innerJoin(clients, eq(clients.id, portalAccountProfiles.clientId))
      .where(and(eq(portalAccountProfiles.portalAccountId, row.portalAccountId), ne(portalAccountProfiles.status, "revoked"), isNull(clients.archivedAt)))
      .limit(1);
    if (!live) throw new AppError("not_found");
    await tx.update(actionTokens).set({ usedAt: new Date() }).where(eq(actionTokens.id, row.id));
    const [account] = await tx
      .update(portalAccounts)
      .set({ passwordHash, failedSignIns: 0, lockedUntil: null })
      .where(eq(portalAccounts.id, row.portalAccountId))
      .returning({ email: portalAccounts.email, id: portalAccounts.id });
    for (const a of accepted) {
      await recordAudit(tx, {
        organisationId: row.organisationId,
        actor: { type: "client", id: account!.id },
        action: "client_portal.invitation_accepted",
        target: { type: "client", id: a.clientId },
      });
    }
    return { email: account!.email, accountId: account!.id };
  });
}
