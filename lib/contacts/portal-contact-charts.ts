import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clientLinks } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { auditRefusal } from "@/lib/access/can";
import { clientSight } from "@/lib/access/client-visibility";
import { canClient } from "@/lib/access/clients";
import { AppError } from "@/lib/errors";

/**
 * Whether a contact is a portal contact of any chart (a parent, a guardian: Portal tab → Contacts),
 * and whether the actor manages the portal (client:link_contact) of every one of those charts.
 * A portal contact's details are where their charts' portal invitations go: changing them is
 * managing those charts' portal, not only editing contacts. Otherwise anyone who may edit contacts
 * could point a child's invitation at their own address.
 */
export async function portalContactAccess(exec: Executor, actor: StaffActor, contactId: string): Promise<{ portalContact: boolean; mayEdit: boolean }> {
  const charts = await exec.selectDistinct({ clientId: clientLinks.clientId }).from(clientLinks).where(eq(clientLinks.contactId, contactId));
  for (const { clientId } of charts) {
    if (!canClient(actor, "client:link_contact", await clientSight(actor, clientId, exec))) return { portalContact: true, mayEdit: false };
  }
  return { portalContact: charts.length > 0, mayEdit: true };
}

/** The guard before a contact's details change: refused (and audited) when portalContactAccess says no. */
export async function assertMayEditPortalContact(exec: Executor, actor: StaffActor, contactId: string): Promise<void> {
  if ((await portalContactAccess(exec, actor, contactId)).mayEdit) return;
  await auditRefusal(actor, "client:link_contact", { type: "contact", id: contactId });
  throw new AppError("contact_on_chart");
}
