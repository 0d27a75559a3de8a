import "server-only";
import { sql } from "drizzle-orm";
import { getDb, oncePerExecutor, type Database } from "@/db/client";
import { clinicalSessions } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import type { RolePermissions } from "@/lib/access/permissions";
import { effectiveShareLevel, sessionAbilities, sessionAccess, shareLevelsForRole, type SessionAbilities, type ShareLevel } from "@/lib/access/sessions";
import { assertCanSession } from "@/lib/access/sessions-assert";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { isUuid } from "@/lib/validation/ids";
import { sessionParams, sessionWithFacts, toLoadedSession } from "./load-session";
import type { SessionStatus } from "./schemas";

export interface SessionPerson {
  userId: string;
  name: string;
  email: string;
  /** The level the share grants. */
  access: ShareLevel;
  /** What it is worth under their role today (lower when their role caps it). */
  effectiveAccess: ShareLevel | null;
  /** The levels their role lets them hold. */
  levels: ShareLevel[];
  /** Who first shared it, and who last changed its level (null if nobody has). */
  sharedByName: string;
  levelChangedByName: string | null;
  sharedAt: Date;
  /** When the share ends by itself (null: no end date). */
  expiresAt: Date | null;
}

export interface SessionDetail {
  id: string;
  title: string;
  status: SessionStatus;
  notes: string;
  context: string;
  visibility: "private" | "team";
  /** The version autosaves start from (see updateSession). */
  version: number;
  createdAt: Date;
  updatedAt: Date;
  owner: { userId: string; name: string; email: string };
  team: { id: string; name: string } | null;
  /** The viewer's own teams: the ones they may make the session visible to. */
  myTeams: { id: string; name: string }[];
  patient: { id: string; name: string; dateOfBirth: string | null } | null;
  documents: { id: string; title: string; kind: string; body: string | null; authorName: string; createdAt: Date }[];
  people: SessionPerson[];
  abilities: SessionAbilities;
  isOwner: boolean;
  /** Set while the viewer reads this session only through emergency access: when that access ends. */
  emergencyUntil: Date | null;
}

/** The page's data beside the session row, as JSON read in the same statement (see getSession). */
const pageColumns = {
  owner: sql<{ userId: string; name: string; email: string }>`(select json_build_object('userId', u.id, 'name', u.name, 'email', u.email)
    from users u where u.id = ${clinicalSessions.ownerId})`,
  team: sql<{ id: string; name: string } | null>`(select json_build_object('id', t.id, 'name', t.name) from teams t where t.id = ${clinicalSessions.teamId})`,
  patient: sql<{ id: string; firstName: string; lastName: string; dateOfBirth: string | null } | null>`(select json_build_object('id', c.id,
    'firstName', c.first_name, 'lastName', c.last_name, 'dateOfBirth', c.date_of_birth)
    from clients c where c.id = ${clinicalSessions.clientId} and c.organisation_id = ${clinicalSessions.organisationId})`,
  // Only the letter's body (what the page shows), not the whole content.
  documents: sql<{ id: string; title: string; kind: string; body: string | null; authorName: string; createdAt: string }[]>`coalesce((
    select json_agg(json_build_object('id', d.id, 'title', d.title, 'kind', d.kind,
      'body', case when jsonb_typeof(d.content -> 'body') = 'string' then d.content ->> 'body' end,
      'authorName', a.name, 'createdAt', d.created_at) order by d.created_at desc, d.id desc)
    from documents d join users a on a.id = d.author_id
    where d.session_id = ${clinicalSessions.id} and d.organisation_id = ${clinicalSessions.organisationId} and d.deleted_at is null), '[]'::json)`,
  // People holding a live share who are still active members, with their role's session permission.
  people: sql<(Omit<SessionPerson, "effectiveAccess" | "levels" | "sharedAt" | "expiresAt"> & { sessions: RolePermissions["sessions"]; sharedAt: string; expiresAt: string | null })[]>`coalesce((
    select json_agg(json_build_object('userId', u.id, 'name', u.name, 'email', u.email, 'access', ss.access, 'sessions', r.sessions,
      'sharedByName', gb.name, 'levelChangedByName', lc.name, 'sharedAt', ss.created_at, 'expiresAt', ss.expires_at) order by u.name, u.id)
    from session_shares ss
    join users u on u.id = ss.user_id
    join memberships m on m.user_id = u.id and m.organisation_id = ${clinicalSessions.organisationId} and m.status = 'active'
    join roles r on r.id = m.role_id
    join users gb on gb.id = ss.granted_by_id
    left join users lc on lc.id = ss.level_changed_by_id
    where ss.session_id = ${clinicalSessions.id} and (ss.expires_at is null or ss.expires_at > ${sql.placeholder("now")}::timestamptz)), '[]'::json)`,
  // The actor's own teams, for the visibility picker: a few primary-key reads, cheaper than a round trip.
  myTeams: sql<{ id: string; name: string }[]>`coalesce((select json_agg(json_build_object('id', t.id, 'name', t.name) order by t.name, t.id)
    from teams t where t.organisation_id = ${clinicalSessions.organisationId} and t.id = any(${sql.placeholder("teamIds")}::uuid[])), '[]'::json)`,
};

// Built once per pool, as loadSession's statement is (building it costs more than running it).
const sessionPageStatement = oncePerExecutor((db: Database) => sessionWithFacts(db, pageColumns).prepare("session_page"));

/**
 * A session as its viewer may see it: the page's data transfer object, never a raw row.
 * Not found and no access look the same. Every view by someone other than the owner is audited.
 * One statement reads the session, the viewer's access facts and everything the page shows (a
 * named prepared statement); the policy then decides on the facts, and a refused viewer gets
 * nothing of the rest. With the audit row for a non-owner, a view is at most two round trips.
 */
export async function getSession(actor: StaffActor, sessionId: string): Promise<SessionDetail> {
  const db = await getDb();
  const row = isUuid(sessionId)
    ? (await sessionPageStatement(db).execute({ ...sessionParams(actor, sessionId), teamIds: `{${actor.teamIds.join(",")}}` }))[0]
    : undefined;
  const session = row ? toLoadedSession(row) : null;
  const level = await assertCanSession(actor, "session:view", sessionId, session?.facts ?? null);
  const s = session!;
  const page = row!;
  // Through emergency access only: nothing but the grant would let them in.
  const emergencyUntil = s.facts.emergencyUntil && sessionAccess(actor, { ...s.facts, emergencyUntil: null }) === "none" ? s.facts.emergencyUntil : null;

  if (actor.userId !== s.ownerId) {
    await recordStaffAudit(db, actor, {
      action: "session.viewed",
      target: { type: "clinical_session", id: s.id },
      clientId: s.clientId,
      metadata: { level, ...(emergencyUntil ? { emergencyAccess: true } : {}) },
    });
  }

  const patient = page.patient;
  return {
    id: s.id,
    title: s.title,
    status: s.status,
    notes: s.notes,
    context: s.context,
    visibility: s.visibility,
    version: s.version,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    owner: page.owner,
    team: page.team,
    myTeams: page.myTeams,
    patient: patient ? { id: patient.id, name: `${patient.firstName} ${patient.lastName}`, dateOfBirth: patient.dateOfBirth } : null,
    documents: page.documents.map((d) => ({ ...d, createdAt: new Date(d.createdAt) })),
    people: page.people.map(({ sessions, sharedAt, expiresAt, ...p }) => ({
      ...p,
      sharedAt: new Date(sharedAt),
      expiresAt: expiresAt ? new Date(expiresAt) : null,
      effectiveAccess: effectiveShareLevel(p.access, { sessions }),
      levels: shareLevelsForRole({ sessions }),
    })),
    abilities: sessionAbilities(level),
    isOwner: actor.userId === s.ownerId,
    emergencyUntil,
  };
}
