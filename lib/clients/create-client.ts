import "server-only";
import { getDb } from "@/db/client";
import { clients } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCanClient } from "@/lib/access/clients-assert";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { scheduleOutboxDelivery } from "@/lib/outbox/schedule-delivery";
import { applyAccessList } from "./access-list";
import type { CreateClientInput } from "./schemas";
import { once } from "@/lib/idempotency/once";
import { AppError } from "@/lib/errors";
import { sql } from "drizzle-orm";
import { findDuplicateClients } from "./find-duplicate-clients";

/**
 * Clients → Add → Individual: a new chart, with its first practitioner on the access list.
 * A chart with the same email, or name and date of birth, is refused (`possible_duplicate`)
 * unless the person said it is someone else: a second chart for one person is made on purpose,
 * through Create a separate profile.
 */
export async function createClient(actor: StaffActor, input: CreateClientInput): Promise<{ clientId: string }> {
  await assertCanClient(actor, "client:create", null);
  const db = await getDb();
  const result = await db.transaction((tx) =>
    once(tx, { actor, key: input.idempotencyKey, action: "client.create" }, async () => {
      if (!input.differentPerson) {
        // One check at a time per organisation, so two people creating the same client at once
        // cannot both pass it.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`client-create:${actor.organisationId}`}, 0))`);
        if ((await findDuplicateClients(actor, input, tx)).length > 0) throw new AppError("possible_duplicate");
      }
      const [client] = await tx
        .insert(clients)
        .values({ organisationId: actor.organisationId, firstName: input.firstName, lastName: input.lastName, dateOfBirth: input.dateOfBirth, email: input.email, phone: input.phone })
        .returning();
      await recordStaffAudit(tx, actor, { action: "client.created", target: { type: "client", id: client!.id }, clientId: client!.id });
      if (input.practitionerId) await applyAccessList(tx, actor, client!, [input.practitionerId]).catch(rethrowOnField("practitionerId"));
      return { clientId: client!.id };
    }));
  scheduleOutboxDelivery();
  return result;
}

function rethrowOnField(field: string) {
  return (e: unknown) => {
    const err = e as { code?: string; details?: { field?: string } };
    if (err?.details?.field) err.details.field = field;
    throw e;
  };
}
