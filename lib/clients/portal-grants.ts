import "server-only";
import { and, eq, isNotNull, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clients, portalAccountProfiles, portalAccounts } from "@/db/schema";
import { liveGrant } from "@/lib/access/access-end";

/**
 * Gives a portal login a profile, inside the caller's transaction.
 *
 * Tenant isolation: one portal login (one email) may hold profiles from several clinics, but a
 * clinic's profile is added *at once* only when the login already holds an accepted profile of
 * that same clinic (it is this clinic's own client, e.g. a separate profile or a child's chart).
 * Any other login — a new one, or one a different clinic set up — gets the profile as `invited`,
 * a pending link the client accepts from the emailed link (which names the clinic), with their
 * password. Until then the login does not reach the profile and the clinic sees "Invitation
 * sent" only. A revoked profile is given back the same way.
 *
 * Returns the status it ends in, and whether the login just gained the profile (it was not
 * accepted before, and is now) — the client is emailed "profile added" then.
 */
export async function grantProfileToAccount(
  tx: Executor,
  input: { portalAccountId: string; clientId: string; canManage: boolean; invitedById: string; invitedName: string },
): Promise<{ status: "invited" | "accepted"; gained: boolean }> {
  const [profile] = await tx.select({ organisationId: clients.organisationId }).from(clients).where(eq(clients.id, input.clientId));
  const known = profile ? await holdsAcceptedProfileOf(tx, input.portalAccountId, profile.organisationId) : false;
  const status = known ? "accepted" : "invited";
  const [before] = await tx
    .select({ status: portalAccountProfiles.status })
    .from(portalAccountProfiles)
    .where(and(eq(portalAccountProfiles.portalAccountId, input.portalAccountId), eq(portalAccountProfiles.clientId, input.clientId)))
    .for("update");
  const now = new Date();
  await tx
    .insert(portalAccountProfiles)
    .values({
      portalAccountId: input.portalAccountId,
      clientId: input.clientId,
      canManage: input.canManage,
      status,
      invitedName: input.invitedName,
      invitedById: input.invitedById,
      invitedAt: now,
      acceptedAt: status === "accepted" ? now : null,
    })
    .onConflictDoUpdate({
      target: [portalAccountProfiles.portalAccountId, portalAccountProfiles.clientId],
      set: {
        canManage: input.canManage,
        invitedName: input.invitedName,
        invitedById: input.invitedById,
        invitedAt: now,
        revokedAt: null,
        // An accepted profile stays accepted; an invited or revoked one follows the rule above.
        status: sql`case when ${portalAccountProfiles.status} = 'accepted' then 'accepted'::portal_profile_status else ${status}::portal_profile_status end`,
        acceptedAt: sql`case when ${portalAccountProfiles.status} = 'accepted' then ${portalAccountProfiles.acceptedAt} else ${status === "accepted" ? now : null}::timestamptz end`,
      },
    });
  const after = before?.status === "accepted" ? "accepted" : status;
  return { status: after, gained: after === "accepted" && before?.status !== "accepted" };
}

/** Whether this login (with a password) already reaches an accepted profile of this organisation. */
async function holdsAcceptedProfileOf(tx: Executor, portalAccountId: string, organisationId: string): Promise<boolean> {
  const [row] = await tx
    .select({ clientId: portalAccountProfiles.clientId })
    .from(portalAccountProfiles)
    .innerJoin(portalAccounts, eq(portalAccounts.id, portalAccountProfiles.portalAccountId))
    .innerJoin(clients, eq(clients.id, portalAccountProfiles.clientId))
    .where(
      and(
        eq(portalAccountProfiles.portalAccountId, portalAccountId),
        eq(portalAccountProfiles.status, "accepted"),
        liveGrant(portalAccountProfiles.expiresAt),
        eq(clients.organisationId, organisationId),
        isNotNull(portalAccounts.passwordHash),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** The portal login with this email (case-insensitive), if any. */
export async function findPortalAccountByEmail(tx: Executor, email: string) {
  const [a] = await tx.select().from(portalAccounts).where(sql`lower(${portalAccounts.email}) = ${email.trim().toLowerCase()}`).limit(1);
  return a ?? null;
}

/** Portal logins (not revoked) that hold a profile — where "the client" is for emails about it. */
export async function portalAccountsOfProfile(tx: Executor, clientId: string) {
  return tx
    .select({ id: portalAccounts.id, email: portalAccounts.email, name: portalAccountProfiles.invitedName, status: portalAccountProfiles.status, canManage: portalAccountProfiles.canManage })
    .from(portalAccountProfiles)
    .innerJoin(portalAccounts, eq(portalAccounts.id, portalAccountProfiles.portalAccountId))
    .where(and(eq(portalAccountProfiles.clientId, clientId), ne(portalAccountProfiles.status, "revoked")));
}
