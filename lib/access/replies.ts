/**
 * The policy for documents contacts send back through the sharing portal (lib/replies/). A reply
 * waits in its chart's Inbox for the person who shared the document, and for whoever may manage
 * that chart's documents (the `patients` area at edit). Either must still see the chart in full
 * (an emergency grant is read-only, and an Inbox is handled, not read). Filing it as a document of a
 * kind needs what creating that kind needs.
 */
import type { StaffActor } from "./actor";
import type { ChartSight } from "./emergency-access";
import { canCreateKind, type DocumentKind } from "./documents";
import { levelAtLeast } from "./permissions";

export interface ReplyAccessFacts {
  organisationId: string;
  /** The chart's sight for the actor (clientSight()). */
  sight: ChartSight;
  /** Who shared the document the contact answered. */
  sharedById: string;
}

export type ReplyAction = { do: "view" } | { do: "discard" } | { do: "file"; kind: DocumentKind };

/** Whose replies an actor's Inbox holds, on a chart they see: every reply, or those to their own shares. */
export function replyInboxScope(actor: StaffActor): "all" | "own" {
  return levelAtLeast(actor.role.permissions.patients, "edit") ? "all" : "own";
}

export function canReply(actor: StaffActor, action: ReplyAction, reply: ReplyAccessFacts): boolean {
  if (reply.organisationId !== actor.organisationId || reply.sight !== "full") return false;
  if (replyInboxScope(actor) !== "all" && reply.sharedById !== actor.userId) return false;
  return action.do !== "file" || canCreateKind(actor, action.kind);
}
