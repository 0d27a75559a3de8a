import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { contacts } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { AppError } from "@/lib/errors";

/** A contact of the actor's organisation, or not_found (another organisation's looks absent). */
export async function findContact(exec: Executor, actor: StaffActor, contactId: string, opts: { lock?: boolean } = {}) {
  const q = exec
    .select()
    .from(contacts)
    .where(and(eq(contacts.id, contactId), eq(contacts.organisationId, actor.organisationId)))
    .limit(1);
  const [row] = opts.lock ? await q.for("update") : await q;
  if (!row) throw new AppError("not_found");
  return row;
}
