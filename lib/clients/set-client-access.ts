import "server-only";
import { conflictAt } from "@/lib/errors";
import { getDb } from "@/db/client";
import type { StaffActor } from "@/lib/access/actor";
import { assertCanClient } from "@/lib/access/clients-assert";
import { scheduleOutboxDelivery } from "@/lib/outbox/schedule-delivery";
import { applyAccessList } from "./access-list";
import { findClient } from "./find-client";
import { once } from "@/lib/idempotency/once";

/** Manage access → Save: the chart's access list becomes exactly the ticked practitioners, in one transaction. */
export async function setClientAccess(actor: StaffActor, input: { clientId: string; userIds: string[]; idempotencyKey?: string }) {
  await assertCanClient(actor, "client:manage_access", input.clientId);
  const db = await getDb();
  const result = await db.transaction((tx) =>
    once(tx, { actor, key: input.idempotencyKey, action: "client.set_access" }, async () => {
      const client = await findClient(tx, actor, input.clientId);
      return applyAccessList(tx, actor, client, input.userIds);
    })).catch(conflictAt("userIds"));
  scheduleOutboxDelivery();
  return result;
}
