import "server-only";
import type { Executor } from "@/db/client";
import type { StaffActor } from "@/lib/access/actor";
import { SHARE_LEVEL_LABELS, type ShareLevel } from "@/lib/access/sessions";
import { queueEmail } from "@/lib/mail/queue-email";
import { notify } from "@/lib/notifications/notify";
import { lastDayText } from "@/lib/access-ends/end-date";
import { appUrl } from "@/lib/urls";

const ACCESS_PHRASES = { view: "View access", edit: "Edit access", full: "Full access" } as const satisfies Record<ShareLevel, string>;

export function sessionPath(sessionId: string): string {
  return `/sessions/${sessionId}`;
}

interface Recipient {
  userId: string;
  name: string;
  email: string;
}

/**
 * Tells a colleague, in the caller's transaction, that a session was shared with them or that
 * their level changed: an in-app notification and an email, both linking to the session.
 * (A removed person is told nothing: the link would only lead to "not found".)
 */
export async function queueShareMessages(
  exec: Executor,
  input: { actor: StaffActor; recipient: Recipient; session: { id: string; title: string }; access: ShareLevel; kind: "shared" | "changed"; message?: string; endsOn?: Date | null },
): Promise<void> {
  const { actor, recipient, session, access } = input;
  // Access given until a day says so, in the notification and the email.
  const lastDay = input.endsOn ? lastDayText(input.endsOn) : null;
  const until = lastDay ? `, until ${lastDay}` : "";
  const accessLabel = SHARE_LEVEL_LABELS[access];
  const link = sessionPath(session.id);
  const sessionUrl = appUrl(link);
  if (input.kind === "shared") {
    await notify(exec, {
      userId: recipient.userId,
      organisationId: actor.organisationId,
      kind: "session_shared",
      // Reads as a sentence: "Dr Maya Patel gave you Full access to “Initial assessment”."
      text: `${actor.name} gave you ${ACCESS_PHRASES[access]} to “${session.title}”${until}.`,
      link,
    });
    await queueEmail(exec, {
      organisationId: actor.organisationId,
      to: recipient.email,
      template: "session-shared",
      props: {
        clinicName: actor.organisationName,
        sharerName: actor.name,
        recipientName: recipient.name,
        sessionTitle: session.title,
        accessLabel,
        message: input.message,
        sessionUrl,
        lastDay,
      },
    });
    return;
  }
  await notify(exec, {
    userId: recipient.userId,
    organisationId: actor.organisationId,
    kind: "session_access_changed",
    text: `${actor.name} changed your access to “${session.title}” to ${accessLabel}${until}.`,
    link,
  });
  await queueEmail(exec, {
    organisationId: actor.organisationId,
    to: recipient.email,
    template: "session-access-changed",
    props: { clinicName: actor.organisationName, changedByName: actor.name, recipientName: recipient.name, sessionTitle: session.title, accessLabel, sessionUrl, lastDay },
  });
}
