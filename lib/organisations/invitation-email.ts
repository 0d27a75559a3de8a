import "server-only";
import type { Executor } from "@/db/client";
import type { StaffActor } from "@/lib/access/actor";
import { queueEmail } from "@/lib/mail/queue-email";
import { appUrl } from "@/lib/urls";

export const INVITATION_HOURS = 24;

export function queueInvitationEmail(exec: Executor, input: { actor: StaffActor; to: string; inviteeName: string; roleName: string; token: string; hasAccount: boolean }) {
  return queueEmail(exec, {
    organisationId: input.actor.organisationId,
    to: input.to,
    template: "member-invitation",
    props: {
      clinicName: input.actor.organisationName,
      inviterName: input.actor.name,
      inviteeName: input.inviteeName,
      roleName: input.roleName,
      setPasswordUrl: appUrl(`/invitation/${input.token}`),
      expiresInHours: INVITATION_HOURS,
      hasAccount: input.hasAccount,
    },
  });
}
