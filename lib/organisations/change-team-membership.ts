import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { teamMembers } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { findMembership, findTeam } from "./guard";

/** Adds an active member to a team, or takes them off it. */
export async function changeTeamMembership(
  actor: StaffActor,
  input: { teamId: string; membershipId: string; change: "add" | "remove" },
): Promise<void> {
  await assertCan(actor, "settings:edit");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const team = await findTeam(tx, actor, input.teamId);
    const membership = await findMembership(tx, actor, input.membershipId);
    if (membership.status !== "active") throw new AppError("not_found");
    if (input.change === "add") {
      await tx.insert(teamMembers).values({ teamId: team.id, userId: membership.userId }).onConflictDoNothing();
    } else {
      await tx.delete(teamMembers).where(and(eq(teamMembers.teamId, team.id), eq(teamMembers.userId, membership.userId)));
    }
    await recordStaffAudit(tx, actor, {
      action: input.change === "add" ? "team.member_added" : "team.member_removed",
      target: { type: "team", id: team.id },
      metadata: { userId: membership.userId },
    });
  });
}
