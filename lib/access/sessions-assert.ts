import "server-only";
import { AppError } from "@/lib/errors";
import type { StaffActor } from "./actor";
import { auditRefusal } from "./can";
import { levelAllows, sessionAccess, type SessionAccessFacts, type SessionLevel, type SessionPermission } from "./sessions";

/**
 * Guards one action on one session and returns the actor's level. Someone who may not even view
 * the session gets `not_found`, exactly like a session that does not exist; someone who may view
 * it but lacks the permission gets `forbidden`. Both refusals are audited.
 */
export async function assertCanSession(
  actor: StaffActor,
  permission: SessionPermission,
  sessionId: string,
  session: SessionAccessFacts | null,
): Promise<SessionLevel> {
  const level = session ? sessionAccess(actor, session) : "none";
  if (session && levelAllows(level, permission)) return level;
  await auditRefusal(actor, permission, { type: "clinical_session", id: sessionId });
  throw new AppError(levelAllows(level, "session:view") ? "forbidden" : "not_found");
}
