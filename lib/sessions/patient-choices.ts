import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clients } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { visibleClientsFilter } from "@/lib/access/client-visibility";
import { AppError } from "@/lib/errors";

/** Refuses a client the actor may not choose (another organisation's looks the same as a missing one). */
export async function assertPatientChoosable(exec: Executor, actor: StaffActor, clientId: string): Promise<void> {
  const [found] = await exec
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.id, clientId), eq(clients.organisationId, actor.organisationId), isNull(clients.archivedAt), visibleClientsFilter(actor, clients.id)))
    .limit(1);
  if (!found) throw new AppError("invalid_input", { field: "clientId" });
}
