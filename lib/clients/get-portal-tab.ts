import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { clientLinks, clients, contacts, intakeForms, intakeRequests, portalAccountProfiles, portalAccounts, users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { liveGrant } from "@/lib/access/access-end";
import { assertCanClient } from "@/lib/access/clients-assert";
import type { Relationship } from "./schemas";

export interface PortalTab {
  contacts: { linkId: string; name: string; kind: "client" | "contact"; relationship: Relationship; canManage: boolean; email: string | null }[];
  invitations: { portalAccountId: string; name: string; email: string; status: "invited" | "accepted" | "revoked"; canManage: boolean; invitedAt: Date; acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date | null }[];
  forms: { id: string; name: string }[];
  requests: { id: string; formName: string; status: "sent" | "draft" | "submitted"; sentByName: string; sentAt: Date; submittedAt: Date | null }[];
}

/** The Portal tab of a chart the actor may see: its contacts, portal invitations and intake forms. */
export async function getPortalTab(actor: StaffActor, clientId: string): Promise<PortalTab> {
  await assertCanClient(actor, "client:view", clientId);
  const db = await getDb();
  const other = alias(clients, "other");
  const linkRows = await db
    .select({
      linkId: clientLinks.id,
      relationship: clientLinks.relationship,
      canManage: clientLinks.canManage,
      otherFirst: other.firstName,
      otherLast: other.lastName,
      otherEmail: other.email,
      contactName: contacts.name,
      contactEmail: contacts.email,
    })
    .from(clientLinks)
    .leftJoin(other, eq(other.id, clientLinks.linkedClientId))
    .leftJoin(contacts, eq(contacts.id, clientLinks.contactId))
    .where(eq(clientLinks.clientId, clientId))
    .orderBy(asc(clientLinks.createdAt));
  const invitations = await db
    .select({
      portalAccountId: portalAccounts.id,
      // The name this clinic recorded when it invited: a login may come from another clinic, whose
      // name for the person is not this clinic's to see. Status is this link's own ("invited" =
      // invitation sent, until the client accepts this clinic's invitation).
      name: sql<string>`coalesce(${portalAccountProfiles.invitedName}, '')`,
      email: portalAccounts.email,
      // Past its end date the login no longer reaches the profile: shown as revoked before the sweep says so.
      status: sql<"invited" | "accepted" | "revoked">`case when ${liveGrant(portalAccountProfiles.expiresAt)} then ${portalAccountProfiles.status} else 'revoked' end`,
      canManage: portalAccountProfiles.canManage,
      expiresAt: portalAccountProfiles.expiresAt,
      invitedAt: portalAccountProfiles.invitedAt,
      acceptedAt: portalAccountProfiles.acceptedAt,
      revokedAt: portalAccountProfiles.revokedAt,
    })
    .from(portalAccountProfiles)
    .innerJoin(portalAccounts, eq(portalAccounts.id, portalAccountProfiles.portalAccountId))
    .where(eq(portalAccountProfiles.clientId, clientId))
    .orderBy(desc(portalAccountProfiles.invitedAt));
  const forms = await db.select({ id: intakeForms.id, name: intakeForms.name }).from(intakeForms).where(eq(intakeForms.organisationId, actor.organisationId)).orderBy(asc(intakeForms.name));
  const requests = await db
    .select({ id: intakeRequests.id, formName: intakeForms.name, status: intakeRequests.status, sentByName: users.name, sentAt: intakeRequests.sentAt, submittedAt: intakeRequests.submittedAt })
    .from(intakeRequests)
    .innerJoin(intakeForms, eq(intakeForms.id, intakeRequests.formId))
    .innerJoin(users, eq(users.id, intakeRequests.sentById))
    .where(eq(intakeRequests.clientId, clientId))
    .orderBy(desc(intakeRequests.sentAt))
    .limit(100);
  return {
    contacts: linkRows.map((l) => ({
      linkId: l.linkId,
      name: l.contactName ?? `${l.otherFirst} ${l.otherLast}`,
      kind: l.contactName !== null ? "contact" : "client",
      relationship: l.relationship,
      canManage: l.canManage,
      email: (l.contactName !== null ? l.contactEmail : l.otherEmail) || null,
    })),
    invitations,
    forms,
    requests,
  };
}

/** Existing clients of the organisation to link as a contact (admins see every chart). */
export async function findLinkCandidates(actor: StaffActor, input: { clientId: string; q: string }) {
  await assertCanClient(actor, "client:link_contact", input.clientId);
  const q = input.q.trim();
  if (!q) return [];
  const { listClients } = await import("./list-clients");
  const { items } = await listClients(actor, { q });
  return items.filter((c) => c.id !== input.clientId);
}
