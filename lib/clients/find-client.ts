import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clients } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { AppError } from "@/lib/errors";

/** A live chart of the actor's organisation, or not_found. Call after the policy has allowed the action. */
export async function findClient(exec: Executor, actor: StaffActor, clientId: string) {
  const [c] = await exec
    .select()
    .from(clients)
    .where(and(eq(clients.id, clientId), eq(clients.organisationId, actor.organisationId), isNull(clients.archivedAt)))
    .limit(1);
  if (!c) throw new AppError("not_found");
  return c;
}

export function fullName(c: { firstName: string; lastName: string }): string {
  return `${c.firstName} ${c.lastName}`;
}
