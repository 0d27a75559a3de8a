import "server-only";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { oncePerExecutor, type Executor } from "@/db/client";
import { clinicalSessions, memberships, sessionShares } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import type { SessionAccessFacts, SessionLevel, SessionPermission } from "@/lib/access/sessions";
import { assertCanSession } from "@/lib/access/sessions-assert";
import { liveGrantsSql } from "@/lib/access/emergency-access";
import { isUuid } from "@/lib/validation/ids";

export type LoadedSession = typeof clinicalSessions.$inferSelect & { facts: SessionAccessFacts };

/**
 * One live (not deleted) session of the actor's organisation with the actor's own share, read
 * fresh — never cached — so a changed or removed share counts at the very next request.
 * The join on an active membership makes a former member's stale actor find nothing.
 * `lock` takes the row lock so concurrent share changes on one session serialise.
 */
export async function loadSession(exec: Executor, actor: StaffActor, sessionId: string, opts: { lock?: boolean; now?: Date } = {}): Promise<LoadedSession | null> {
  if (!isUuid(sessionId)) return null;
  const [row] = await (opts.lock ? lockStatement : readStatement)(exec).execute(sessionParams(actor, sessionId, opts.now));
  return row ? toLoadedSession(row) : null;
}

function buildLoadSession(exec: Executor, lock: boolean) {
  const query = sessionWithFacts(exec, {});
  // The hottest check of the app: a named prepared statement, parsed and planned once per
  // connection rather than on every call (its plan is three primary-key probes).
  return lock ? query.for("update", { of: clinicalSessions }).prepare("load_session_for_update") : query.prepare("load_session");
}

// Building the statement cost more than running it (measured with npm run bench: ~0.5 ms of query
// building per check), so it is built once per executor.
const readStatement = oncePerExecutor((exec: Executor) => buildLoadSession(exec, false));
const lockStatement = oncePerExecutor((exec: Executor) => buildLoadSession(exec, true));

/**
 * The session row with the actor's access facts, plus `extra` columns read in the same statement
 * (the session page folds its data in: one round trip). Placeholders: userId, sessionId,
 * organisationId, now (see sessionParams), and whatever `extra` adds.
 */
export function sessionWithFacts<E extends Record<string, SQL.Aliased | SQL>>(exec: Executor, extra: E) {
  const userId = sql.placeholder("userId");
  // The end of the actor's live emergency grant at `now` (the clock is a parameter: tests inject it).
  const emergencyUntil = liveGrantsSql({
    userId: sql`${userId}::uuid`,
    organisationId: sql`${clinicalSessions.organisationId}`,
    kind: "session",
    recordId: sql`${clinicalSessions.id}`,
    now: sql`${sql.placeholder("now")}`,
    select: sql`max(g.expires_at)`,
  }).mapWith((v: Date | string | null) => (v ? new Date(v) : null));
  return exec
    .select({ session: clinicalSessions, share: sessionShares.access, emergencyUntil, ...extra })
    .from(clinicalSessions)
    .innerJoin(memberships, and(eq(memberships.organisationId, clinicalSessions.organisationId), eq(memberships.userId, userId), eq(memberships.status, "active")))
    // A share past its end date is absent: the policy never sees it (the sweep deletes it later).
    .leftJoin(
      sessionShares,
      and(
        eq(sessionShares.sessionId, clinicalSessions.id),
        eq(sessionShares.userId, userId),
        sql`(${sessionShares.expiresAt} is null or ${sessionShares.expiresAt} > ${sql.placeholder("now")}::timestamptz)`,
      ),
    )
    .where(and(eq(clinicalSessions.id, sql.placeholder("sessionId")), eq(clinicalSessions.organisationId, sql.placeholder("organisationId")), isNull(clinicalSessions.deletedAt)))
    .limit(1);
}

export function sessionParams(actor: StaffActor, sessionId: string, now?: Date) {
  return { userId: actor.userId, sessionId, organisationId: actor.organisationId, now: (now ?? new Date()).toISOString() };
}

export function toLoadedSession(row: { session: typeof clinicalSessions.$inferSelect; share: SessionAccessFacts["share"]; emergencyUntil: Date | null }): LoadedSession {
  const s = row.session;
  return {
    ...s,
    facts: { organisationId: s.organisationId, ownerId: s.ownerId, teamId: s.teamId, visibility: s.visibility, deletedAt: s.deletedAt, share: row.share, emergencyUntil: row.emergencyUntil },
  };
}

/** Loads the session and asks the policy for `permission`: not_found / forbidden (audited) otherwise. */
export async function loadSessionFor(
  exec: Executor,
  actor: StaffActor,
  sessionId: string,
  permission: SessionPermission,
  opts: { lock?: boolean; now?: Date } = {},
): Promise<LoadedSession & { level: SessionLevel }> {
  const session = await loadSession(exec, actor, sessionId, opts);
  const level = await assertCanSession(actor, permission, sessionId, session?.facts ?? null);
  return { ...session!, level };
}
