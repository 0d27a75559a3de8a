import "server-only";
import { and, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditEvents, clients, clinicalSessions, contacts, documents, memberships, portalAccountProfiles, roles, teams, users } from "@/db/schema";
import { AUDIT_GROUPS, describeAuditAction, isRecordType, RECORD_TYPES } from "./action-groups";
import { isUuidLike, type AuditFilters } from "./audit-filters";
import { summariseUserAgent } from "./user-agent";

/** A position in the log, newest first: (created_at as the database wrote it, id). */
export interface AuditCursor {
  at: string;
  id: string;
}

export function encodeAuditCursor(c: AuditCursor): string {
  return Buffer.from(JSON.stringify([c.at, c.id]), "utf8").toString("base64url");
}

export function decodeAuditCursor(token: string | undefined | null): AuditCursor | null {
  if (!token || token.length > 200) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    if (!Array.isArray(v) || v.length !== 2 || !v.every((x) => typeof x === "string")) return null;
    const [at, id] = v as [string, string];
    return isUuidLike(id) && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(at) && !Number.isNaN(Date.parse(at)) ? { at, id } : null;
  } catch {
    return null;
  }
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The WHERE of the log: always the actor's organisation, then each filter. Dates are whole days in
 * the organisation's time zone. A client typed by name matches up to 200 of the organisation's charts.
 */
export async function auditConditions(exec: Executor, organisationId: string, filters: AuditFilters, timeZone: string): Promise<SQL> {
  const where: (SQL | undefined)[] = [eq(auditEvents.organisationId, organisationId)];
  if (filters.person) {
    const [type, id] = filters.person.split(":") as ["user" | "contact" | "client", string];
    where.push(and(eq(auditEvents.actorType, type), eq(auditEvents.actorId, id.toLowerCase())));
  }
  if (filters.client) {
    if (isUuidLike(filters.client)) {
      where.push(eq(auditEvents.clientId, filters.client.toLowerCase()));
    } else {
      const p = likePattern(filters.client);
      const ids = await exec
        .select({ id: clients.id })
        .from(clients)
        .where(and(eq(clients.organisationId, organisationId), or(ilike(sql`${clients.firstName} || ' ' || ${clients.lastName}`, p), ilike(sql`${clients.lastName} || ' ' || ${clients.firstName}`, p))))
        .limit(200);
      where.push(ids.length ? inArray(auditEvents.clientId, ids.map((r) => r.id)) : sql`false`);
    }
  }
  if (filters.record) where.push(eq(auditEvents.targetType, filters.record));
  if (filters.group) where.push(inArray(auditEvents.action, [...AUDIT_GROUPS[filters.group].actions]));
  if (filters.from) where.push(sql`${auditEvents.createdAt} >= (${filters.from}::date)::timestamp at time zone ${timeZone}`);
  if (filters.to) where.push(sql`${auditEvents.createdAt} < (${filters.to}::date + 1)::timestamp at time zone ${timeZone}`);
  return and(...where)!;
}

export type AuditRow = Awaited<ReturnType<typeof fetchAuditPage>>[number];

/** One page of raw events, newest first, after (older than) or before (newer than) a cursor. */
export function fetchAuditPage(exec: Executor, where: SQL, opts: { limit: number; after?: AuditCursor | null; before?: AuditCursor | null }) {
  const edge = opts.before ?? opts.after;
  const keyset = edge
    ? opts.before
      ? sql`(${auditEvents.createdAt}, ${auditEvents.id}) > (${edge.at}::timestamptz, ${edge.id}::uuid)`
      : sql`(${auditEvents.createdAt}, ${auditEvents.id}) < (${edge.at}::timestamptz, ${edge.id}::uuid)`
    : undefined;
  const order = opts.before ? [auditEvents.createdAt, auditEvents.id] : [desc(auditEvents.createdAt), desc(auditEvents.id)];
  return exec
    .select({
      id: auditEvents.id,
      createdAt: auditEvents.createdAt,
      // The cursor keeps the database's microseconds (a JS Date would round them away).
      cursorAt: sql<string>`to_char(${auditEvents.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      actorType: auditEvents.actorType,
      actorId: auditEvents.actorId,
      actorRole: auditEvents.actorRole,
      action: auditEvents.action,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      clientId: auditEvents.clientId,
      ip: auditEvents.ip,
      userAgent: auditEvents.userAgent,
      metadata: auditEvents.metadata,
    })
    .from(auditEvents)
    .where(keyset ? and(where, keyset) : where)
    .orderBy(...order)
    .limit(opts.limit);
}

export interface AuditEntry {
  id: string;
  at: Date;
  cursor: AuditCursor;
  actor: { type: string; id: string | null; name: string; role: string | null };
  action: string;
  sentence: string;
  record: { type: string; label: string; id: string; href: string | null } | null;
  client: { id: string; name: string; href: string | null } | null;
  ip: string | null;
  device: string;
  userAgent: string | null;
}

const ACTOR_FALLBACK = { user: "Former member", contact: "External contact", client: "Client (portal)", system: "Carebridge (automatic)", anonymous: "Unknown visitor" } as const;

/**
 * Names and links for a page of events, in one query per kind of record: who (as this organisation
 * knows them), the client, and whether the record still exists (a link only then). Everything is
 * scoped to the organisation, so an id from elsewhere resolves to nothing.
 */
export async function resolveAuditRows(exec: Executor, organisationId: string, rows: AuditRow[]): Promise<AuditEntry[]> {
  const idsOf = (pick: (r: AuditRow) => string | null | undefined) => [...new Set(rows.map(pick).filter((v): v is string => Boolean(v && isUuidLike(v))))];
  const userIds = idsOf((r) => (r.actorType === "user" ? r.actorId : null));
  const contactIds = idsOf((r) => (r.actorType === "contact" ? r.actorId : null));
  const portalIds = idsOf((r) => (r.actorType === "client" ? r.actorId : null));
  const clientIds = idsOf((r) => r.clientId);
  const target = (type: string) => idsOf((r) => (r.targetType === type ? r.targetId : null));

  const [people, contactRows, portalRows, clientRows, liveDocs, liveSessions, liveMembers, liveRoles, liveTeams, liveContacts] = await Promise.all([
    userIds.length
      ? exec
          .select({ id: users.id, name: sql<string>`coalesce(${memberships.invitedName}, ${users.name})` })
          .from(users)
          .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.organisationId, organisationId)))
          .where(inArray(users.id, userIds))
      : [],
    contactIds.length ? exec.select({ id: contacts.id, name: contacts.name }).from(contacts).where(and(inArray(contacts.id, contactIds), eq(contacts.organisationId, organisationId))) : [],
    portalIds.length
      ? exec
          .selectDistinctOn([portalAccountProfiles.portalAccountId], { id: portalAccountProfiles.portalAccountId, name: portalAccountProfiles.invitedName })
          .from(portalAccountProfiles)
          .innerJoin(clients, eq(clients.id, portalAccountProfiles.clientId))
          .where(and(inArray(portalAccountProfiles.portalAccountId, portalIds), eq(clients.organisationId, organisationId)))
      : [],
    clientIds.length || target("client").length
      ? exec
          .select({ id: clients.id, name: sql<string>`${clients.firstName} || ' ' || ${clients.lastName}`, archivedAt: clients.archivedAt })
          .from(clients)
          .where(and(inArray(clients.id, [...new Set([...clientIds, ...target("client")])]), eq(clients.organisationId, organisationId)))
      : [],
    liveIds(exec, documents, target("document"), and(eq(documents.organisationId, organisationId), isNull(documents.deletedAt))),
    liveIds(exec, clinicalSessions, target("clinical_session"), and(eq(clinicalSessions.organisationId, organisationId), isNull(clinicalSessions.deletedAt))),
    liveIds(exec, memberships, target("membership"), eq(memberships.organisationId, organisationId)),
    liveIds(exec, roles, target("role"), eq(roles.organisationId, organisationId)),
    liveIds(exec, teams, target("team"), eq(teams.organisationId, organisationId)),
    liveIds(exec, contacts, target("contact"), eq(contacts.organisationId, organisationId)),
  ]);
  const names = new Map<string, string>([
    ...people.map((p) => [`user:${p.id}`, p.name] as const),
    ...contactRows.map((c) => [`contact:${c.id}`, c.name] as const),
    ...portalRows.filter((p) => p.name).map((p) => [`client:${p.id}`, p.name!] as const),
  ]);
  const clientById = new Map(clientRows.map((c) => [c.id, c]));
  const live = new Set<string>([
    ...clientRows.filter((c) => !c.archivedAt).map((c) => `client:${c.id}`),
    ...liveDocs.map((id) => `document:${id}`),
    ...liveSessions.map((id) => `clinical_session:${id}`),
    ...liveMembers.map((id) => `membership:${id}`),
    ...liveRoles.map((id) => `role:${id}`),
    ...liveTeams.map((id) => `team:${id}`),
    ...liveContacts.map((id) => `contact:${id}`),
  ]);

  return rows.map((r) => {
    const type = r.targetType;
    const known = isRecordType(type) ? RECORD_TYPES[type] : null;
    const client = r.clientId ? clientById.get(r.clientId) : undefined;
    return {
      id: r.id,
      at: r.createdAt,
      cursor: { at: r.cursorAt, id: r.id },
      actor: {
        type: r.actorType,
        id: r.actorId,
        name: names.get(`${r.actorType}:${r.actorId}`) ?? ACTOR_FALLBACK[r.actorType],
        role: r.actorRole,
      },
      action: r.action,
      sentence: describeAuditAction(r.action, r.metadata),
      record:
        type && r.targetId
          ? { type, label: known?.label ?? type, id: r.targetId, href: known?.href && live.has(`${type}:${r.targetId}`) ? known.href(r.targetId) : null }
          : null,
      // Only a chart of this organisation: a refused attempt may carry an id typed from elsewhere.
      client: client ? { id: client.id, name: client.name, href: client.archivedAt ? null : `/clients/${client.id}` } : null,
      ip: r.ip,
      device: summariseUserAgent(r.userAgent),
      userAgent: r.userAgent,
    };
  });
}

type WithId = typeof documents | typeof clinicalSessions | typeof memberships | typeof roles | typeof teams | typeof contacts;

async function liveIds(exec: Executor, table: WithId, ids: string[], scope: SQL | undefined): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await exec.select({ id: table.id }).from(table).where(and(inArray(table.id, ids), scope));
  return rows.map((r) => r.id);
}
