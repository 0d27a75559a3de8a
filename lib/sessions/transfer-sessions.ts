import "server-only";
import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { clinicalSessions, memberships, roles, sessionShares, users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { ROLE_LEVELS_OWNING_SESSIONS } from "@/lib/access/sessions";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { sessionPath } from "./share-messages";

/** Active members who could take over a leaver's sessions: their role may own sessions. */
function successorsQuery(exec: Executor, organisationId: string, leaverUserId: string, membershipId?: string) {
  return exec
    .select({ membershipId: memberships.id, userId: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(roles, eq(roles.id, memberships.roleId))
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        eq(memberships.status, "active"),
        inArray(roles.sessions, ROLE_LEVELS_OWNING_SESSIONS),
        ne(memberships.userId, leaverUserId),
        membershipId ? eq(memberships.id, membershipId) : undefined,
      ),
    );
}

async function countOwned(exec: Executor, organisationId: string, userId: string): Promise<number> {
  const [row] = await exec
    .select({ n: sql<number>`count(*)::int` })
    .from(clinicalSessions)
    .where(and(eq(clinicalSessions.ownerId, userId), eq(clinicalSessions.organisationId, organisationId), isNull(clinicalSessions.deletedAt)));
  return row?.n ?? 0;
}

/** For the "remove member" form: how many live sessions the member owns, and who may take them over. */
export async function getSessionHandover(actor: StaffActor, membershipId: string) {
  await assertCan(actor, "settings:edit");
  const db = await getDb();
  const [member] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.organisationId, actor.organisationId)))
    .limit(1);
  if (!member) throw new AppError("not_found");
  const [ownedSessions, successors] = await Promise.all([
    countOwned(db, actor.organisationId, member.userId),
    successorsQuery(db, actor.organisationId, member.userId).orderBy(asc(users.name)),
  ]);
  return { ownedSessions, successors: successors.map(({ membershipId, name, email }) => ({ membershipId, name, email })) };
}

/**
 * Inside the "remove member" transaction: hands every live session the leaver owns to the
 * successor the admin chose (required when there is at least one). A share the successor held on
 * those sessions is folded into ownership. Each transfer is audited; the new owner is notified.
 */
export async function transferOwnedSessions(
  tx: Executor,
  actor: StaffActor,
  input: { leaverUserId: string; successorMembershipId?: string | null },
): Promise<{ transferred: number; successorUserId: string | null }> {
  const org = actor.organisationId;
  if ((await countOwned(tx, org, input.leaverUserId)) === 0) return { transferred: 0, successorUserId: null };
  if (!input.successorMembershipId) throw new AppError("invalid_input", { field: "successorMembershipId" });
  const [successor] = await successorsQuery(tx, org, input.leaverUserId, input.successorMembershipId);
  if (!successor) throw new AppError("invalid_input", { field: "successorMembershipId" });

  const moved = await tx
    .update(clinicalSessions)
    .set({ ownerId: successor.userId, updatedAt: new Date() })
    .where(and(eq(clinicalSessions.ownerId, input.leaverUserId), eq(clinicalSessions.organisationId, org), isNull(clinicalSessions.deletedAt)))
    .returning({ id: clinicalSessions.id, title: clinicalSessions.title, clientId: clinicalSessions.clientId });
  const ids = moved.map((s) => s.id);
  await tx.delete(sessionShares).where(and(eq(sessionShares.userId, successor.userId), inArray(sessionShares.sessionId, ids)));
  for (const session of moved) {
    await recordStaffAudit(tx, actor, {
      action: "session.ownership_transferred",
      target: { type: "clinical_session", id: session.id },
      clientId: session.clientId,
      metadata: { from: input.leaverUserId, to: successor.userId },
    });
  }
  const [leaver] = await tx.select({ name: users.name }).from(users).where(eq(users.id, input.leaverUserId));
  await notify(tx, {
    userId: successor.userId,
    organisationId: org,
    kind: "session_ownership_transferred",
    text:
      moved.length === 1
        ? `You now own “${moved[0]!.title}”, previously owned by ${leaver?.name ?? "a former member"}.`
        : `You now own ${moved.length} sessions previously owned by ${leaver?.name ?? "a former member"}.`,
    link: moved.length === 1 ? sessionPath(moved[0]!.id) : "/sessions?tab=mine",
  });
  return { transferred: moved.length, successorUserId: successor.userId };
}
