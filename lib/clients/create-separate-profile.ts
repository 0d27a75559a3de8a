import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clientLinks, clients, organisations, portalAccountProfiles, portalAccounts } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCanClient } from "@/lib/access/clients-assert";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { scheduleOutboxDelivery } from "@/lib/outbox/schedule-delivery";
import { applyAccessList } from "./access-list";
import { findClient, fullName } from "./find-client";
import { grantProfileToAccount } from "./portal-grants";
import { queueProfileAddedEmail } from "./queue-profile-added-email";
import { once } from "@/lib/idempotency/once";

/**
 * "Create a separate profile for this person…" (admins): a second chart with the same name and no
 * email, linked to the first as its contact with the relationship Self and "can manage
 * information", its own access list holding only the chosen practitioner, and — if the person has
 * a portal login — the new profile added to it (a login with a password is emailed that it has a
 * new profile). One transaction; each step audited.
 */
export async function createSeparateProfile(actor: StaffActor, input: { clientId: string; practitionerId: string; idempotencyKey?: string }): Promise<{ clientId: string; addedToPortal: boolean }> {
  await assertCanClient(actor, "client:create_profile", input.clientId);
  const db = await getDb();
  const result = await db.transaction((tx) =>
    once(tx, { actor, key: input.idempotencyKey, action: "client.create_separate_profile" }, async () => {
      const first = await findClient(tx, actor, input.clientId);
      const [second] = await tx
        .insert(clients)
        .values({ organisationId: actor.organisationId, firstName: first.firstName, lastName: first.lastName, dateOfBirth: first.dateOfBirth, email: null, phone: first.phone })
        .returning();
      const about = { target: { type: "client", id: second!.id }, clientId: second!.id };
      await recordStaffAudit(tx, actor, { ...about, action: "client.profile_created", metadata: { separateProfileOf: first.id } });
      const [link] = await tx.insert(clientLinks).values({ clientId: second!.id, linkedClientId: first.id, relationship: "self", canManage: true }).returning({ id: clientLinks.id });
      await recordStaffAudit(tx, actor, { ...about, action: "client.contact_linked", metadata: { linkId: link!.id, linkedClientId: first.id, relationship: "self", canManage: true } });
      await applyAccessList(tx, actor, second!, [input.practitionerId]).catch((e: { details?: { field?: string } }) => {
        if (e?.details) e.details.field = "practitionerId";
        throw e;
      });

      // The person's portal login(s): whoever already reaches the first profile (not revoked).
      const logins = await tx
        .select({ portalAccountId: portalAccountProfiles.portalAccountId, email: portalAccounts.email, invitedName: portalAccountProfiles.invitedName })
        .from(portalAccountProfiles)
        .innerJoin(portalAccounts, eq(portalAccounts.id, portalAccountProfiles.portalAccountId))
        .where(and(eq(portalAccountProfiles.clientId, first.id), ne(portalAccountProfiles.status, "revoked")));
      const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, actor.organisationId));
      for (const l of logins) {
        // Named as this clinic knows the person (the login's own name may come from another clinic).
        const name = l.invitedName ?? fullName(first);
        const { status, gained } = await grantProfileToAccount(tx, { portalAccountId: l.portalAccountId, clientId: second!.id, canManage: true, invitedById: actor.userId, invitedName: name });
        // A login still waiting on this clinic's invitation sees the new profile once it accepts;
        // one that already holds this clinic's profile sees it now, and is told so.
        if (gained) await queueProfileAddedEmail(tx, actor, { clinicName: org!.name, account: { email: l.email, name }, profile: { id: second!.id, name: fullName(second!) }, canManage: true });
        await recordStaffAudit(tx, actor, {
          ...about,
          action: "client_portal.invited",
          metadata: { portalAccountId: l.portalAccountId, canManage: true, via: "separate_profile", status, ...(gained ? { emailed: "portal-profile-added" } : {}) },
        });
      }
      return { clientId: second!.id, addedToPortal: logins.length > 0 };
    }));
  scheduleOutboxDelivery();
  return result;
}
