import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { clients } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { visibleClientsFilter } from "@/lib/access/client-visibility";
import { AppError } from "@/lib/errors";

/**
 * Client profiles the actor may choose as a session's patient: exactly the charts they may see
 * (the clients policy). Choosing a patient never widens anyone's chart access, and a session's
 * patient is never a way to reach a chart.
 */
export async function listPatientChoices(actor: StaffActor): Promise<{ id: string; name: string; dateOfBirth: string | null }[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: clients.id, firstName: clients.firstName, lastName: clients.lastName, dateOfBirth: clients.dateOfBirth })
    .from(clients)
    .where(and(eq(clients.organisationId, actor.organisationId), isNull(clients.archivedAt), visibleClientsFilter(actor, clients.id)))
    .orderBy(asc(clients.lastName), asc(clients.firstName))
    .limit(500);
  return rows.map((c) => ({ id: c.id, name: `${c.firstName} ${c.lastName}`, dateOfBirth: c.dateOfBirth }));
}

/** Refuses a client the actor may not choose (another organisation's looks the same as a missing one). */
export async function assertPatientChoosable(exec: Executor, actor: StaffActor, clientId: string): Promise<void> {
  const [found] = await exec
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.id, clientId), eq(clients.organisationId, actor.organisationId), isNull(clients.archivedAt), visibleClientsFilter(actor, clients.id)))
    .limit(1);
  if (!found) throw new AppError("invalid_input", { field: "clientId" });
}
