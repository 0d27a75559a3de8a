import "server-only";
import { and, count, eq, gt, lte } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { accessRequests, memberships } from "@/db/schema";
import { ACCESS_REQUEST_DAYS, ACCESS_REQUESTS_PER_HOUR, daysAfter } from "@/lib/access/access-end";
import type { StaffActor } from "@/lib/access/actor";
import { roleMayHoldClientAccess } from "@/lib/access/clients";
import { shareAllowedForRole } from "@/lib/access/sessions";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { queueEmail } from "@/lib/mail/queue-email";
import { notify } from "@/lib/notifications/notify";
import { scheduleOutboxDelivery } from "@/lib/outbox/schedule-delivery";
import { appUrl } from "@/lib/urls";
import { findRequestTarget } from "./request-target";
import { REQUESTABLE_SESSION_LEVELS, type RequestAccessInput } from "./schemas";

const HOUR_MS = 3_600_000;

export interface PendingAccessRequest {
  requestedAt: Date;
  level: "view" | "edit" | "full" | null;
}

/**
 * "Request access" on the no-access page of a session or chart. One open request per person and
 * record (asking again shows the first), at most 5 new requests per person per hour — counted in
 * Postgres under a lock on the requester's membership, so 50 clicks at once still make 5. The
 * request goes to whoever may answer it (notification + email with the answers); a request for an
 * id that isn't a live record of this organisation is kept and answered the same way but reaches
 * nobody, so the answer never tells the requester whether the record exists.
 */
export async function requestAccess(actor: StaffActor, input: RequestAccessInput, opts: { now?: Date } = {}): Promise<{ outcome: "sent" | "already_pending"; request: PendingAccessRequest }> {
  // A role that could never be given what it asks for is told so without looking at the record.
  if (input.targetType === "clinical_session" ? !shareAllowedForRole(input.level ?? "view", actor.role.permissions) : !roleMayHoldClientAccess(actor.role.permissions)) {
    throw new AppError("forbidden");
  }
  const now = opts.now ?? new Date();
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.userId, actor.userId), eq(memberships.organisationId, actor.organisationId), eq(memberships.status, "active")))
      .for("update");
    const existing = await pendingRequest(tx, actor, input.targetType, input.targetId, now);
    if (existing) return { outcome: "already_pending" as const, request: existing };

    const [recent] = await tx
      .select({ n: count() })
      .from(accessRequests)
      .where(and(eq(accessRequests.requesterId, actor.userId), gt(accessRequests.createdAt, new Date(now.getTime() - HOUR_MS))));
    if (recent!.n >= ACCESS_REQUESTS_PER_HOUR) throw new AppError("rate_limited");

    // A request left unanswered past its 14 days no longer counts as open (the policy already says so).
    await tx
      .update(accessRequests)
      .set({ status: "expired" })
      .where(and(openTo(actor, input.targetType, input.targetId), lte(accessRequests.expiresAt, now)));
    const level = input.targetType === "clinical_session" ? (input.level ?? "view") : null;
    const [row] = await tx
      .insert(accessRequests)
      .values({
        organisationId: actor.organisationId,
        requesterId: actor.userId,
        targetType: input.targetType,
        targetId: input.targetId,
        level,
        message: input.message ?? null,
        createdAt: now,
        expiresAt: daysAfter(now, ACCESS_REQUEST_DAYS),
      })
      .returning({ id: accessRequests.id });
    await recordStaffAudit(tx, actor, {
      action: "access.requested",
      target: { type: input.targetType, id: input.targetId },
      // Only a chart that exists in this organisation is named as the event's client.
      clientId: input.targetType === "client" && (await findRequestTarget(tx, actor.organisationId, "client", input.targetId)) ? input.targetId : null,
      metadata: { requestId: row!.id, level, withMessage: Boolean(input.message) },
    });
    await tellAnswerers(tx, actor, { id: row!.id, ...input, level });
    return { outcome: "sent" as const, request: { requestedAt: now, level } };
  });
  if (result.outcome === "sent") scheduleOutboxDelivery();
  return result;
}

function openTo(actor: StaffActor, targetType: RequestAccessInput["targetType"], targetId: string) {
  return and(eq(accessRequests.requesterId, actor.userId), eq(accessRequests.targetType, targetType), eq(accessRequests.targetId, targetId), eq(accessRequests.status, "pending"));
}

/** The actor's own open request for this record (pending and under 14 days old), if any. */
export async function pendingRequest(exec: Executor, actor: StaffActor, targetType: RequestAccessInput["targetType"], targetId: string, now: Date = new Date()): Promise<PendingAccessRequest | null> {
  const [row] = await exec
    .select({ requestedAt: accessRequests.createdAt, level: accessRequests.level })
    .from(accessRequests)
    .where(and(openTo(actor, targetType, targetId), eq(accessRequests.organisationId, actor.organisationId), gt(accessRequests.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

async function tellAnswerers(tx: Executor, actor: StaffActor, request: { id: string; targetType: RequestAccessInput["targetType"]; targetId: string; level: "view" | "edit" | "full" | null; message?: string }) {
  const target = await findRequestTarget(tx, actor.organisationId, request.targetType, request.targetId);
  if (!target) return;
  const link = `/access-requests/${request.id}`;
  const asked = request.level ? ` (${request.level === "edit" ? "Edit" : "View"})` : "";
  const answers =
    request.targetType === "clinical_session"
      ? [
          { label: "Approve at View", answer: "view" },
          { label: "Approve at Edit", answer: "edit" },
          { label: "Decline", answer: "decline" },
        ]
      : [
          { label: "Approve", answer: "approve" },
          { label: "Decline", answer: "decline" },
        ];
  for (const a of target.answerers.filter((a) => a.userId !== actor.userId)) {
    await notify(tx, { userId: a.userId, organisationId: actor.organisationId, kind: "access_requested", text: `${actor.name} asked for access to ${target.what}${asked}.`, link });
    await queueEmail(tx, {
      organisationId: actor.organisationId,
      to: a.email,
      template: "access-requested",
      props: {
        clinicName: actor.organisationName,
        approverName: a.name,
        requesterName: actor.name,
        what: `${target.what}${asked}`,
        message: request.message,
        answers: answers.map((x) => ({ label: x.label, url: appUrl(`${link}?answer=${x.answer}`) })),
      },
    });
  }
}


/**
 * For the no-access page (it reveals nothing about the record): the person's open request for this
 * id, if any, and what their role may ask for at all (sessions: the levels it could be given; charts: whether it can be on an access
 * list), so the page offers no request the role would be refused.
 */
export async function findMyPendingRequest(
  actor: StaffActor,
  input: { targetType: RequestAccessInput["targetType"]; targetId: string },
): Promise<{ pending: PendingAccessRequest | null; levels: (typeof REQUESTABLE_SESSION_LEVELS)[number][]; mayRequest: boolean }> {
  const levels = input.targetType === "clinical_session" ? REQUESTABLE_SESSION_LEVELS.filter((l) => shareAllowedForRole(l, actor.role.permissions)) : [];
  const mayRequest = input.targetType === "clinical_session" ? levels.length > 0 : roleMayHoldClientAccess(actor.role.permissions);
  return { pending: await pendingRequest(await getDb(), actor, input.targetType, input.targetId), levels, mayRequest };
}
