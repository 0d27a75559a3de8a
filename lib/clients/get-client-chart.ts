import "server-only";
import { and, asc, eq, isNull, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clientAccess, clientLinks, clients, users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { liveGrant } from "@/lib/access/access-end";
import { canSeeClient } from "@/lib/access/client-visibility";
import { clientAbilities, type ClientAbilities } from "@/lib/access/clients";
import { assertCanClient } from "@/lib/access/clients-assert";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { emergencyAccessEnd } from "@/lib/emergency-access/live-grant";
import type { Relationship } from "./schemas";

export type ChartTab = "overview" | "edit" | "sessions" | "documents" | "portal" | "access" | "separate_profile" | "form";

export interface ClientChart {
  client: { id: string; firstName: string; lastName: string; dateOfBirth: string | null; email: string | null; phone: string | null; address: string | null; profileLabel: string | null; createdAt: Date };
  /** The chart's access list (entries past their end date are absent); `expiresAt`: when the entry ends by itself. */
  practitioners: { userId: string; name: string; expiresAt: Date | null }[];
  /** Other profiles linked to this one. Only charts the viewer may see carry an id and a name. */
  linkedProfiles: ({ relationship: Relationship; visible: true; id: string; name: string } | { relationship: Relationship; visible: false })[];
  abilities: ClientAbilities;
  /** Set while the viewer sees this chart only through emergency access: when that access ends. */
  emergencyUntil: Date | null;
}

/**
 * Opens a chart: the policy first (no access looks like no chart), then the details the chart
 * header and Overview show. Every view is audited, with the tab.
 */
export async function getClientChart(actor: StaffActor, clientId: string, tab: ChartTab): Promise<ClientChart> {
  const sight = await assertCanClient(actor, "client:view", clientId);
  const db = await getDb();
  const emergencyUntil = sight === "emergency" ? await emergencyAccessEnd(db, actor, { kind: "client", id: clientId }) : null;
  const [client] = await db
    .select({ id: clients.id, firstName: clients.firstName, lastName: clients.lastName, dateOfBirth: clients.dateOfBirth, email: clients.email, phone: clients.phone, address: clients.address, profileLabel: clients.profileLabel, createdAt: clients.createdAt })
    .from(clients)
    .where(and(eq(clients.id, clientId), eq(clients.organisationId, actor.organisationId), isNull(clients.archivedAt)));
  const practitioners = await db
    .select({ userId: users.id, name: users.name, expiresAt: clientAccess.expiresAt })
    .from(clientAccess)
    .innerJoin(users, eq(users.id, clientAccess.userId))
    .where(and(eq(clientAccess.clientId, clientId), liveGrant(clientAccess.expiresAt)))
    .orderBy(asc(users.name));

  // Profile ↔ profile links, both directions (the link lives on the profile whose Portal tab made it).
  const links = await db
    .select({ clientId: clientLinks.clientId, linkedClientId: clientLinks.linkedClientId, relationship: clientLinks.relationship })
    .from(clientLinks)
    .where(or(eq(clientLinks.clientId, clientId), eq(clientLinks.linkedClientId, clientId)));
  const seen = new Set<string>();
  const linkedProfiles: ClientChart["linkedProfiles"] = [];
  for (const l of links) {
    const otherId = l.clientId === clientId ? l.linkedClientId : l.clientId;
    if (!otherId || otherId === clientId || seen.has(otherId)) continue;
    seen.add(otherId);
    if (await canSeeClient(actor, otherId, db)) {
      const [o] = await db.select({ firstName: clients.firstName, lastName: clients.lastName }).from(clients).where(eq(clients.id, otherId));
      linkedProfiles.push({ relationship: l.relationship, visible: true, id: otherId, name: `${o!.firstName} ${o!.lastName}` });
    } else {
      linkedProfiles.push({ relationship: l.relationship, visible: false });
    }
  }

  await recordStaffAudit(db, actor, { action: "client.viewed", target: { type: "client", id: clientId }, clientId, metadata: { tab, ...(emergencyUntil ? { emergencyAccess: true } : {}) } });
  return { client: client!, practitioners, linkedProfiles, abilities: clientAbilities(actor, sight), emergencyUntil };
}
