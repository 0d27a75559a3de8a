import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { memberships, teamMembers, users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { assertTeamsInOrganisation, findRole } from "./guard";
import type { addMemberInput } from "./schemas";

/** Adds a person to the organisation with a role, teams and an initial password. A former member rejoins. */
export async function addMember(actor: StaffActor, input: z.output<typeof addMemberInput>): Promise<{ membershipId: string }> {
  await assertCan(actor, "settings:edit");
  const passwordHash = await hashPassword(input.password);
  const email = input.email.trim().toLowerCase();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const role = await findRole(tx, actor, input.roleId);
    await assertTeamsInOrganisation(tx, actor, input.teamIds);

    const [existing] = await tx.select().from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
    let userId: string;
    let rejoined = false;
    if (existing) {
      const [membership] = await tx
        .select()
        .from(memberships)
        .where(and(eq(memberships.userId, existing.id), eq(memberships.organisationId, actor.organisationId)))
        .limit(1);
      if (!membership) throw new AppError("email_in_use");
      if (membership.status !== "left") throw new AppError("already_member");
      rejoined = true;
      userId = existing.id;
      await tx.update(users).set({ name: input.name, passwordHash, failedSignIns: 0, lockedUntil: null }).where(eq(users.id, userId));
    } else {
      const [created] = await tx.insert(users).values({ email, name: input.name, passwordHash }).returning({ id: users.id });
      userId = created!.id;
    }

    const [membership] = await tx
      .insert(memberships)
      .values({ organisationId: actor.organisationId, userId, roleId: role.id, status: "active" })
      .onConflictDoUpdate({
        target: [memberships.organisationId, memberships.userId],
        set: { roleId: role.id, status: "active", leftAt: null },
      })
      .returning({ id: memberships.id });

    if (input.teamIds.length) {
      await tx.insert(teamMembers).values([...new Set(input.teamIds)].map((teamId) => ({ teamId, userId }))).onConflictDoNothing();
    }
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actor: { type: "user", id: actor.userId },
      action: rejoined ? "member.rejoined" : "member.added",
      target: { type: "membership", id: membership!.id },
      metadata: { userId, role: role.name, teamIds: input.teamIds },
    });
    return { membershipId: membership!.id };
  });
}
