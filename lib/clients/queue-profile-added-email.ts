import "server-only";
import type { Executor } from "@/db/client";
import type { StaffActor } from "@/lib/access/actor";
import { queueEmail } from "@/lib/mail/queue-email";
import { appUrl } from "@/lib/urls";

/**
 * Inside the caller's transaction: tells a portal login that already has a password that it
 * gained a profile (no set-password link: they sign in as usual). Queued with the grant, so a
 * rolled-back grant sends nothing.
 */
export async function queueProfileAddedEmail(
  tx: Executor,
  actor: StaffActor,
  input: { clinicName: string; account: { email: string; name: string }; profile: { id: string; name: string }; canManage: boolean },
): Promise<void> {
  await queueEmail(tx, {
    organisationId: actor.organisationId,
    to: input.account.email,
    template: "portal-profile-added",
    props: {
      clinicName: input.clinicName,
      inviterName: actor.name,
      clientName: input.account.name,
      profileName: input.profile.name,
      portalUrl: appUrl(`/portal/profiles/${input.profile.id}`),
      canManage: input.canManage,
    },
  });
}
