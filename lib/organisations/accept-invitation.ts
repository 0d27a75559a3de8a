import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { actionTokens, memberships, organisations, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { findUsableActionToken } from "@/lib/auth/action-tokens";
import { confirmExistingPassword } from "@/lib/auth/confirm-existing-password";
import { hashPassword } from "@/lib/auth/password";
import { assertNewPasswordAllowed } from "@/lib/auth/password-strength";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import type { ClientInfo } from "@/lib/request/client-info";

/**
 * What the invitation page shows before the person accepts (GET never uses the token up): the
 * name this clinic typed, and whether the email already has an account (at this clinic before,
 * or at another), in which case they accept with their existing password.
 */
export async function describeInvitation(token: string): Promise<{ email: string; name: string; organisationName: string; hasAccount: boolean } | null> {
  const db = await getDb();
  const row = await findUsableActionToken(db, "member_invitation", token);
  if (!row?.userId || !row.organisationId) return null;
  const [found] = await db
    .select({
      email: users.email,
      name: users.name,
      invitedName: memberships.invitedName,
      passwordHash: users.passwordHash,
      organisationName: organisations.name,
      status: memberships.status,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, row.userId), eq(memberships.organisationId, row.organisationId)));
  if (found?.status !== "invited") return null;
  return { email: found.email, name: found.invitedName ?? found.name, organisationName: found.organisationName, hasAccount: found.passwordHash !== null };
}

/**
 * Public: the invitee accepts. A new account chooses its password; an existing one (a second
 * clinic, or a former member coming back) confirms with its password, which stays as it is.
 * The token is used once (locked, then marked used in the same transaction), the membership
 * becomes active — a second active membership for someone who works elsewhere — and a welcome
 * notification waits for them.
 */
export async function acceptInvitation(
  input: { token: string; password: string } | { token: string; existingPassword: string; client: ClientInfo },
): Promise<{ email: string }> {
  const db = await getDb();
  let passwordHash: string | null = null;
  if ("existingPassword" in input) {
    const row = await findUsableActionToken(db, "member_invitation", input.token);
    if (!row?.userId || !row.organisationId) throw new AppError("not_found");
    const [user] = await db.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, row.userId));
    if (!user?.passwordHash) throw new AppError("not_found");
    await confirmExistingPassword({ audience: "staff", email: user.email, password: input.existingPassword, client: input.client, organisationId: row.organisationId });
  } else {
    // Checked against the invitee's own name and email, which only a live invitation tells us.
    const invitee = await describeInvitation(input.token);
    if (!invitee) throw new AppError("not_found");
    await assertNewPasswordAllowed(input.password, invitee);
    passwordHash = await hashPassword(input.password);
  }
  return db.transaction(async (tx) => {
    const row = await findUsableActionToken(tx, "member_invitation", input.token, { forUpdate: true });
    if (!row?.userId || !row.organisationId) throw new AppError("not_found");
    const [membership] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, row.userId), eq(memberships.organisationId, row.organisationId)));
    if (membership?.status !== "invited") throw new AppError("not_found");
    const [account] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, row.userId)).for("update");
    // Choosing a password is only for an account that has none: never a way to replace one.
    if (passwordHash && account?.passwordHash) throw new AppError("has_account", { field: "password" });
    if (!passwordHash && !account?.passwordHash) throw new AppError("not_found");

    await tx.update(actionTokens).set({ usedAt: new Date() }).where(eq(actionTokens.id, row.id));
    const [user] = passwordHash
      ? // A brand-new account takes the name the inviting clinic typed.
        await tx
          .update(users)
          .set({ passwordHash, failedSignIns: 0, lockedUntil: null, ...(membership.invitedName ? { name: membership.invitedName } : {}) })
          .where(eq(users.id, row.userId))
          .returning()
      : await tx.select().from(users).where(eq(users.id, row.userId));
    await tx.update(memberships).set({ status: "active" }).where(eq(memberships.id, membership.id));
    const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, row.organisationId));
    await notify(tx, {
      userId: row.userId,
      organisationId: row.organisationId,
      kind: "member_welcome",
      text: `Welcome to ${org!.name}. Your account is ready.`,
      link: "/notifications",
    });
    await recordAudit(tx, {
      organisationId: row.organisationId,
      actor: { type: "user", id: row.userId },
      action: "member.invitation_accepted",
      target: { type: "membership", id: membership.id },
      metadata: { with: passwordHash ? "new_password" : "existing_password" },
    });
    return { email: user!.email };
  });
}
