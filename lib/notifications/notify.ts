import "server-only";
import type { Executor } from "@/db/client";
import { notifications } from "@/db/schema";

export const NOTIFICATION_KINDS = [
  "session_shared",
  "session_access_changed",
  "session_ownership_transferred",
  "team_deleted",
  "client_access_granted",
  "intake_submitted",
  "member_welcome",
  "emergency_access_used",
  "emergency_access_ended",
  "access_ending_soon",
  "access_ended",
  "access_requested",
  "access_request_declined",
  "reply_received",
  "share_unopened",
  "share_locked",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Queues an in-app notification in the caller's transaction, so it exists exactly when the change
 * it reports does. `text` is a short sentence in the clinic's words; `link` an in-app path.
 */
export async function notify(
  exec: Executor,
  input: { userId: string; organisationId: string | null; kind: NotificationKind; text: string; link: string },
): Promise<void> {
  await exec.insert(notifications).values(input);
}
