import "server-only";
import { auditEvents } from "@/db/schema";
import type { Executor } from "@/db/client";
import { getClientInfo } from "@/lib/request/client-info";
import { AuditAction, type AuditActor } from "./events";

export interface AuditInput {
  organisationId: string | null;
  actor: AuditActor;
  action: AuditAction;
  target?: { type: string; id: string };
  metadata?: Record<string, unknown>;
  ip?: string | null;
  userAgent?: string | null;
}

/**
 * Writes one audit event. Call it with the transaction of the change it records,
 * so the event and the change commit together or not at all.
 */
export async function recordAudit(exec: Executor, input: AuditInput): Promise<void> {
  const client = input.ip === undefined ? await getClientInfo() : { ip: input.ip, userAgent: input.userAgent ?? null };
  await exec.insert(auditEvents).values({
    organisationId: input.organisationId,
    actorType: input.actor.type,
    actorId: input.actor.id ?? null,
    action: AuditAction.parse(input.action),
    targetType: input.target?.type ?? null,
    targetId: input.target?.id ?? null,
    ip: client.ip,
    userAgent: client.userAgent,
    metadata: input.metadata ?? null,
  });
}

/** The common case: a staff member acting in their organisation. */
export function recordStaffAudit(
  exec: Executor,
  actor: { userId: string; organisationId: string },
  input: Omit<AuditInput, "organisationId" | "actor">,
): Promise<void> {
  return recordAudit(exec, { ...input, organisationId: actor.organisationId, actor: { type: "user", id: actor.userId } });
}
