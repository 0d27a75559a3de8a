import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clients } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCanClient } from "@/lib/access/clients-assert";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import type { UpdateClientInput } from "./schemas";

const FIELDS = ["firstName", "lastName", "dateOfBirth", "email", "phone", "address", "profileLabel"] as const;

/**
 * Overview → Edit details: whoever may edit the chart (`patients` edit and the chart visible).
 * One transaction, the row locked; audited with the names of the fields that changed — never
 * their values, which are patient data. A portal login keeps its own email: changing the chart's
 * email does not move anyone's login.
 */
export async function updateClient(actor: StaffActor, input: UpdateClientInput): Promise<{ changed: string[] }> {
  await assertCanClient(actor, "client:edit", input.clientId);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const where = and(eq(clients.id, input.clientId), eq(clients.organisationId, actor.organisationId), isNull(clients.archivedAt));
    const [current] = await tx.select().from(clients).where(where).for("update");
    if (!current) throw new AppError("not_found");
    const next = {
      firstName: input.firstName,
      lastName: input.lastName,
      dateOfBirth: input.dateOfBirth,
      email: input.email,
      phone: input.phone,
      address: input.address,
      profileLabel: input.profileLabel === undefined ? current.profileLabel : input.profileLabel || null,
    };
    const changed = FIELDS.filter((f) => (current[f] ?? null) !== (next[f] ?? null));
    if (changed.length === 0) return { changed };
    await tx.update(clients).set(next).where(where);
    await recordStaffAudit(tx, actor, {
      action: "client.updated",
      target: { type: "client", id: current.id },
      clientId: current.id,
      metadata: { fields: changed },
    });
    return { changed };
  });
}
