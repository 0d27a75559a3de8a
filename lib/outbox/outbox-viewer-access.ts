import type { StaffActor } from "@/lib/access/actor";
import { can } from "@/lib/access/can";

/**
 * Who may open /dev/outbox, the mail catcher. It shows every email and text the app has queued,
 * with their links (set-password and sharing links among them), so it is never shown to an
 * anonymous request: only to a signed-in admin (settings edit), and in production only when
 * OUTBOX_VIEWER=1 is set at runtime.
 */
export function mayViewOutbox(env: { NODE_ENV?: string; OUTBOX_VIEWER?: string }, actor: StaffActor | null): boolean {
  const enabled = env.NODE_ENV !== "production" || env.OUTBOX_VIEWER === "1";
  return enabled && actor !== null && can(actor, "settings:edit");
}
