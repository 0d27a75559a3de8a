import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clients, clinicalSessions, memberships, roles, sessionShares, users } from "@/db/schema";
import { liveGrant } from "@/lib/access/access-end";
import { rolePermissionsAllowClient } from "@/lib/access/clients";
import { rolePermissionColumns } from "@/lib/access/role-permission-columns";
import { canOwnSessions, effectiveShareLevel, levelAllows } from "@/lib/access/sessions";
import type { AccessRequestTarget } from "./schemas";

export interface Answerer {
  userId: string;
  name: string;
  email: string;
}

/** How the record is named to the people who may answer (never to the requester). */
export interface RequestTarget {
  /** "the session “Follow-up”" / "the chart of Olivia Jones" */
  what: string;
  link: string;
  answerers: Answerer[];
}

const memberColumns = {
  userId: users.id,
  name: users.name,
  email: users.email,
  ...rolePermissionColumns,
};

/**
 * The record a request is about, and who may answer it: for a session its owner and the holders
 * of a live Full share (as their role allows today); for a chart the members whose role manages
 * access lists (the admins). Null when there is no such live record in this organisation — the
 * request is then kept but reaches nobody, so the requester cannot tell the difference.
 */
export async function findRequestTarget(exec: Executor, organisationId: string, type: AccessRequestTarget, targetId: string): Promise<RequestTarget | null> {
  const activeMember = (userId: typeof users.id) =>
    and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId), eq(memberships.status, "active"));
  if (type === "clinical_session") {
    const [session] = await exec
      .select({ id: clinicalSessions.id, title: clinicalSessions.title, ownerId: clinicalSessions.ownerId })
      .from(clinicalSessions)
      .where(and(eq(clinicalSessions.id, targetId), eq(clinicalSessions.organisationId, organisationId), isNull(clinicalSessions.deletedAt)));
    if (!session) return null;
    const owner = await exec.select(memberColumns).from(users).innerJoin(memberships, activeMember(users.id)).innerJoin(roles, eq(roles.id, memberships.roleId)).where(eq(users.id, session.ownerId));
    const full = await exec
      .select(memberColumns)
      .from(sessionShares)
      .innerJoin(users, eq(users.id, sessionShares.userId))
      .innerJoin(memberships, activeMember(users.id))
      .innerJoin(roles, eq(roles.id, memberships.roleId))
      .where(and(eq(sessionShares.sessionId, session.id), eq(sessionShares.access, "full"), liveGrant(sessionShares.expiresAt)));
    const answerers = [
      ...owner.filter((o) => canOwnSessions(o)),
      ...full.filter((f) => {
        const level = effectiveShareLevel("full", f);
        return level !== null && levelAllows(level, "session:share");
      }),
    ];
    return { what: `the session “${session.title}”`, link: `/sessions/${session.id}`, answerers: answerers.map(pickAnswerer) };
  }
  const [client] = await exec
    .select({ id: clients.id, firstName: clients.firstName, lastName: clients.lastName })
    .from(clients)
    .where(and(eq(clients.id, targetId), eq(clients.organisationId, organisationId), isNull(clients.archivedAt)));
  if (!client) return null;
  const members = await exec.select(memberColumns).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).innerJoin(roles, eq(roles.id, memberships.roleId)).where(and(eq(memberships.organisationId, organisationId), eq(memberships.status, "active")));
  return {
    what: `the chart of ${client.firstName} ${client.lastName}`,
    link: `/clients/${client.id}`,
    answerers: members.filter((m) => rolePermissionsAllowClient(m, "client:manage_access")).map(pickAnswerer),
  };
}

function pickAnswerer(m: Answerer): Answerer {
  return { userId: m.userId, name: m.name, email: m.email };
}
