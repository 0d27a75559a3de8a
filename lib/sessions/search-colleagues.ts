import "server-only";
import { and, asc, eq, notInArray, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { memberships, roles, sessionShares, users } from "@/db/schema";
import { liveGrant } from "@/lib/access/access-end";
import type { StaffActor } from "@/lib/access/actor";
import { shareLevelsForRole, type ShareLevel } from "@/lib/access/sessions";
import { loadSessionFor } from "./load-session";
import type { searchColleaguesInput } from "./schemas";

export interface Colleague {
  userId: string;
  name: string;
  email: string;
  /** Their current direct share, if any (sharing again changes it). */
  currentAccess: ShareLevel | null;
  /** The levels their role lets them receive (none: their role can't receive sessions). */
  levels: ShareLevel[];
}

const MAX_RESULTS = 8;

/**
 * Type-ahead for the share dialog: active members of the actor's organisation, any team, whose
 * name or email contains the query — never the owner or the actor. A colleague whose role has no
 * Sessions area is listed with no levels, so the dialog can say why they can't be chosen instead
 * of "nobody matches". Only someone who may share this session may search.
 */
export async function searchColleagues(actor: StaffActor, input: z.output<typeof searchColleaguesInput>): Promise<Colleague[]> {
  const db = await getDb();
  const session = await loadSessionFor(db, actor, input.sessionId, "session:share");
  if (!input.q) return [];
  const pattern = `%${input.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .select({ userId: users.id, name: users.name, email: users.email, sessions: roles.sessions, currentAccess: sessionShares.access })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(roles, eq(roles.id, memberships.roleId))
    .leftJoin(sessionShares, and(eq(sessionShares.sessionId, session.id), eq(sessionShares.userId, users.id), liveGrant(sessionShares.expiresAt)))
    .where(
      and(
        eq(memberships.organisationId, actor.organisationId),
        eq(memberships.status, "active"),
        notInArray(users.id, [session.ownerId, actor.userId]),
        or(sql`lower(${users.name}) like ${pattern}`, sql`lower(${users.email}) like ${pattern}`),
      ),
    )
    .orderBy(asc(users.name))
    .limit(MAX_RESULTS);
  return rows.map(({ sessions, ...c }) => ({ ...c, levels: shareLevelsForRole({ sessions }) }));
}
