import "server-only";
import { and, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { staffAuthSessions } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuditActor } from "@/lib/audit/events";

type EndReason = NonNullable<(typeof staffAuthSessions.$inferSelect)["endedReason"]>;

/**
 * Ends a person's live auth sessions (all, one organisation's, or some by id) in one UPDATE that
 * only touches rows not yet ended, so parallel revocations never end a row twice, never overwrite
 * the first reason, and audit exactly the rows they ended. Returns the ended ids.
 */
export async function endAuthSessions(
  exec: Executor,
  input: {
    userId: string;
    organisationId?: string;
    ids?: string[];
    reason: EndReason;
    /** Who ended them, and in which organisation the event is recorded (default: the ended session's). */
    audit: { actor: AuditActor; organisationId?: string | null; target?: { type: string; id: string } };
  },
): Promise<string[]> {
  const where: SQL[] = [eq(staffAuthSessions.userId, input.userId), isNull(staffAuthSessions.endedAt)];
  if (input.organisationId) where.push(eq(staffAuthSessions.organisationId, input.organisationId));
  if (input.ids) {
    if (input.ids.length === 0) return [];
    where.push(inArray(staffAuthSessions.id, input.ids));
  }
  const ended = await exec
    .update(staffAuthSessions)
    .set({ endedAt: new Date(), endedReason: input.reason })
    .where(and(...where))
    .returning({ id: staffAuthSessions.id, organisationId: staffAuthSessions.organisationId });
  if (ended.length === 0) return [];
  const ids = ended.map((r) => r.id);
  await recordAudit(exec, {
    organisationId: input.audit.organisationId === undefined ? ended[0]!.organisationId : input.audit.organisationId,
    actor: input.audit.actor,
    action: input.reason === "signed_out" ? "auth.signed_out" : "auth.sessions_revoked",
    target: input.audit.target ?? { type: "user", id: input.userId },
    metadata: { reason: input.reason, userId: input.userId, authSessionIds: ids, count: ids.length },
  });
  return ids;
}
