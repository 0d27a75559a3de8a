import "server-only";
import { getDb } from "@/db/client";
import type { StaffActor } from "@/lib/access/actor";
import { assertCanClient } from "@/lib/access/clients-assert";
import { AppError } from "@/lib/errors";
import { removeFromAccessList } from "./access-list";
import { findClient } from "./find-client";

/**
 * Access tab → Remove: one practitioner off the chart's access list (the same removal as
 * Manage access → Save). Their next request for the chart is refused.
 */
export async function removeClientAccess(actor: StaffActor, input: { clientId: string; userId: string }): Promise<void> {
  await assertCanClient(actor, "client:manage_access", input.clientId);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await findClient(tx, actor, input.clientId);
    const removed = await removeFromAccessList(tx, actor, input.clientId, [input.userId]);
    if (removed.length === 0) throw new AppError("not_found", { field: "userId" });
  });
}
