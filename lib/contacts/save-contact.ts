import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contacts } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { findContact } from "./find-contact";
import { assertMayEditPortalContact } from "./portal-contact-charts";
import type { ContactInput } from "./schemas";
import { once } from "@/lib/idempotency/once";

/** Adds a contact, or edits one (contactId given) of the actor's organisation. */
export async function saveContact(actor: StaffActor, input: ContactInput): Promise<{ contactId: string }> {
  await assertCan(actor, "contacts:edit");
  const db = await getDb();
  const { contactId, idempotencyKey, ...values } = input;
  return db.transaction((tx) =>
    once(tx, { actor, key: contactId ? undefined : idempotencyKey, action: "contact.create" }, async () => {
      let id: string;
      let changed: string[] | undefined;
      if (contactId) {
        const current = await findContact(tx, actor, contactId, { lock: true });
        // An archived contact is read-only until restored.
        if (current.archivedAt) throw new AppError("contact_archived");
        await assertMayEditPortalContact(tx, actor, contactId);
        await tx.update(contacts).set(values).where(eq(contacts.id, contactId));
        changed = (Object.keys(values) as (keyof typeof values)[]).filter((k) => (current[k] ?? null) !== (values[k] ?? null));
        id = contactId;
      } else {
        const [row] = await tx.insert(contacts).values({ ...values, organisationId: actor.organisationId }).returning({ id: contacts.id });
        id = row!.id;
      }
      await recordStaffAudit(tx, actor, {
        action: contactId ? "contact.updated" : "contact.created",
        target: { type: "contact", id },
        ...(changed && { metadata: { changed } }),
      });
      return { contactId: id };
    }));
}
