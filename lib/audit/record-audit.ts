import "server-only";
import { and, eq, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { auditEvents, memberships, roles } from "@/db/schema";
import type { Executor } from "@/db/client";
import { getClientInfo } from "@/lib/request/client-info";
import { AuditAction, type AuditActor } from "./events";

export interface AuditInput {
  organisationId: string | null;
  actor: AuditActor;
  action: AuditAction;
  target?: { type: string; id: string };
  /**
   * The client profile the event is about: the client itself, the patient of a session, the client of
   * a document or of a shared document. Pass it whenever there is one, so the chart's history finds it.
   */
  clientId?: string | null;
  /** A staff actor's role name at the time (recordStaffAudit fills it in). */
  actorRole?: string | null;
  metadata?: Record<string, unknown>;
  ip?: string | null;
  userAgent?: string | null;
}

/**
 * Writes one audit event. Call it with the transaction of the change it records,
 * so the event and the change commit together or not at all.
 */
export async function recordAudit(exec: Executor, input: AuditInput, opts: { alongside?: SQLWrapper } = {}): Promise<void> {
  const client = input.ip === undefined ? await getClientInfo() : { ip: input.ip, userAgent: input.userAgent ?? null };
  const insert = exec.insert(auditEvents).values({
    organisationId: input.organisationId,
    actorType: input.actor.type,
    actorId: input.actor.id ?? null,
    actorRole: input.actorRole ?? roleAtTheTime(input),
    action: AuditAction.parse(input.action),
    targetType: input.target?.type ?? null,
    targetId: input.target?.id ?? null,
    clientId: input.clientId ?? null,
    ip: client.ip,
    userAgent: client.userAgent,
    metadata: input.metadata ?? null,
  });
  if (!opts.alongside) {
    await insert;
    return;
  }
  // `alongside` (an update the event records) runs in the same statement: both happen or neither,
  // in one round trip and without a transaction.
  await exec.execute(sql`with alongside as (${opts.alongside.getSQL()}) ${insert.getSQL()}`);
}

/**
 * A staff member's role in the organisation as the event is written, looked up in the same insert
 * for callers that do not have the actor loaded (sign-in, sign-out, idle timeout…).
 */
function roleAtTheTime(input: AuditInput): SQL | null {
  if (input.actor.type !== "user" || !input.actor.id || !input.organisationId) return null;
  return sql`(select ${roles.name} from ${memberships} inner join ${roles} on ${roles.id} = ${memberships.roleId}
    where ${and(eq(memberships.userId, input.actor.id), eq(memberships.organisationId, input.organisationId))})`;
}

/** The common case: a staff member acting in their organisation. */
export function recordStaffAudit(
  exec: Executor,
  actor: { userId: string; organisationId: string; role?: { name: string } },
  input: Omit<AuditInput, "organisationId" | "actor" | "actorRole">,
): Promise<void> {
  return recordAudit(exec, { ...input, organisationId: actor.organisationId, actor: { type: "user", id: actor.userId }, actorRole: actor.role?.name ?? null });
}
