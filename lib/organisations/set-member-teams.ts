import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { teamMembers, teams } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { assertTeamsInOrganisation, findMembership } from "./guard";

/** Replaces a member's teams within the actor's organisation. */
export async function setMemberTeams(actor: StaffActor, input: { membershipId: string; teamIds: string[] }): Promise<void> {
  await assertCan(actor, "settings:edit");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const membership = await findMembership(tx, actor, input.membershipId);
    if (membership.status === "left") throw new AppError("not_found");
    const wanted = [...new Set(input.teamIds)];
    await assertTeamsInOrganisation(tx, actor, wanted);
    const orgTeamIds = (await tx.select({ id: teams.id }).from(teams).where(eq(teams.organisationId, actor.organisationId))).map((t) => t.id);
    if (orgTeamIds.length) {
      await tx.delete(teamMembers).where(and(eq(teamMembers.userId, membership.userId), inArray(teamMembers.teamId, orgTeamIds)));
    }
    if (wanted.length) await tx.insert(teamMembers).values(wanted.map((teamId) => ({ teamId, userId: membership.userId })));
    await recordStaffAudit(tx, actor, {
      action: "member.teams_changed",
      target: { type: "membership", id: membership.id },
      metadata: { userId: membership.userId, teamIds: wanted },
    });
  });
}
