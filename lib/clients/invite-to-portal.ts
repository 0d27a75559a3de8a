import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clientLinks, clients, contacts, organisations, portalAccounts } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCanClient } from "@/lib/access/clients-assert";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { issueActionToken } from "@/lib/auth/action-tokens";
import { AppError, conflictAt } from "@/lib/errors";
import { once } from "@/lib/idempotency/once";
import { queueEmail } from "@/lib/mail/queue-email";
import { scheduleOutboxDelivery } from "@/lib/outbox/schedule-delivery";
import { appUrl } from "@/lib/urls";
import { findClient, fullName } from "./find-client";
import { findPortalAccountByEmail, grantProfileToAccount } from "./portal-grants";
import { queueProfileAddedEmail } from "./queue-profile-added-email";

export const PORTAL_INVITATION_HOURS = 24;

/**
 * Portal tab → Invite to portal. `who` is the profile's own person or one of its contacts (e.g. the
 * first profile linked as Self). One login per email, across clinics: a new email gets a login
 * and a one-time set-password link (hashed token, 24 hours). Inviting someone linked as Self also
 * gives them their own profile.
 *
 * Tenant isolation (why a pending link rather than one login per clinic): the client keeps one
 * email and one password, sign-in stays a plain email + password form that never lists clinics,
 * and the only way a clinic's profile reaches a login another clinic set up is the client
 * accepting this clinic's emailed invitation with their password (grantProfileToAccount). Until
 * then this clinic sees "Invitation sent" under the name it recorded itself — never the other
 * clinic's name, nor whether the login exists — and nothing is emailed but the invitation.
 * A login that already holds an accepted profile of *this* clinic gains the profile at once and
 * gets a "profile added" email.
 */
export async function inviteToPortal(
  actor: StaffActor,
  input: { clientId: string; who: "profile" | string; canManage: boolean; idempotencyKey?: string },
): Promise<{ portalAccountId: string; emailed: boolean; outcome: "invited" | "added" | "unchanged" }> {
  await assertCanClient(actor, "client:invite_portal", input.clientId);
  const db = await getDb();
  const result = await db.transaction((tx) =>
    once(tx, { actor, key: input.idempotencyKey, action: "client.invite_to_portal" }, async () => {
      const profile = await findClient(tx, actor, input.clientId);
      let invitee: { email: string | null; name: string };
      const grants: { clientId: string; name: string; canManage: boolean }[] = [{ clientId: profile.id, name: fullName(profile), canManage: input.canManage }];
      if (input.who === "profile") {
        invitee = { email: profile.email, name: fullName(profile) };
      } else {
        const [link] = await tx.select().from(clientLinks).where(and(eq(clientLinks.id, input.who), eq(clientLinks.clientId, profile.id)));
        if (!link) throw new AppError("not_found", { field: "who" });
        if (link.linkedClientId) {
          const [other] = await tx.select().from(clients).where(and(eq(clients.id, link.linkedClientId), eq(clients.organisationId, actor.organisationId)));
          if (!other) throw new AppError("not_found", { field: "who" });
          invitee = { email: other.email, name: fullName(other) };
          // The same person (Self): their login reaches their own profile too.
          if (link.relationship === "self") grants.push({ clientId: other.id, name: fullName(other), canManage: true });
        } else {
          const [contact] = await tx.select().from(contacts).where(and(eq(contacts.id, link.contactId!), eq(contacts.organisationId, actor.organisationId)));
          if (!contact) throw new AppError("not_found", { field: "who" });
          invitee = { email: contact.email, name: contact.name };
        }
      }
      if (!invitee.email) throw new AppError("no_portal_email", { field: "who" });
      const email = invitee.email.trim().toLowerCase();

      const account = (await findPortalAccountByEmail(tx, email)) ?? (await tx.insert(portalAccounts).values({ email, name: invitee.name }).returning())[0]!;
      const hasLogin = Boolean(account.passwordHash);
      const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, actor.organisationId));
      let anyInvited = false;
      let anyAdded = false;
      for (const g of grants) {
        const { status, gained } = await grantProfileToAccount(tx, {
          portalAccountId: account.id,
          clientId: g.clientId,
          canManage: g.canManage,
          invitedById: actor.userId,
          invitedName: invitee.name,
        });
        anyInvited ||= status === "invited";
        // An existing login (password set) gains the profile now: tell them where to find it.
        if (gained) {
          await queueProfileAddedEmail(tx, actor, { clinicName: org!.name, account: { email, name: invitee.name }, profile: { id: g.clientId, name: g.name }, canManage: g.canManage });
          anyAdded = true;
        }
        await recordStaffAudit(tx, actor, {
          action: "client_portal.invited",
          target: { type: "client", id: g.clientId },
          clientId: g.clientId,
          metadata: { portalAccountId: account.id, canManage: g.canManage, status, ...(gained ? { emailed: "portal-profile-added" } : {}) },
        });
      }
      // A pending profile gets (again) this clinic's link — set a password, or accept with the
      // existing one; this clinic's previous link dies, another clinic's stays.
      if (anyInvited) {
        const token = await issueActionToken(tx, { purpose: "portal_invitation", organisationId: actor.organisationId, createdById: actor.userId, portalAccountId: account.id, ttlHours: PORTAL_INVITATION_HOURS });
        await queueEmail(tx, {
          organisationId: actor.organisationId,
          to: email,
          template: "portal-invitation",
          props: {
            clinicName: org!.name,
            inviterName: actor.name,
            clientName: invitee.name,
            setPasswordUrl: appUrl(`/portal/invitation/${token}`),
            canManage: input.canManage,
            expiresInHours: PORTAL_INVITATION_HOURS,
            hasLogin,
          },
        });
      }
      // "added": a login that already uses this clinic's portal gained the profile at once (and was told).
      const outcome = anyInvited ? ("invited" as const) : anyAdded ? ("added" as const) : ("unchanged" as const);
      return { portalAccountId: account.id, emailed: anyInvited || anyAdded, outcome };
    })).catch(conflictAt("who"));
  scheduleOutboxDelivery();
  return result;
}
