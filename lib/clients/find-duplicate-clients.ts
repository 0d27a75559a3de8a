import "server-only";
import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { getDb } from "@/db/client";
import { clients } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCanClient } from "@/lib/access/clients-assert";
import { canSeeClient } from "@/lib/access/client-visibility";
import { fullName } from "./find-client";

export interface DuplicateCandidate {
  firstName: string;
  lastName: string;
  dateOfBirth: string | null;
  email: string | null;
}

/** A chart that may be the same person. Charts the actor cannot open carry no id or name. */
export type DuplicateMatch = { visible: true; id: string; name: string; dateOfBirth: string | null; sameEmail: boolean } | { visible: false; sameEmail: boolean };

/**
 * Live charts of the organisation with the same email, or the same name and date of birth (case
 * and spacing ignored): before a new chart is made, so a second chart for one person is made on
 * purpose (Create a separate profile), not by accident.
 */
export async function findDuplicateClients(actor: StaffActor, input: DuplicateCandidate, exec?: Executor): Promise<DuplicateMatch[]> {
  await assertCanClient(actor, "client:create", null);
  const db = exec ?? (await getDb());
  const sameName = input.dateOfBirth
    ? and(
        sql`lower(trim(${clients.firstName})) = ${input.firstName.trim().toLowerCase()}`,
        sql`lower(trim(${clients.lastName})) = ${input.lastName.trim().toLowerCase()}`,
        eq(clients.dateOfBirth, input.dateOfBirth),
      )
    : undefined;
  const sameEmail = input.email ? sql`lower(${clients.email}) = ${input.email.trim().toLowerCase()}` : undefined;
  if (!sameName && !sameEmail) return [];
  const rows = await db
    .select({ id: clients.id, firstName: clients.firstName, lastName: clients.lastName, dateOfBirth: clients.dateOfBirth, email: clients.email })
    .from(clients)
    .where(and(eq(clients.organisationId, actor.organisationId), isNull(clients.archivedAt), or(sameName, sameEmail)))
    .orderBy(clients.createdAt)
    .limit(5);
  const matches: DuplicateMatch[] = [];
  for (const r of rows) {
    const emailMatches = Boolean(input.email && r.email && r.email.toLowerCase() === input.email.trim().toLowerCase());
    matches.push((await canSeeClient(actor, r.id, db)) ? { visible: true, id: r.id, name: fullName(r), dateOfBirth: r.dateOfBirth, sameEmail: emailMatches } : { visible: false, sameEmail: emailMatches });
  }
  return matches;
}
