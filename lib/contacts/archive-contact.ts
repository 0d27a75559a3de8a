import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contacts } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { findContact } from "./find-contact";

/**
 * Archives (or restores) a contact. An archived contact can no longer be picked for new shares;
 * documents already shared stay shared until revoked on the document page.
 */
export async function archiveContact(actor: StaffActor, input: { contactId: string; restore?: boolean }): Promise<void> {
  await assertCan(actor, "contacts:edit");
  const db = await getDb();
  await db.transaction(async (tx) => {
    await findContact(tx, actor, input.contactId, { lock: true });
    await tx.update(contacts).set({ archivedAt: input.restore ? null : new Date() }).where(eq(contacts.id, input.contactId));
    await recordStaffAudit(tx, actor, {
      action: input.restore ? "contact.updated" : "contact.archived",
      target: { type: "contact", id: input.contactId },
      metadata: input.restore ? { restored: true } : undefined,
    });
  });
}
