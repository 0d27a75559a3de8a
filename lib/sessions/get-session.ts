import "server-only";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { clients, documents, memberships, roles, sessionShares, teams, users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { effectiveShareLevel, sessionAbilities, shareLevelsForRole, type SessionAbilities, type ShareLevel } from "@/lib/access/sessions";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { loadSessionFor } from "./load-session";
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
  sharedByName: string;
  sharedAt: Date;
}

export interface SessionDetail {
  id: string;
  title: string;
  status: SessionStatus;
  notes: string;
  context: string;
  visibility: "private" | "team";
  createdAt: Date;
  updatedAt: Date;
  owner: { userId: string; name: string; email: string };
  team: { id: string; name: string } | null;
  patient: { id: string; name: string; dateOfBirth: string | null } | null;
  documents: { id: string; title: string; kind: string; body: string | null; authorName: string; createdAt: Date }[];
  people: SessionPerson[];
  abilities: SessionAbilities;
  isOwner: boolean;
}

/**
 * A session as its viewer may see it: the page's data transfer object, never a raw row.
 * Not found and no access look the same. Every view by someone other than the owner is audited.
 */
export async function getSession(actor: StaffActor, sessionId: string): Promise<SessionDetail> {
  const db = await getDb();
  const session = await loadSessionFor(db, actor, sessionId, "session:view");
  const grantedBy = alias(users, "granted_by");
  const author = alias(users, "author");

  const [owner, team, patient, docs, shares] = await Promise.all([
    db.select({ userId: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, session.ownerId)).then((r) => r[0]!),
    session.teamId ? db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.id, session.teamId)).then((r) => r[0] ?? null) : null,
    session.clientId
      ? db
          .select({ id: clients.id, firstName: clients.firstName, lastName: clients.lastName, dateOfBirth: clients.dateOfBirth })
          .from(clients)
          .where(and(eq(clients.id, session.clientId), eq(clients.organisationId, actor.organisationId)))
          .then((r) => r[0] ?? null)
      : null,
    db
      .select({ id: documents.id, title: documents.title, kind: documents.kind, content: documents.content, authorName: author.name, createdAt: documents.createdAt })
      .from(documents)
      .innerJoin(author, eq(author.id, documents.authorId))
      .where(and(eq(documents.sessionId, session.id), eq(documents.organisationId, actor.organisationId), isNull(documents.deletedAt)))
      .orderBy(desc(documents.createdAt)),
    db
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        access: sessionShares.access,
        sessions: roles.sessions,
        sharedByName: grantedBy.name,
        sharedAt: sessionShares.createdAt,
      })
      .from(sessionShares)
      .innerJoin(users, eq(users.id, sessionShares.userId))
      .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.organisationId, actor.organisationId), eq(memberships.status, "active")))
      .innerJoin(roles, eq(roles.id, memberships.roleId))
      .innerJoin(grantedBy, eq(grantedBy.id, sessionShares.grantedById))
      .where(eq(sessionShares.sessionId, session.id))
      .orderBy(asc(users.name)),
  ]);

  if (actor.userId !== session.ownerId) {
    await recordStaffAudit(db, actor, {
      action: "session.viewed",
      target: { type: "clinical_session", id: session.id },
      clientId: session.clientId,
      metadata: { level: session.level },
    });
  }

  return {
    id: session.id,
    title: session.title,
    status: session.status,
    notes: session.notes,
    context: session.context,
    visibility: session.visibility,
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
    owner,
    team,
    patient: patient ? { id: patient.id, name: `${patient.firstName} ${patient.lastName}`, dateOfBirth: patient.dateOfBirth } : null,
    documents: docs.map((d) => ({ id: d.id, title: d.title, kind: d.kind, body: bodyOf(d.content), authorName: d.authorName, createdAt: d.createdAt })),
    people: shares.map(({ sessions, ...p }) => ({ ...p, effectiveAccess: effectiveShareLevel(p.access, { sessions }), levels: shareLevelsForRole({ sessions }) })),
    abilities: sessionAbilities(session.level),
    isOwner: actor.userId === session.ownerId,
  };
}

function bodyOf(content: unknown): string | null {
  const body = (content as { body?: unknown } | null)?.body;
  return typeof body === "string" ? body : null;
}
