import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { portalAccountProfiles, portalAccounts } from "@/db/schema";

/**
 * Gives a portal login a profile, inside the caller's transaction. A login that already has a
 * password sees the profile at once (accepted); otherwise it waits for the invitation (invited).
 * A revoked profile is given back. Returns the status it ends in, and whether an existing login
 * just gained the profile (it was not accepted before, and is now) — the client is emailed then.
 */
export async function grantProfileToAccount(
  tx: Executor,
  input: { portalAccountId: string; clientId: string; canManage: boolean; invitedById: string },
): Promise<{ status: "invited" | "accepted"; gained: boolean }> {
  const [account] = await tx.select({ passwordHash: portalAccounts.passwordHash }).from(portalAccounts).where(eq(portalAccounts.id, input.portalAccountId));
  const status = account?.passwordHash ? "accepted" : "invited";
  const [before] = await tx
    .select({ status: portalAccountProfiles.status })
    .from(portalAccountProfiles)
    .where(and(eq(portalAccountProfiles.portalAccountId, input.portalAccountId), eq(portalAccountProfiles.clientId, input.clientId)))
    .for("update");
  const now = new Date();
  await tx
    .insert(portalAccountProfiles)
    .values({ portalAccountId: input.portalAccountId, clientId: input.clientId, canManage: input.canManage, status, invitedById: input.invitedById, invitedAt: now, acceptedAt: status === "accepted" ? now : null })
    .onConflictDoUpdate({
      target: [portalAccountProfiles.portalAccountId, portalAccountProfiles.clientId],
      set: {
        canManage: input.canManage,
        invitedById: input.invitedById,
        invitedAt: now,
        revokedAt: null,
        // An accepted profile stays accepted; an invited or revoked one follows the login's state.
        status: sql`case when ${portalAccountProfiles.status} = 'accepted' then 'accepted'::portal_profile_status else ${status}::portal_profile_status end`,
        acceptedAt: sql`case when ${portalAccountProfiles.status} = 'accepted' then ${portalAccountProfiles.acceptedAt} else ${status === "accepted" ? now : null}::timestamptz end`,
      },
    });
  return { status, gained: status === "accepted" && before?.status !== "accepted" };
}

/** The portal login with this email (case-insensitive), if any. */
export async function findPortalAccountByEmail(tx: Executor, email: string) {
  const [a] = await tx.select().from(portalAccounts).where(sql`lower(${portalAccounts.email}) = ${email.trim().toLowerCase()}`).limit(1);
  return a ?? null;
}

/** Portal logins (not revoked) that hold a profile — where "the client" is for emails about it. */
export async function portalAccountsOfProfile(tx: Executor, clientId: string) {
  return tx
    .select({ id: portalAccounts.id, email: portalAccounts.email, name: portalAccounts.name, status: portalAccountProfiles.status, canManage: portalAccountProfiles.canManage })
    .from(portalAccountProfiles)
    .innerJoin(portalAccounts, eq(portalAccounts.id, portalAccountProfiles.portalAccountId))
    .where(and(eq(portalAccountProfiles.clientId, clientId), ne(portalAccountProfiles.status, "revoked")));
}
