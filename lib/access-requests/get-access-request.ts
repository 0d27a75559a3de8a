import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { loadAccessRequestFor } from "./load-access-request";
import { approvalGiven } from "./labels";
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
  /** Who answered and when, and for an approval what was given ("at View, until 8 Dec 2026"). */
  answer: { byName: string | null; at: Date | null; given: string | null } | null;
}

/** The page an access-request email or notification opens, for someone who may answer it. */
export async function getAccessRequest(actor: StaffActor, requestId: string): Promise<AccessRequestView> {
  const db = await getDb();
  const r = await loadAccessRequestFor(db, actor, requestId);
  const target = await findRequestTarget(db, actor.organisationId, r.targetType, r.targetId);
  const state = r.status === "pending" && r.expiresAt <= new Date() ? "expired" : r.status;
  let answer: AccessRequestView["answer"] = null;
  if (r.status === "approved" || r.status === "declined") {
    const [decider] = r.decidedById ? await db.select({ name: users.name }).from(users).where(eq(users.id, r.decidedById)) : [];
    // What was given is in the approval's audit event (the request row keeps only that it was approved).
    const [event] =
      r.status === "approved"
        ? await db
            .select({ metadata: auditEvents.metadata })
            .from(auditEvents)
            .where(
              and(
                eq(auditEvents.targetType, r.targetType),
                eq(auditEvents.targetId, r.targetId),
                eq(auditEvents.action, "access.request_approved"),
                eq(auditEvents.organisationId, actor.organisationId),
                sql`${auditEvents.metadata}->>'requestId' = ${r.id}`,
              ),
            )
            .limit(1)
        : [];
    const { level, lastDay } = approvalGiven(event?.metadata);
    answer = { byName: decider?.name ?? null, at: r.decidedAt, given: [level && `at ${level}`, lastDay && `until ${lastDay}`].filter(Boolean).join(", ") || null };
  }
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
    answer,
  };
}
