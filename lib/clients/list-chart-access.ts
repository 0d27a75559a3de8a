import "server-only";
import { and, asc, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { getDb, selectRows } from "@/db/client";
import { rowDate } from "@/db/row-dates";
import { clientAccess, clinicalSessions, contacts, documentShares, documents, memberships, organisations, portalAccountProfiles, portalAccounts, roles, sessionShares, teamMembers, teams, users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { clientAbilities, roleOpensChartsFromList, roleSeesEveryChart } from "@/lib/access/clients";
import { assertCanClient } from "@/lib/access/clients-assert";
import { liveGrant } from "@/lib/access/access-end";
import { grantIsLiveSql, roleAllowsEmergencyAccess } from "@/lib/access/emergency-access";
import { canDocument, canManageShare, DOCUMENT_KIND_LABELS, type DocumentAccessFacts, type DocumentKind } from "@/lib/access/documents";
import type { RolePermissions } from "@/lib/access/permissions";
import { rolePermissionColumns } from "@/lib/access/role-permission-columns";
import { levelAllows, sessionAccess, type SessionAccessFacts, type SessionLevel, type ShareLevel } from "@/lib/access/sessions";
import { shareDisplayState, type ShareDisplayState } from "@/lib/portal/link-state";

export type SessionAccessReason = { kind: "owner" } | { kind: "share"; level: ShareLevel } | { kind: "team"; teamName: string } | { kind: "emergency"; until: Date };

export interface ChartAccess {
  /** Practitioners on the chart's access list. */
  accessList: { userId: string; name: string; roleName: string; since: Date; until: Date | null; canRemove: boolean }[];
  /** Staff whose role opens every chart: the role is the reason. */
  everyChart: { userId: string; name: string; roleName: string }[];
  /** Staff reading this chart through emergency access ("break the glass") right now, View only, until the grant ends. */
  emergency: { userId: string; name: string; roleName: string; until: Date }[];
  /** Sessions whose patient profile is this chart, and who opens each (title hidden from a viewer who cannot open it). */
  sessions: {
    sessionId: string;
    title: string | null;
    people: { userId: string; name: string; roleName: string; level: SessionLevel; reasons: SessionAccessReason[]; canRemoveShare: boolean }[];
  }[];
  /** Portal logins given this profile (invited or accepted). */
  portalLogins: { portalAccountId: string; name: string; email: string; status: "invited" | "accepted"; canManage: boolean; canRevoke: boolean; until: Date | null }[];
  /** External contacts holding a share of one of this chart's documents (revoked shares are gone). */
  externalShares: {
    shareId: string;
    contactName: string;
    contactOrganisation: string | null;
    /** null when the viewer's role does not open this kind of document. */
    documentTitle: string | null;
    documentKindLabel: string;
    state: ShareDisplayState;
    sentAt: Date;
    canRevoke: boolean;
  }[];
}

interface Member {
  userId: string;
  name: string;
  roleName: string;
  permissions: RolePermissions;
  teamIds: string[];
}

/**
 * The chart's Access tab: everyone who can reach this client profile today, and why, each with
 * whether the viewer may end it. Every answer comes from the policy in lib/access/ (the same
 * functions the pages and actions ask), applied to each person in turn. Anyone who may open the
 * chart may read it; `not_found` otherwise, exactly as for the chart.
 */
export async function listChartAccess(actor: StaffActor, clientId: string, now = new Date()): Promise<ChartAccess> {
  await assertCanClient(actor, "client:view", clientId);
  const db = await getDb();
  const abilities = clientAbilities(actor, true);

  const memberRows = await db
    .select({
      userId: users.id,
      name: users.name,
      roleName: roles.name,
      permissions: rolePermissionColumns,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(roles, eq(roles.id, memberships.roleId))
    .where(and(eq(memberships.organisationId, actor.organisationId), eq(memberships.status, "active")))
    .orderBy(asc(users.name));
  const members = new Map<string, Member>(
    memberRows.map((m) => [m.userId, { ...m, teamIds: [] }]),
  );

  const [listRows, sessionRows, loginRows, shareRows, [org]] = await Promise.all([
    // Grants past their end count as absent, as the policy reads them, even before the sweep removes them.
    db
      .select({ userId: clientAccess.userId, since: clientAccess.createdAt, until: clientAccess.expiresAt })
      .from(clientAccess)
      .where(and(eq(clientAccess.clientId, clientId), liveGrant(clientAccess.expiresAt, now))),
    db
      .select({ id: clinicalSessions.id, title: clinicalSessions.title, ownerId: clinicalSessions.ownerId, teamId: clinicalSessions.teamId, visibility: clinicalSessions.visibility, teamName: teams.name })
      .from(clinicalSessions)
      .leftJoin(teams, eq(teams.id, clinicalSessions.teamId))
      .where(and(eq(clinicalSessions.clientId, clientId), eq(clinicalSessions.organisationId, actor.organisationId), isNull(clinicalSessions.deletedAt)))
      .orderBy(desc(clinicalSessions.createdAt)),
    db
      .select({ portalAccountId: portalAccounts.id, accountName: portalAccounts.name, invitedName: portalAccountProfiles.invitedName, email: portalAccounts.email, status: portalAccountProfiles.status, canManage: portalAccountProfiles.canManage, until: portalAccountProfiles.expiresAt })
      .from(portalAccountProfiles)
      .innerJoin(portalAccounts, eq(portalAccounts.id, portalAccountProfiles.portalAccountId))
      .where(and(eq(portalAccountProfiles.clientId, clientId), ne(portalAccountProfiles.status, "revoked"), liveGrant(portalAccountProfiles.expiresAt, now)))
      .orderBy(asc(portalAccountProfiles.invitedAt)),
    db
      .select({ share: documentShares, contactName: contacts.name, contactOrganisation: contacts.organisationName, title: documents.title, kind: documents.kind, deletedAt: documents.deletedAt })
      .from(documentShares)
      .innerJoin(documents, eq(documents.id, documentShares.documentId))
      .innerJoin(contacts, eq(contacts.id, documentShares.contactId))
      .where(and(eq(documents.clientId, clientId), eq(documents.organisationId, actor.organisationId), isNull(documentShares.revokedAt), isNull(documents.deletedAt)))
      .orderBy(desc(documentShares.sentAt)),
    db.select({ openedLinkMaxDays: organisations.openedLinkMaxDays, sharingEnabled: organisations.sharingEnabled }).from(organisations).where(eq(organisations.id, actor.organisationId)),
  ]);

  const sessionIds = sessionRows.map((s) => s.id);
  const teamIds = [...new Set(sessionRows.map((s) => s.teamId).filter((t): t is string => t !== null))];
  const [shares, teamRows, grantRows] = await Promise.all([
    sessionIds.length
      ? db
          .select({ sessionId: sessionShares.sessionId, userId: sessionShares.userId, access: sessionShares.access })
          .from(sessionShares)
          .where(and(inArray(sessionShares.sessionId, sessionIds), liveGrant(sessionShares.expiresAt, now)))
      : [],
    teamIds.length ? db.select({ teamId: teamMembers.teamId, userId: teamMembers.userId }).from(teamMembers).where(inArray(teamMembers.teamId, teamIds)) : [],
    // Live emergency grants on the chart or on one of its sessions, by the policy's own rule.
    selectRows<{ user_id: string; client_id: string | null; session_id: string | null; expires_at: Date | string }>(
      db,
      sql`select g.user_id, g.client_id, g.session_id, g.expires_at from emergency_access_grants g join organisations o on o.id = g.organisation_id
        where g.organisation_id = ${actor.organisationId} and ${grantIsLiveSql(sql`${now.toISOString()}`)}
          and (g.client_id = ${clientId} or g.session_id = any(${sql.param(sessionIds)}::uuid[]))`,
    ),
  ]);
  const grants = grantRows.map((g) => ({ userId: g.user_id, clientId: g.client_id, sessionId: g.session_id, until: rowDate(g.expires_at) }));
  for (const t of teamRows) members.get(t.userId)?.teamIds.push(t.teamId);
  // A member as the policy sees them: the same rules that answer their own requests.
  const asActor = (m: Member): StaffActor => ({ ...actor, userId: m.userId, teamIds: m.teamIds, role: { ...actor.role, permissions: m.permissions } });
  /** When a member's live grant on a record ends, if their role may hold one (the latest of several). */
  const grantEnd = (m: Member, record: { clientId: string } | { sessionId: string }): Date | null => {
    const kind = "clientId" in record ? "client" : "session";
    if (!roleAllowsEmergencyAccess(asActor(m), kind)) return null;
    const ends = grants
      .filter((g) => g.userId === m.userId && ("clientId" in record ? g.clientId === record.clientId : g.sessionId === record.sessionId))
      .map((g) => g.until.getTime());
    return ends.length ? new Date(Math.max(...ends)) : null;
  };

  const accessList = listRows
    .map((r) => ({ row: r, m: members.get(r.userId) }))
    .filter((x): x is { row: (typeof listRows)[number]; m: Member } => Boolean(x.m && roleOpensChartsFromList(x.m.permissions)))
    .map(({ row, m }) => ({ userId: m.userId, name: m.name, roleName: m.roleName, since: row.since, until: row.until, canRemove: abilities.manageAccess }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const everyChart = [...members.values()].filter((m) => roleSeesEveryChart(m.permissions)).map(({ userId, name, roleName }) => ({ userId, name, roleName }));
  const emergency = [...members.values()].flatMap((m) => {
    const until = grantEnd(m, { clientId });
    return until ? [{ userId: m.userId, name: m.name, roleName: m.roleName, until }] : [];
  });

  const sessions = sessionRows.map((s) => {
    const shareOf = new Map(shares.filter((x) => x.sessionId === s.id).map((x) => [x.userId, x.access]));
    const facts = (userId: string, emergencyUntil: Date | null = null): SessionAccessFacts => ({
      organisationId: actor.organisationId,
      ownerId: s.ownerId,
      teamId: s.teamId,
      visibility: s.visibility,
      deletedAt: null,
      share: shareOf.get(userId) ?? null,
      emergencyUntil,
    });
    const viewerLevel = sessionAccess(actor, facts(actor.userId));
    const grantHolders = grants.filter((g) => g.sessionId === s.id).map((g) => g.userId);
    const candidates = new Set([
      s.ownerId,
      ...shareOf.keys(),
      ...(s.visibility === "team" && s.teamId ? [...members.values()].filter((m) => m.teamIds.includes(s.teamId!)).map((m) => m.userId) : []),
      ...grantHolders,
    ]);
    const people = [...candidates]
      .map((userId) => members.get(userId))
      .filter((m): m is Member => m !== undefined)
      .map((m) => {
        const until = grantEnd(m, { sessionId: s.id });
        const level = sessionAccess(asActor(m), facts(m.userId, until));
        const share = shareOf.get(m.userId) ?? null;
        const reasons: SessionAccessReason[] = [];
        if (s.ownerId === m.userId) reasons.push({ kind: "owner" });
        if (share) reasons.push({ kind: "share", level: share });
        if (s.visibility === "team" && s.teamId && m.teamIds.includes(s.teamId)) reasons.push({ kind: "team", teamName: s.teamName ?? "" });
        if (until) reasons.push({ kind: "emergency", until });
        return { userId: m.userId, name: m.name, roleName: m.roleName, level, reasons, canRemoveShare: share !== null && levelAllows(viewerLevel, "session:manage_access") };
      })
      .filter((p) => p.level !== "none")
      .sort((a, b) => a.name.localeCompare(b.name));
    return { sessionId: s.id, title: levelAllows(viewerLevel, "session:view") ? s.title : null, people };
  });

  const portalLogins = loginRows.map((l) => ({
    portalAccountId: l.portalAccountId,
    name: l.invitedName ?? l.accountName,
    email: l.email,
    status: l.status as "invited" | "accepted",
    canManage: l.canManage,
    canRevoke: abilities.invitePortal,
    until: l.until,
  }));

  const policy = { openedLinkMaxDays: org?.openedLinkMaxDays ?? null };
  const externalShares = shareRows.map(({ share, contactName, contactOrganisation, title, kind, deletedAt }) => {
    const facts: DocumentAccessFacts = { organisationId: actor.organisationId, kind: kind as DocumentKind, deletedAt, clientVisible: true };
    return {
      shareId: share.id,
      contactName,
      contactOrganisation,
      documentTitle: canDocument(actor, "document:view", facts) ? title : null,
      documentKindLabel: DOCUMENT_KIND_LABELS[kind as DocumentKind],
      state: shareDisplayState(share, now, policy),
      sentAt: share.sentAt,
      canRevoke: canManageShare(actor, facts, share, "revoke", { sharingEnabled: org?.sharingEnabled ?? false }),
    };
  });

  return { accessList, everyChart, emergency, sessions: sessions.filter((s) => s.people.length > 0), portalLogins, externalShares };
}
