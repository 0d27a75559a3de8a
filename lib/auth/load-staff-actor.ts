import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { getDb, oncePerExecutor, type Database } from "@/db/client";
import { memberships, organisations, roles, staffAuthSessions, staffTwoFactor, teamMembers, teams, users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import type { RolePermissions } from "@/lib/access/permissions";
import { rolePermissionColumns } from "@/lib/access/role-permission-columns";
import { recordAudit } from "@/lib/audit/record-audit";
import { isUuid } from "@/lib/validation/ids";
import { endAuthSessions } from "./auth-sessions/end-auth-sessions";
import { TOUCH_AFTER_MS } from "./auth-sessions/types";

/** The person's teams in one organisation (a person may belong to several organisations). */
function teamIdsOf(userId: AnyPgColumn, organisationId: AnyPgColumn) {
  return sql<string[]>`coalesce((select array_agg(${teamMembers.teamId}::text) from ${teamMembers}
    inner join ${teams} on ${teams.id} = ${teamMembers.teamId}
    where ${teamMembers.userId} = ${userId} and ${teams.organisationId} = ${organisationId}), '{}')`;
}

type ActorRole = { id: string; name: string; builtIn: string | null } & RolePermissions;

function toActor(row: Omit<StaffActor, "role" | "authSession"> & { role: ActorRole }): StaffActor {
  const { id, name, builtIn, ...permissions } = row.role;
  return {
    userId: row.userId,
    name: row.name,
    email: row.email,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    membershipId: row.membershipId,
    role: { id, name, builtIn, permissions },
    teamIds: row.teamIds,
  };
}

/** The actor's columns: the person, their organisation, membership and role (teams are added per query). */
const actorColumns = {
  userId: users.id,
  name: users.name,
  email: users.email,
  organisationId: organisations.id,
  organisationName: organisations.name,
  membershipId: memberships.id,
  // One level deep, so a left-joined role that is missing reads as null.
  role: { id: roles.id, name: roles.name, builtIn: roles.builtIn, ...rolePermissionColumns },
};

/** Reads the person's active membership and role from the database. Null if there is none. */
export async function loadStaffActor(userId: string, organisationId: string): Promise<StaffActor | null> {
  const db = await getDb();
  const [row] = await db
    .select({ ...actorColumns, teamIds: teamIdsOf(users.id, organisations.id) })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .innerJoin(roles, eq(roles.id, memberships.roleId))
    .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId), eq(memberships.status, "active")))
    .limit(1);
  return row ? toActor(row) : null;
}

// The guard runs on every staff request: its statement is built once per pool and prepared (every
// lookup is by key, so the generic plan is right for anyone).
const authSessionStatement = oncePerExecutor((db: Database) =>
  db
    .select({
      authSessionId: staffAuthSessions.id,
      lastActiveAt: staffAuthSessions.lastActiveAt,
      endedAt: staffAuthSessions.endedAt,
      endedReason: staffAuthSessions.endedReason,
      idleTimeoutMinutes: organisations.idleTimeoutMinutes,
      requireTwoFactor: organisations.requireTwoFactor,
      emergencyAccessEnabled: organisations.emergencyAccessEnabled,
      emergencyAccessHours: organisations.emergencyAccessHours,
      hasTwoFactor: sql<boolean>`exists (select 1 from ${staffTwoFactor} where ${staffTwoFactor.userId} = ${staffAuthSessions.userId} and ${staffTwoFactor.enabledAt} is not null)`,
      ...actorColumns,
      teamIds: teamIdsOf(staffAuthSessions.userId, staffAuthSessions.organisationId),
      memberOf: sql<{ id: string; name: string }[]>`coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name) order by o.name, o.id)
        from memberships m join organisations o on o.id = m.organisation_id
        where m.user_id = ${staffAuthSessions.userId} and m.status = 'active'), '[]'::json)`,
    })
    .from(staffAuthSessions)
    .innerJoin(users, eq(users.id, staffAuthSessions.userId))
    .innerJoin(organisations, eq(organisations.id, staffAuthSessions.organisationId))
    .leftJoin(
      memberships,
      and(eq(memberships.userId, staffAuthSessions.userId), eq(memberships.organisationId, staffAuthSessions.organisationId), eq(memberships.status, "active")),
    )
    .leftJoin(roles, eq(roles.id, memberships.roleId))
    .where(and(eq(staffAuthSessions.id, sql.placeholder("authSessionId")), eq(staffAuthSessions.userId, sql.placeholder("userId"))))
    .limit(1)
    .prepare("staff_auth_session"),
);

export type AuthSessionLookup =
  | { actor: StaffActor }
  | { actor: null; reason: "signed_out" }
  | { actor: null; reason: "membership_ended" }
  | { actor: null; reason: "idle"; idleMinutes: number }
  /** The organisation requires two-factor sign-in and the person has none yet: only its set-up is open to them. */
  | { actor: null; reason: "two_factor_setup"; restricted: StaffActor };

/**
 * The staff guard's lookup: in ONE query, the auth session the JWT names (live, not idle) and the
 * person's active membership, role and teams in the session's organisation. An idle session is
 * ended here (automatic logoff) and audited once. `activity: false` is for background polling,
 * which must not keep a session alive; `now` is injectable so tests can drive the idle clock.
 */
export async function loadStaffActorForAuthSession(input: {
  authSessionId: string;
  userId: string;
  activity?: boolean;
  now?: Date;
}): Promise<AuthSessionLookup> {
  if (!isUuid(input.authSessionId) || !isUuid(input.userId)) return { actor: null, reason: "signed_out" };
  const now = input.now ?? new Date();
  const db = await getDb();
  const [row] = await authSessionStatement(db).execute({ authSessionId: input.authSessionId, userId: input.userId });
  if (!row) return { actor: null, reason: "signed_out" };
  if (row.endedAt) {
    // Ended by the server rather than by the person: the sign-in page can still say why.
    if (row.endedReason === "idle_timeout") return { actor: null, reason: "idle", idleMinutes: row.idleTimeoutMinutes };
    if (row.endedReason === "member_removed" || row.endedReason === "membership_ended") return { actor: null, reason: "membership_ended" };
    return { actor: null, reason: "signed_out" };
  }

  const audit = { actor: { type: "user", id: row.userId } as const, organisationId: row.organisationId };
  const idleMs = row.idleTimeoutMinutes * 60_000;
  if (now.getTime() - row.lastActiveAt.getTime() >= idleMs) {
    await db.transaction(async (tx) => {
      const ended = await tx
        .update(staffAuthSessions)
        .set({ endedAt: now, endedReason: "idle_timeout" })
        .where(and(eq(staffAuthSessions.id, row.authSessionId), sql`${staffAuthSessions.endedAt} is null`))
        .returning({ id: staffAuthSessions.id });
      // Parallel requests of one idle sign-in: only the one that ended it writes the event.
      if (ended.length === 0) return;
      await recordAudit(tx, {
        ...audit,
        action: "auth.idle_timed_out",
        target: { type: "auth_session", id: row.authSessionId },
        metadata: { idleMinutes: row.idleTimeoutMinutes, lastActiveAt: row.lastActiveAt.toISOString() },
      });
    });
    return { actor: null, reason: "idle", idleMinutes: row.idleTimeoutMinutes };
  }
  if (!row.membershipId || !row.role) {
    await db.transaction(async (tx) => {
      const ended = await endAuthSessions(tx, { userId: row.userId, ids: [row.authSessionId], reason: "membership_ended", audit });
      if (ended.length > 0) await recordAudit(tx, { ...audit, action: "access.refused", metadata: { reason: "membership_not_active" } });
    });
    return { actor: null, reason: "membership_ended" };
  }
  // Cheap on the hot path: written at most once a minute, and never by background polling.
  let lastActiveAt = row.lastActiveAt;
  if (input.activity !== false && now.getTime() - row.lastActiveAt.getTime() >= TOUCH_AFTER_MS) {
    lastActiveAt = now;
    await db
      .update(staffAuthSessions)
      .set({ lastActiveAt: now })
      .where(and(eq(staffAuthSessions.id, row.authSessionId), sql`${staffAuthSessions.endedAt} is null`));
  }
  const actor = {
    ...toActor({ ...row, membershipId: row.membershipId, role: row.role }),
    authSession: { id: row.authSessionId, idleTimeoutMinutes: row.idleTimeoutMinutes, lastActiveAt },
    emergencyAccess: { enabled: row.emergencyAccessEnabled, hours: row.emergencyAccessHours },
    organisations: row.memberOf,
  };
  // Checked on every request, not only at sign-in: turning the requirement on applies at once.
  if (row.requireTwoFactor && !row.hasTwoFactor) return { actor: null, reason: "two_factor_setup", restricted: actor };
  return { actor };
}
