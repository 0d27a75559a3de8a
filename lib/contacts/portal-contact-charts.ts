import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clientLinks } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { auditRefusal } from "@/lib/access/can";
import { clientSight } from "@/lib/access/client-visibility";
import { canClient } from "@/lib/access/clients";
import { AppError } from "@/lib/errors";

/** The charts a contact is a portal contact of (a parent, a guardian: Portal tab → Contacts). */
export async function chartsOfPortalContact(exec: Executor, contactId: string): Promise<string[]> {
  const rows = await exec.selectDistinct({ clientId: clientLinks.clientId }).from(clientLinks).where(eq(clientLinks.contactId, contactId));
  return rows.map((r) => r.clientId);
}

/**
 * A portal contact's details are where their charts' portal invitations go: changing them is
 * managing those charts' portal (client:link_contact on every one), not only editing contacts.
 * Otherwise anyone who may edit contacts could point a child's invitation at their own address.
 */
export async function assertMayEditPortalContact(exec: Executor, actor: StaffActor, contactId: string): Promise<void> {
  for (const clientId of await chartsOfPortalContact(exec, contactId)) {
    if (canClient(actor, "client:link_contact", await clientSight(actor, clientId, exec))) continue;
    await auditRefusal(actor, "client:link_contact", { type: "contact", id: contactId });
    throw new AppError("contact_on_chart");
  }
}

/** Whether the actor may change this contact's details (for the contact page: the form's state). */
export async function mayEditPortalContact(exec: Executor, actor: StaffActor, contactId: string): Promise<boolean> {
  for (const clientId of await chartsOfPortalContact(exec, contactId)) {
    if (!canClient(actor, "client:link_contact", await clientSight(actor, clientId, exec))) return false;
  }
  return true;
}
