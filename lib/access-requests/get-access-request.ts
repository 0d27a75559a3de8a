import "server-only";
import { getDb } from "@/db/client";
import type { StaffActor } from "@/lib/access/actor";
import { loadAccessRequestFor } from "./load-access-request";
import { findRequestTarget } from "./request-target";

export interface AccessRequestView {
  id: string;
  requesterName: string;
  requesterEmail: string;
  targetType: "clinical_session" | "client";
  what: string;
  link: string;
  level: "view" | "edit" | "full" | null;
  message: string | null;
  requestedAt: Date;
  /** pending (and answerable), approved, declined, or expired (14 days passed). */
  state: "pending" | "approved" | "declined" | "expired";
}

/** The page an access-request email or notification opens, for someone who may answer it. */
export async function getAccessRequest(actor: StaffActor, requestId: string): Promise<AccessRequestView> {
  const db = await getDb();
  const r = await loadAccessRequestFor(db, actor, requestId);
  const target = await findRequestTarget(db, actor.organisationId, r.targetType, r.targetId);
  const state = r.status === "pending" && r.expiresAt <= new Date() ? "expired" : r.status;
  return {
    id: r.id,
    requesterName: r.requesterName,
    requesterEmail: r.requesterEmail,
    targetType: r.targetType,
    what: target?.what ?? "",
    link: target?.link ?? "/",
    level: r.level,
    message: r.message,
    requestedAt: r.createdAt,
    state,
  };
}
