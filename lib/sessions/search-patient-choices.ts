import "server-only";
import { sql } from "drizzle-orm";
import type { z } from "zod";
import { getDb, selectRows } from "@/db/client";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { visibleClientRowsFilter } from "@/lib/access/client-visibility";
import { containsPattern } from "@/lib/clients/list-clients";
import { loadSessionFor } from "./load-session";
import type { searchPatientChoicesInput } from "./schemas";

export interface PatientChoice {
  id: string;
  name: string;
  dateOfBirth: string | null;
  /** The profile's label ("Psychology"), which tells a person's separate profiles apart. */
  profileLabel: string | null;
}

/** Enough to pick from while typing; a longer list means the search should be narrower. */
export const MAX_PATIENT_CHOICES = 20;

/**
 * The session page's patient picker, searched as the person types: charts the actor may see (the
 * clients policy, so choosing a patient never widens anyone's chart access) whose name contains the
 * query, in either order. Only someone who may change this session's patient may search. The name
 * conditions are the expressions of the trigram indexes (migration 0004), so a large organisation
 * is searched through them, not read whole. Without a session it is the new-session form's picker:
 * only someone who may start sessions may search.
 */
export async function searchPatientChoices(actor: StaffActor, input: z.output<typeof searchPatientChoicesInput>): Promise<PatientChoice[]> {
  const db = await getDb();
  if (input.sessionId) await loadSessionFor(db, actor, input.sessionId, "session:change_patient");
  else await assertCan(actor, "sessions:edit");
  if (!input.q) return [];
  const p = containsPattern(input.q);
  const rows = await selectRows<{ id: string; first_name: string; last_name: string; date_of_birth: string | null; profile_label: string | null }>(
    db,
    sql`select c.id, c.first_name, c.last_name, c.date_of_birth::text as date_of_birth, c.profile_label
        from clients c
        where ${visibleClientRowsFilter(actor, sql`c`)}
          and ((c.first_name || ' ' || c.last_name) ilike ${p} or (c.last_name || ' ' || c.first_name) ilike ${p})
        order by c.last_name, c.first_name, c.id
        limit ${MAX_PATIENT_CHOICES}`,
  );
  return rows.map((c) => ({ id: c.id, name: `${c.first_name} ${c.last_name}`, dateOfBirth: c.date_of_birth, profileLabel: c.profile_label }));
}
