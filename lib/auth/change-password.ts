import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { getClientInfo } from "@/lib/request/client-info";
import { confirmExistingPassword } from "./confirm-existing-password";
import { endAuthSessions } from "./auth-sessions/end-auth-sessions";
import { hashPassword } from "./password";
import { assertNewPasswordAllowed } from "./password-strength";
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
  // The current password is checked like a sign-in (throttled, lockable, audited): a signed-in
  // browser left open is no place to guess it.
  await confirmExistingPassword({
    audience: "staff",
    email: actor.email,
    password: input.currentPassword,
    client: await getClientInfo(),
    organisationId: actor.organisationId,
    field: "currentPassword",
  });
  await assertNewPasswordAllowed(input.newPassword, actor, "newPassword");
  const db = await getDb();
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
