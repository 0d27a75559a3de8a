import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { clientAccess, clients } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { patientChoiceScope } from "@/lib/access/sessions";
import { AppError } from "@/lib/errors";

/**
 * Client profiles the actor may choose as a session's patient: the charts their role lets them
 * see (every chart, or those whose access list holds them). Choosing never widens chart access.
 */
function choosableClients(exec: Executor, actor: StaffActor) {
  const scope = patientChoiceScope(actor);
  const base = and(eq(clients.organisationId, actor.organisationId), isNull(clients.archivedAt));
  const columns = { id: clients.id, firstName: clients.firstName, lastName: clients.lastName, dateOfBirth: clients.dateOfBirth };
  if (scope === "all") return { scope, query: exec.select(columns).from(clients).where(base).$dynamic() };
  return {
    scope,
    query: exec
      .select(columns)
      .from(clients)
      .innerJoin(clientAccess, and(eq(clientAccess.clientId, clients.id), eq(clientAccess.userId, actor.userId)))
      .where(base)
      .$dynamic(),
  };
}

export async function listPatientChoices(actor: StaffActor): Promise<{ id: string; name: string; dateOfBirth: string | null }[]> {
  const db = await getDb();
  const { scope, query } = choosableClients(db, actor);
  if (scope === "none") return [];
  const rows = await query.orderBy(asc(clients.lastName), asc(clients.firstName)).limit(500);
  return rows.map((c) => ({ id: c.id, name: `${c.firstName} ${c.lastName}`, dateOfBirth: c.dateOfBirth }));
}

/** Refuses a client the actor may not choose (another organisation's looks the same as a missing one). */
export async function assertPatientChoosable(exec: Executor, actor: StaffActor, clientId: string): Promise<void> {
  const { scope, query } = choosableClients(exec, actor);
  const [found] = scope === "none" ? [] : await query.where(and(eq(clients.id, clientId), eq(clients.organisationId, actor.organisationId), isNull(clients.archivedAt))).limit(1);
  if (!found) throw new AppError("invalid_input", { field: "clientId" });
}
