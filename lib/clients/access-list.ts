import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clientAccess, organisations } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { liveGrant } from "@/lib/access/access-end";
import { lastDayText } from "@/lib/access-ends/end-date";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { queueEmail } from "@/lib/mail/queue-email";
import { notify } from "@/lib/notifications/notify";
import { appUrl } from "@/lib/urls";
import { listPractitioners } from "./list-practitioners";

/**
 * Inside the caller's transaction: makes the chart's access list exactly `userIds` — grants the
 * new ones (in-app notification + email each) and removes the others, each audited. Every id must
 * be an active practitioner of the organisation, or nothing is written.
 */
export async function applyAccessList(
  tx: Executor,
  actor: StaffActor,
  client: { id: string; firstName: string; lastName: string },
  userIds: string[],
  opts: { endsOn?: Date | null } = {},
): Promise<{ granted: string[]; removed: string[] }> {
  const wanted = [...new Set(userIds)];
  const allowed = new Map((await listPractitioners(actor, tx)).map((p) => [p.userId, p]));
  if (wanted.some((u) => !allowed.has(u))) throw new AppError("not_found", { field: "userIds" });

  // Entries past their end date are absent: ticking such a person again grants afresh.
  const current = (
    await tx.select({ userId: clientAccess.userId }).from(clientAccess).where(and(eq(clientAccess.clientId, client.id), liveGrant(clientAccess.expiresAt)))
  ).map((r) => r.userId);
  const granted = wanted.filter((u) => !current.includes(u));
  const removed = current.filter((u) => !wanted.includes(u));

  await removeFromAccessList(tx, actor, client.id, removed);
  if (granted.length) {
    await tx
      .insert(clientAccess)
      .values(granted.map((userId) => ({ clientId: client.id, userId, grantedById: actor.userId, expiresAt: opts.endsOn ?? null })))
      .onConflictDoUpdate({
        target: [clientAccess.clientId, clientAccess.userId],
        set: { grantedById: actor.userId, createdAt: new Date(), expiresAt: opts.endsOn ?? null, expiryWarnedAt: null },
      });
  }

  const clientName = `${client.firstName} ${client.lastName}`;
  const lastDay = opts.endsOn ? lastDayText(opts.endsOn) : null;
  const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, actor.organisationId));
  for (const userId of granted) {
    const p = allowed.get(userId)!;
    const link = `/clients/${client.id}`;
    const until = lastDay ? `, until ${lastDay}` : "";
    await notify(tx, { userId, organisationId: actor.organisationId, kind: "client_access_granted", text: `${actor.name} gave you access to ${clientName}'s chart${until}.`, link });
    await queueEmail(tx, {
      organisationId: actor.organisationId,
      to: p.email,
      template: "client-access-granted",
      props: { clinicName: org!.name, grantedByName: actor.name, practitionerName: p.name, clientName, chartUrl: appUrl(link), lastDay },
    });
    await recordStaffAudit(tx, actor, { action: "client.access_granted", target: { type: "client", id: client.id }, clientId: client.id, metadata: { userId } });
  }
  return { granted, removed };
}

/**
 * Inside the caller's transaction: takes these practitioners off the chart's access list, each
 * removal audited; returns who was actually on it. They lose the chart at their next request.
 */
export async function removeFromAccessList(tx: Executor, actor: StaffActor, clientId: string, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const removed = await tx
    .delete(clientAccess)
    .where(and(eq(clientAccess.clientId, clientId), inArray(clientAccess.userId, userIds)))
    .returning({ userId: clientAccess.userId });
  for (const { userId } of removed) {
    await recordStaffAudit(tx, actor, { action: "client.access_removed", target: { type: "client", id: clientId }, clientId, metadata: { userId } });
  }
  return removed.map((r) => r.userId);
}
