import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accessRequests, clientAccess } from "@/db/schema";
import { liveGrant } from "@/lib/access/access-end";
import type { StaffActor } from "@/lib/access/actor";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { applyAccessList } from "@/lib/clients/access-list";
import { findClient } from "@/lib/clients/find-client";
import { AppError } from "@/lib/errors";
import { queueEmail } from "@/lib/mail/queue-email";
import { notify } from "@/lib/notifications/notify";
import { scheduleOutboxDelivery } from "@/lib/outbox/schedule-delivery";
import { shareSessionIn } from "@/lib/sessions/share-session";
import { formatClinicDate as formatDate } from "@/lib/access-ends/end-date";
import { loadAccessRequestFor } from "./load-access-request";
import type { AnswerAccessRequestInput } from "./schemas";

/**
 * Approve (sessions: at View or Edit; charts: onto the access list), optionally until an end date,
 * or decline a pending request, optionally with a reason. Approving shares the session / grants the
 * chart through the usual paths, which tell the requester (notification + email, linking to the
 * record); declining tells them too, with the reason, without naming the record. A request
 * answered already, or older than 14 days, cannot be answered.
 */
export async function answerAccessRequest(actor: StaffActor, input: AnswerAccessRequestInput, opts: { now?: Date } = {}): Promise<{ outcome: "approved" | "declined" }> {
  const now = opts.now ?? new Date();
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const request = await loadAccessRequestFor(tx, actor, input.requestId, { lock: true });
    if (request.status !== "pending") throw new AppError(request.status === "expired" ? "request_expired" : "request_answered");
    if (request.expiresAt <= now) throw new AppError("request_expired");
    const isSession = request.targetType === "clinical_session";
    const fits = input.answer === "decline" || (isSession ? input.answer === "view" || input.answer === "edit" : input.answer === "approve");
    if (!fits) throw new AppError("invalid_input", { field: "answer" });

    const approved = input.answer !== "decline";
    const endsOn = approved ? (input.endsOn ?? null) : null;
    const reason = approved ? undefined : input.reason;
    if (approved && isSession) {
      await shareSessionIn(tx, actor, { sessionId: request.targetId, userIds: [request.requesterId], access: input.answer as "view" | "edit", endsOn });
    } else if (approved) {
      const client = await findClient(tx, actor, request.targetId);
      const current = await tx.select({ userId: clientAccess.userId }).from(clientAccess).where(and(eq(clientAccess.clientId, client.id), liveGrant(clientAccess.expiresAt)));
      // Only the requester is new on the list: the end date is theirs alone.
      await applyAccessList(tx, actor, client, [...current.map((c) => c.userId), request.requesterId], { endsOn });
    } else {
      // Says what was asked for and when, and leads back to the page it was asked from, without
      // naming the record (the requester never saw it).
      const asked = isSession ? `${request.level === "edit" ? "Edit" : "View"} access to a session` : "access to a client chart";
      await notify(tx, {
        userId: request.requesterId,
        organisationId: actor.organisationId,
        kind: "access_request_declined",
        text: `${actor.name} declined your request of ${formatDate(request.createdAt)} for ${asked}.${reason ? ` Reason: ${reason}` : ""}`,
        link: isSession ? `/sessions/${request.targetId}` : `/clients/${request.targetId}`,
      });
      await queueEmail(tx, {
        organisationId: actor.organisationId,
        to: request.requesterEmail,
        template: "access-request-declined",
        props: { clinicName: actor.organisationName, requesterName: request.requesterName, deciderName: actor.name, requestedOn: formatDate(request.createdAt), asked, reason },
      });
    }
    await tx
      .update(accessRequests)
      .set({ status: approved ? "approved" : "declined", decidedById: actor.userId, decidedAt: now })
      .where(eq(accessRequests.id, request.id));
    await recordStaffAudit(tx, actor, {
      action: approved ? "access.request_approved" : "access.request_declined",
      target: { type: request.targetType, id: request.targetId },
      clientId: request.targetType === "client" ? request.targetId : null,
      // The reason's words stay in the message to the requester; the log records that there was one.
      metadata: {
        requestId: request.id,
        userId: request.requesterId,
        ...(approved && isSession ? { level: input.answer } : {}),
        ...(endsOn ? { endsAt: endsOn.toISOString() } : {}),
        ...(reason ? { withReason: true } : {}),
      },
    });
    return approved ? ("approved" as const) : ("declined" as const);
  });
  scheduleOutboxDelivery();
  return { outcome };
}
