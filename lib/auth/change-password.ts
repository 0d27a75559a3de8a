import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { endAuthSessions } from "./auth-sessions/end-auth-sessions";
import { hashPassword, verifyPassword } from "./password";
import { MIN_PASSWORD_LENGTH } from "./password-rules";

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(200),
  newPassword: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`).max(200),
});

/**
 * The person changes their own password. Every sign-in of theirs ends with it, this device's too
 * (a copied cookie is exactly what a password change is meant to shut out): they sign in again.
 */
export async function changePassword(actor: StaffActor, input: z.output<typeof changePasswordInput>): Promise<void> {
  const db = await getDb();
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.userId));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("wrong_password", { field: "currentPassword" });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, failedSignIns: 0, lockedUntil: null }).where(eq(users.id, actor.userId));
    await recordStaffAudit(tx, actor, { action: "auth.password_changed", target: { type: "user", id: actor.userId } });
    await endAuthSessions(tx, {
      userId: actor.userId,
      reason: "password_changed",
      audit: { actor: { type: "user", id: actor.userId }, organisationId: actor.organisationId },
    });
  });
}
