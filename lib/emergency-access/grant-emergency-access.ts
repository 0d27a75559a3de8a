import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { clients, emergencyAccessGrants, memberships, organisations, roles, users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { auditRefusal } from "@/lib/access/can";
import { canSeeClient } from "@/lib/access/client-visibility";
import { grantUnendedSql, roleAllowsEmergencyAccess, type EmergencyRecord } from "@/lib/access/emergency-access";
import { levelAllows, sessionAccess } from "@/lib/access/sessions";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { formatDateTime } from "@/components/sessions/session-badges";
import { AppError } from "@/lib/errors";
import { queueEmail } from "@/lib/mail/queue-email";
import { notify } from "@/lib/notifications/notify";
import { scheduleOutboxDelivery } from "@/lib/outbox/schedule-delivery";
import { loadSession } from "@/lib/sessions/load-session";
import { appUrl } from "@/lib/urls";
import { isUuid } from "@/lib/validation/ids";
import { grantChartId } from "./grant-chart";
import type { EmergencyAccessInput } from "./schemas";

export const EMERGENCY_REVIEW_PATH = "/settings/audit-log/emergency";
const RECORD_LABEL = { client: "a client chart", session: "a session" } as const;

export type EmergencyAccessResult = { status: "granted" | "already_granted"; grantId: string; expiresAt: Date } | { status: "not_needed" };

/**
 * *Get emergency access* ("break the glass"). Refused, in this order, so nothing about the record
 * leaks before the person may ask at all: a role without the permission (forbidden), the
 * organisation's switch off (emergency_access_off), then a record that does not exist, is not in
 * the organisation or is deleted/archived (not_found — the same answer whatever the reason).
 * Then View on exactly that record until now + the organisation's hours, every admin told in the
 * app and by email, all in one transaction with its audit event.
 *
 * One live grant per person and record: the membership row is locked, so parallel presses
 * serialise, and a press while a grant lasts returns that grant (no second notification).
 * Someone who can already see the record gets `not_needed` and nothing is written.
 */
export async function grantEmergencyAccess(actor: StaffActor, input: EmergencyAccessInput & { now?: Date }): Promise<EmergencyAccessResult> {
  const record = { kind: input.kind, id: input.recordId } as EmergencyRecord;
  const target = { type: record.kind === "client" ? "client" : "clinical_session", id: input.recordId };
  if (!roleAllowsEmergencyAccess(actor, record.kind)) {
    await auditRefusal(actor, "emergency_access", isUuid(input.recordId) ? target : undefined);
    throw new AppError("forbidden");
  }
  const now = input.now ?? new Date();
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const [me] = await tx
      .select({ enabled: organisations.emergencyAccessEnabled, hours: organisations.emergencyAccessHours })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(and(eq(memberships.id, actor.membershipId), eq(memberships.status, "active")))
      .for("update", { of: memberships });
    if (!me) throw new AppError("not_found");
    if (!me.enabled) throw new AppError("emergency_access_off");
    const visible = await visibility(tx, actor, record, now);
    if (visible === "missing") throw new AppError("not_found");
    if (visible === "visible") return { status: "not_needed" } as const;

    const recordColumn = record.kind === "client" ? emergencyAccessGrants.clientId : emergencyAccessGrants.sessionId;
    const [live] = await tx
      .select({ id: emergencyAccessGrants.id, expiresAt: emergencyAccessGrants.expiresAt })
      .from(emergencyAccessGrants)
      .where(and(eq(emergencyAccessGrants.userId, actor.userId), eq(recordColumn, record.id), grantUnendedSql(now)))
      .limit(1);
    if (live) return { status: "already_granted", grantId: live.id, expiresAt: live.expiresAt } as const;

    const expiresAt = new Date(now.getTime() + me.hours * 3_600_000);
    const [grant] = await tx
      .insert(emergencyAccessGrants)
      .values({
        organisationId: actor.organisationId,
        userId: actor.userId,
        clientId: record.kind === "client" ? record.id : null,
        sessionId: record.kind === "session" ? record.id : null,
        reason: input.reason,
        createdAt: now,
        expiresAt,
      })
      .returning({ id: emergencyAccessGrants.id });
    await recordStaffAudit(tx, actor, {
      action: "emergency_access.granted",
      target,
      clientId: await grantChartId(tx, { clientId: record.kind === "client" ? record.id : null, sessionId: record.kind === "session" ? record.id : null }),
      metadata: { grantId: grant!.id, expiresAt: expiresAt.toISOString(), hours: me.hours },
    });
    await tellAdmins(tx, actor, record, expiresAt);
    return { status: "granted", grantId: grant!.id, expiresAt } as const;
  }).catch(async (e: unknown) => {
    // Audited after the rollback (the refusal's own event must not roll back with it).
    if (e instanceof AppError) await auditRefusal(actor, "emergency_access", isUuid(input.recordId) ? target : undefined);
    throw e;
  });
  if (result.status === "granted") scheduleOutboxDelivery();
  return result;
}

/** Does the record exist in the organisation (live), and can the actor already see it? */
async function visibility(tx: Executor, actor: StaffActor, record: EmergencyRecord, now: Date): Promise<"missing" | "visible" | "hidden"> {
  if (!isUuid(record.id)) return "missing";
  if (record.kind === "session") {
    const session = await loadSession(tx, actor, record.id, { now });
    if (!session) return "missing";
    return levelAllows(sessionAccess(actor, { ...session.facts, emergencyUntil: null }), "session:view") ? "visible" : "hidden";
  }
  const [chart] = await tx
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.id, record.id), eq(clients.organisationId, actor.organisationId), isNull(clients.archivedAt)));
  if (!chart) return "missing";
  return (await canSeeClient(actor, record.id, tx)) ? "visible" : "hidden";
}

/** Every active admin of the organisation (role may edit settings), but the person breaking the glass: in the app and by email. */
async function tellAdmins(tx: Executor, actor: StaffActor, record: EmergencyRecord, expiresAt: Date): Promise<void> {
  const admins = await tx
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(roles, eq(roles.id, memberships.roleId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, actor.organisationId), eq(memberships.status, "active"), eq(roles.settings, "edit"), sql`${users.id} <> ${actor.userId}`));
  const endsAt = formatDateTime(expiresAt);
  for (const admin of admins) {
    await notify(tx, {
      userId: admin.userId,
      organisationId: actor.organisationId,
      kind: "emergency_access_used",
      text: `${actor.name} used emergency access to ${RECORD_LABEL[record.kind]} until ${endsAt}. Review it.`,
      link: EMERGENCY_REVIEW_PATH,
    });
    await queueEmail(tx, {
      organisationId: actor.organisationId,
      to: admin.email,
      template: "emergency-access-used",
      props: { clinicName: actor.organisationName, adminName: admin.name, clinicianName: actor.name, recordLabel: RECORD_LABEL[record.kind], endsAt, reviewUrl: appUrl(EMERGENCY_REVIEW_PATH) },
    });
  }
}
