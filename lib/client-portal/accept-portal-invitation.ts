import "server-only";
import { and, eq, inArray, isNull, ne } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { actionTokens, clients, organisations, portalAccountProfiles, portalAccounts } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { findUsableActionToken } from "@/lib/auth/action-tokens";
import { confirmExistingPassword } from "@/lib/auth/confirm-existing-password";
import { hashPassword } from "@/lib/auth/password";
import { assertNewPasswordAllowed } from "@/lib/auth/password-strength";
import { AppError } from "@/lib/errors";
import type { ClientInfo } from "@/lib/request/client-info";

/** This clinic's charts: an invitation link accepts only the profiles of the clinic that sent it. */
const profilesOf = (exec: Executor, organisationId: string) => exec.select({ id: clients.id }).from(clients).where(eq(clients.organisationId, organisationId));

/**
 * What the invitation page shows (a GET never uses the link up: mail scanners open links too):
 * the clinic that asks, the name *it* recorded, and whether the email already has a login (then
 * the client accepts with their password instead of choosing one). Null once nothing of that
 * clinic is waiting on the login.
 */
export async function describePortalInvitation(token: string): Promise<{ name: string; email: string; clinicName: string; hasLogin: boolean } | null> {
  if (!token || token.length > 200) return null;
  const db = await getDb();
  const row = await findUsableActionToken(db, "portal_invitation", token);
  if (!row?.portalAccountId || !row.organisationId) return null;
  const [pending] = await db
    .select({ invitedName: portalAccountProfiles.invitedName, email: portalAccounts.email, passwordHash: portalAccounts.passwordHash, clinicName: organisations.name })
    .from(portalAccountProfiles)
    .innerJoin(portalAccounts, eq(portalAccounts.id, portalAccountProfiles.portalAccountId))
    .innerJoin(clients, eq(clients.id, portalAccountProfiles.clientId))
    .innerJoin(organisations, eq(organisations.id, clients.organisationId))
    .where(
      and(
        eq(portalAccountProfiles.portalAccountId, row.portalAccountId),
        eq(portalAccountProfiles.status, "invited"),
        eq(clients.organisationId, row.organisationId),
        isNull(clients.archivedAt),
      ),
    )
    .limit(1);
  if (!pending) return null;
  return { name: pending.invitedName ?? "", email: pending.email, clinicName: pending.clinicName, hasLogin: pending.passwordHash !== null };
}

/**
 * Public: the invited client accepts. A new login chooses its password; a login that already
 * has one (another clinic's, or this one's) confirms with it — no new password. The token is
 * used once (locked, then marked used in the same transaction) and this clinic's profiles waiting
 * on the login become accepted; another clinic's pending invitation stays pending.
 */
export async function acceptPortalInvitation(
  input: { token: string; password: string } | { token: string; existingPassword: string; client: ClientInfo },
): Promise<{ email: string; accountId: string }> {
  const db = await getDb();
  let passwordHash: string | null = null;
  if ("existingPassword" in input) {
    const row = await findUsableActionToken(db, "portal_invitation", input.token);
    if (!row?.portalAccountId || !row.organisationId) throw new AppError("not_found");
    const [account] = await db.select({ email: portalAccounts.email, passwordHash: portalAccounts.passwordHash }).from(portalAccounts).where(eq(portalAccounts.id, row.portalAccountId));
    if (!account?.passwordHash) throw new AppError("not_found");
    await confirmExistingPassword({ audience: "client", email: account.email, password: input.existingPassword, client: input.client, organisationId: row.organisationId });
  } else {
    // Checked against the client's own name and email, which only a live invitation tells us.
    const invited = await describePortalInvitation(input.token);
    if (!invited) throw new AppError("not_found");
    await assertNewPasswordAllowed(input.password, invited);
    passwordHash = await hashPassword(input.password);
  }
  return db.transaction(async (tx) => {
    const row = await findUsableActionToken(tx, "portal_invitation", input.token, { forUpdate: true });
    if (!row?.portalAccountId || !row.organisationId) throw new AppError("not_found");
    const [login] = await tx.select({ passwordHash: portalAccounts.passwordHash }).from(portalAccounts).where(eq(portalAccounts.id, row.portalAccountId)).for("update");
    // Choosing a password is only for a login that has none: never a way to replace one.
    if (passwordHash && login?.passwordHash) throw new AppError("has_account", { field: "password" });
    if (!passwordHash && !login?.passwordHash) throw new AppError("not_found");
    const accepted = await tx
      .update(portalAccountProfiles)
      .set({ status: "accepted", acceptedAt: new Date() })
      .where(
        and(
          eq(portalAccountProfiles.portalAccountId, row.portalAccountId),
          eq(portalAccountProfiles.status, "invited"),
          inArray(portalAccountProfiles.clientId, profilesOf(tx, row.organisationId)),
        ),
      )
      .returning({ clientId: portalAccountProfiles.clientId });
    const [live] = await tx
      .select({ clientId: portalAccountProfiles.clientId })
      .from(portalAccountProfiles)
      .innerJoin(clients, eq(clients.id, portalAccountProfiles.clientId))
      .where(
        and(
          eq(portalAccountProfiles.portalAccountId, row.portalAccountId),
          ne(portalAccountProfiles.status, "revoked"),
          eq(clients.organisationId, row.organisationId),
          isNull(clients.archivedAt),
        ),
      )
      .limit(1);
    if (!live) throw new AppError("not_found");
    await tx.update(actionTokens).set({ usedAt: new Date() }).where(eq(actionTokens.id, row.id));
    const [account] = await tx
      .update(portalAccounts)
      .set(passwordHash ? { passwordHash, failedSignIns: 0, lockedUntil: null } : { failedSignIns: 0 })
      .where(eq(portalAccounts.id, row.portalAccountId))
      .returning({ email: portalAccounts.email, id: portalAccounts.id });
    for (const a of accepted) {
      await recordAudit(tx, {
        organisationId: row.organisationId,
        actor: { type: "client", id: account!.id },
        action: "client_portal.invitation_accepted",
        target: { type: "client", id: a.clientId },
        clientId: a.clientId,
        metadata: { with: passwordHash ? "new_password" : "existing_password" },
      });
    }
    return { email: account!.email, accountId: account!.id };
  });
}
