import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clientLinks } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCanClient } from "@/lib/access/clients-assert";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { findClient } from "./find-client";

/**
 * Portal tab → Remove (admins, like linking): the contact is no longer linked to this profile.
 * The link must belong to this profile — a forged pairing is not found. Portal logins are not
 * touched: someone already invited keeps their access until it is revoked on the same tab, and
 * a contact record (new contact) stays in the organisation's contacts.
 */
export async function removeClientLink(actor: StaffActor, input: { clientId: string; linkId: string }): Promise<void> {
  await assertCanClient(actor, "client:unlink_contact", input.clientId);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await findClient(tx, actor, input.clientId);
    const [link] = await tx
      .delete(clientLinks)
      .where(and(eq(clientLinks.id, input.linkId), eq(clientLinks.clientId, input.clientId)))
      .returning();
    if (!link) throw new AppError("not_found");
    await recordStaffAudit(tx, actor, {
      action: "client.contact_unlinked",
      target: { type: "client", id: input.clientId },
      clientId: input.clientId,
      metadata: { linkId: link.id, linkedClientId: link.linkedClientId, contactId: link.contactId, relationship: link.relationship, canManage: link.canManage },
    });
  });
}
