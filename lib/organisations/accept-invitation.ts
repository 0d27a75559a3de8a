import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { actionTokens, memberships, organisations, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { findUsableActionToken } from "@/lib/auth/action-tokens";
import { hashPassword } from "@/lib/auth/password";
import { assertNewPasswordAllowed } from "@/lib/auth/password-strength";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";

/** What the invitation page shows before the person sets a password (GET never uses the token up). */
export async function describeInvitation(token: string): Promise<{ email: string; name: string; organisationName: string } | null> {
  const db = await getDb();
  const row = await findUsableActionToken(db, "member_invitation", token);
  if (!row?.userId || !row.organisationId) return null;
  const [found] = await db
    .select({ email: users.email, name: users.name, organisationName: organisations.name, status: memberships.status })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, row.userId), eq(memberships.organisationId, row.organisationId)));
  return found?.status === "invited" ? { email: found.email, name: found.name, organisationName: found.organisationName } : null;
}

/**
 * Public: the invitee sets their password. The token is used once (locked, then marked used in
 * the same transaction), the membership becomes active, and a welcome notification waits for them.
 */
export async function acceptInvitation(input: { token: string; password: string }): Promise<{ email: string }> {
  // Checked against the invitee's own name and email, which only a live invitation tells us.
  const invitee = await describeInvitation(input.token);
  if (!invitee) throw new AppError("not_found");
  await assertNewPasswordAllowed(input.password, invitee);
  const passwordHash = await hashPassword(input.password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await findUsableActionToken(tx, "member_invitation", input.token, { forUpdate: true });
    if (!row?.userId || !row.organisationId) throw new AppError("not_found");
    const [membership] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, row.userId), eq(memberships.organisationId, row.organisationId)));
    if (membership?.status !== "invited") throw new AppError("not_found");

    await tx.update(actionTokens).set({ usedAt: new Date() }).where(eq(actionTokens.id, row.id));
    const [user] = await tx.update(users).set({ passwordHash, failedSignIns: 0, lockedUntil: null }).where(eq(users.id, row.userId)).returning();
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
    });
    return { email: user!.email };
  });
}
