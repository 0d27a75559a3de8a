import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, organisations } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";

/** The organisations the person is an active member of, for the header's organisation switcher. */
export async function listMyOrganisations(actor: StaffActor): Promise<{ id: string; name: string }[]> {
  // Read with the actor in this request's guard (every page's header shows the switcher).
  if (actor.organisations) return actor.organisations;
  const db = await getDb();
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, actor.userId), eq(memberships.status, "active")))
    .orderBy(asc(organisations.name));
}
