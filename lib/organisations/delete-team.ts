import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, selectRows, type Executor } from "@/db/client";
import { clinicalSessions, teamMembers, teams } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { findTeam } from "./guard";

/** What deleting a team would change, for the confirmation: its members and the sessions visible to it. */
export async function getTeamDeletionImpact(actor: StaffActor, teamId: string): Promise<{ members: number; teamSessions: number }> {
  await assertCan(actor, "settings:edit");
  const db = await getDb();
  const team = await findTeam(db, actor, teamId);
  const { members, teamSessions } = await teamDeletionImpact(db, team.id);
  return { members, teamSessions };
}

/** The team's members, and its visible sessions counted per owner (each owner is told their number). */
async function teamDeletionImpact(exec: Executor, teamId: string): Promise<{ members: number; teamSessions: number; byOwner: { ownerId: string; n: number }[] }> {
  // One after the other: `exec` may be a transaction, one connection.
  const [members] = await selectRows<{ n: number }>(exec, sql`select count(*)::int as n from ${teamMembers} where ${teamMembers.teamId} = ${teamId}`);
  const byOwner = await selectRows<{ ownerId: string; n: number }>(
    exec,
    sql`select ${clinicalSessions.ownerId} as "ownerId", count(*)::int as n from ${clinicalSessions}
      where ${clinicalSessions.teamId} = ${teamId} and ${clinicalSessions.visibility} = 'team' and ${clinicalSessions.deletedAt} is null
      group by ${clinicalSessions.ownerId}`,
  );
  return { members: members!.n, teamSessions: byOwner.reduce((sum, o) => sum + o.n, 0), byOwner };
}

/**
 * Deletes a team. Its members stay in the organisation; the sessions that were visible to it become
 * private (their owners and the people they are shared with keep them), so nobody gains access
 * and the team's members lose only what they saw through the team. One transaction, audited.
 * The team row is locked first: a second delete of the same team finds it gone (not_found).
 */
export async function deleteTeam(actor: StaffActor, input: { teamId: string }): Promise<{ sessionsMadePrivate: number }> {
  await assertCan(actor, "settings:edit");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [team] = await tx
      .select()
      .from(teams)
      .where(and(eq(teams.id, input.teamId), eq(teams.organisationId, actor.organisationId)))
      .for("update");
    if (!team) throw new AppError("not_found");
    const impact = await teamDeletionImpact(tx, team.id);
    // Every session naming the team lets go of it (deleted ones too: the reference must go).
    await tx
      .update(clinicalSessions)
      // Not an edit of the session: its "updated" time (and the editor's version check) stay as they were.
      .set({ teamId: null, visibility: "private" })
      .where(eq(clinicalSessions.teamId, team.id));
    for (const o of impact.byOwner) {
      await notify(tx, {
        userId: o.ownerId,
        organisationId: actor.organisationId,
        kind: "team_deleted",
        text: `${actor.name} deleted the team ${team.name}: ${o.n === 1 ? "1 of your sessions that was visible to it is" : `${o.n} of your sessions that were visible to it are`} now private.`,
        link: "/sessions",
      });
    }
    await tx.delete(teams).where(eq(teams.id, team.id));
    await recordStaffAudit(tx, actor, {
      action: "team.deleted",
      target: { type: "team", id: team.id },
      metadata: { name: team.name, members: impact.members, sessionsMadePrivate: impact.teamSessions },
    });
    return { sessionsMadePrivate: impact.teamSessions };
  });
}
