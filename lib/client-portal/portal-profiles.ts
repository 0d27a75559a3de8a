import "server-only";
import { and, asc, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { clients, intakeForms, intakeRequests, organisations, portalAccountProfiles } from "@/db/schema";
import type { PortalClient } from "./types";
import { isUuid } from "@/lib/validation/ids";
import { liveGrant } from "@/lib/access/access-end";

export interface PortalProfileAccess {
  clientId: string;
  organisationId: string;
  organisationName: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string | null;
  email: string | null;
  phone: string | null;
  profileLabel: string | null;
  canManage: boolean;
}


const profileColumns = {
  clientId: clients.id,
  organisationId: clients.organisationId,
  organisationName: organisations.name,
  firstName: clients.firstName,
  lastName: clients.lastName,
  dateOfBirth: clients.dateOfBirth,
  email: clients.email,
  phone: clients.phone,
  profileLabel: clients.profileLabel,
  canManage: portalAccountProfiles.canManage,
};

/** Every profile this login may see: accepted, not revoked, not past its end date, chart not archived. */
export async function listMyProfiles(client: PortalClient, exec?: Executor): Promise<PortalProfileAccess[]> {
  const db = exec ?? (await getDb());
  return db
    .select(profileColumns)
    .from(portalAccountProfiles)
    .innerJoin(clients, eq(clients.id, portalAccountProfiles.clientId))
    .innerJoin(organisations, eq(organisations.id, clients.organisationId))
    .where(
      and(
        eq(portalAccountProfiles.portalAccountId, client.accountId),
        eq(portalAccountProfiles.status, "accepted"),
        liveGrant(portalAccountProfiles.expiresAt),
        isNull(clients.archivedAt),
      ),
    )
    .orderBy(asc(clients.createdAt));
}

/** One profile of this login, or null — forged ids, other people's profiles and revoked ones alike. */
export async function findPortalProfile(client: PortalClient, profileId: string, exec?: Executor): Promise<PortalProfileAccess | null> {
  if (!isUuid(profileId)) return null;
  const db = exec ?? (await getDb());
  const [row] = await db
    .select(profileColumns)
    .from(portalAccountProfiles)
    .innerJoin(clients, eq(clients.id, portalAccountProfiles.clientId))
    .innerJoin(organisations, eq(organisations.id, clients.organisationId))
    .where(
      and(
        eq(portalAccountProfiles.portalAccountId, client.accountId),
        eq(portalAccountProfiles.clientId, profileId),
        eq(portalAccountProfiles.status, "accepted"),
        liveGrant(portalAccountProfiles.expiresAt),
        isNull(clients.archivedAt),
      ),
    );
  return row ?? null;
}

/** Forms waiting for an answer (sent or saved as a draft), per profile of this login's list, for its home page. */
export async function countOpenForms(profileIds: string[]): Promise<Map<string, number>> {
  if (profileIds.length === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .select({ clientId: intakeRequests.clientId, n: sql<number>`count(*)::int` })
    .from(intakeRequests)
    .where(and(inArray(intakeRequests.clientId, profileIds), ne(intakeRequests.status, "submitted")))
    .groupBy(intakeRequests.clientId);
  return new Map(rows.map((r) => [r.clientId, r.n]));
}

/** The intake forms sent to one profile (the caller has checked the profile with findPortalProfile). */
export async function listProfileForms(profileId: string) {
  const db = await getDb();
  return db
    .select({ id: intakeRequests.id, formName: intakeForms.name, status: intakeRequests.status, sentAt: intakeRequests.sentAt, submittedAt: intakeRequests.submittedAt })
    .from(intakeRequests)
    .innerJoin(intakeForms, eq(intakeForms.id, intakeRequests.formId))
    .where(eq(intakeRequests.clientId, profileId))
    .orderBy(desc(intakeRequests.sentAt))
    .limit(100);
}
