import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { accessRequests, users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCanClient } from "@/lib/access/clients-assert";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/ids";
import { loadSessionFor } from "@/lib/sessions/load-session";

/**
 * One access request of the actor's organisation, for someone who may answer it: the session's
 * owner or a Full holder (session:share), or for a chart an admin (client:manage_access).
 * Anyone else gets not_found, as for a request that does not exist.
 */
export async function loadAccessRequestFor(exec: Executor, actor: StaffActor, requestId: string, opts: { lock?: boolean } = {}) {
  if (!isUuid(requestId)) throw new AppError("not_found");
  const query = exec
    .select({ request: accessRequests, requesterName: users.name, requesterEmail: users.email })
    .from(accessRequests)
    .innerJoin(users, eq(users.id, accessRequests.requesterId))
    .where(and(eq(accessRequests.id, requestId), eq(accessRequests.organisationId, actor.organisationId)));
  const [row] = opts.lock ? await query.for("update", { of: accessRequests }) : await query;
  if (!row) throw new AppError("not_found");
  const r = row.request;
  if (r.targetType === "clinical_session") await loadSessionFor(exec, actor, r.targetId, "session:share");
  else await assertCanClient(actor, "client:manage_access", r.targetId, exec);
  return { ...r, requesterName: row.requesterName, requesterEmail: row.requesterEmail };
}
