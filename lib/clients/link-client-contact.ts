import "server-only";
import { and, eq, isNull, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clientLinks, clients, contacts } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCanClient } from "@/lib/access/clients-assert";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { findClient } from "./find-client";
import type { LinkClientContactInput } from "./schemas";
import { once } from "@/lib/idempotency/once";

/**
 * Portal tab → "+": links a profile to an existing client (e.g. the same person's first profile,
 * relationship Self) or to a new contact, with "can manage information". Admins only.
 */
export async function linkClientContact(actor: StaffActor, input: LinkClientContactInput): Promise<{ linkId: string }> {
  await assertCanClient(actor, "client:link_contact", input.clientId);
  const db = await getDb();
  return db.transaction((tx) =>
    once(tx, { actor, key: input.idempotencyKey, action: "client.link_contact" }, async () => {
      await findClient(tx, actor, input.clientId);
      let linkedClientId: string | null = null;
      let contactId: string | null = null;
      if (input.target === "client") {
        if (input.linkedClientId === input.clientId) throw new AppError("invalid_input", { field: "linkedClientId" });
        const [other] = await tx
          .select({ id: clients.id })
          .from(clients)
          .where(and(eq(clients.id, input.linkedClientId), eq(clients.organisationId, actor.organisationId), isNull(clients.archivedAt)));
        if (!other) throw new AppError("not_found", { field: "linkedClientId" });
        const [dupe] = await tx
          .select({ id: clientLinks.id })
          .from(clientLinks)
          .where(
            or(
              and(eq(clientLinks.clientId, input.clientId), eq(clientLinks.linkedClientId, other.id)),
              and(eq(clientLinks.clientId, other.id), eq(clientLinks.linkedClientId, input.clientId)),
            ),
          );
        if (dupe) throw new AppError("already_linked", { field: "linkedClientId" });
        linkedClientId = other.id;
      } else {
        const [contact] = await tx
          .insert(contacts)
          .values({ organisationId: actor.organisationId, name: input.name, email: input.email, mobile: input.mobile, role: "Client contact" })
          .returning({ id: contacts.id });
        contactId = contact!.id;
      }
      const [link] = await tx
        .insert(clientLinks)
        .values({ clientId: input.clientId, linkedClientId, contactId, relationship: input.relationship, canManage: input.canManage })
        .returning({ id: clientLinks.id });
      await recordStaffAudit(tx, actor, {
        action: "client.contact_linked",
        target: { type: "client", id: input.clientId },
        clientId: input.clientId,
        metadata: { linkId: link!.id, linkedClientId, contactId, relationship: input.relationship, canManage: input.canManage },
      });
      return { linkId: link!.id };
    }));
}
