import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { teams } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";

/** The actor's own teams: the ones a session of theirs may be made visible to. */
export async function listMyTeams(actor: StaffActor): Promise<{ id: string; name: string }[]> {
  if (actor.teamIds.length === 0) return [];
  const db = await getDb();
  return db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(and(eq(teams.organisationId, actor.organisationId), inArray(teams.id, actor.teamIds)))
    .orderBy(asc(teams.name));
}
