import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, roles, teams, users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { can } from "@/lib/access/can";
import { canSeeClient } from "@/lib/access/client-visibility";
import { canContacts, canDocument } from "@/lib/access/documents";
import { sessionAccess } from "@/lib/access/sessions";
import { findClient, fullName } from "@/lib/clients/find-client";
import { findContact } from "@/lib/contacts/find-contact";
import { loadDocumentFor } from "@/lib/documents/load-document";
import { AppError } from "@/lib/errors";
import { loadSession } from "@/lib/sessions/load-session";
import { isUuid } from "@/lib/validation/ids";

export type TitledRecord = "client" | "session" | "document" | "contact" | "membership" | "role" | "team";

/**
 * The name a page's <title> carries ("Initial assessment — J. Lee"), or null when the actor may
 * not see the record or it does not exist — the page then says "Not found", whichever it was.
 * Reads only: the page itself opens (and audits) the record.
 */
export async function getRecordTitle(actor: StaffActor, type: TitledRecord, id: string): Promise<string | null> {
  if (!isUuid(id)) return null;
  const db = await getDb();
  try {
    switch (type) {
      case "client":
        return (await canSeeClient(actor, id, db)) ? fullName(await findClient(db, actor, id)) : null;
      case "session": {
        const s = await loadSession(db, actor, id);
        return s && sessionAccess(actor, s.facts) !== "none" ? s.title : null;
      }
      case "document": {
        const { doc, facts } = await loadDocumentFor(db, actor, id, "document:view");
        return canDocument(actor, "document:view", facts) ? doc.title : null;
      }
      case "contact":
        return canContacts(actor, "view") ? (await findContact(db, actor, id)).name : null;
      case "membership": {
        if (!can(actor, "settings:edit")) return null;
        const [m] = await db
          .select({ name: users.name })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(and(eq(memberships.id, id), eq(memberships.organisationId, actor.organisationId)));
        return m?.name ?? null;
      }
      case "role":
      case "team": {
        if (!can(actor, "settings:edit")) return null;
        const table = type === "role" ? roles : teams;
        const [r] = await db.select({ name: table.name }).from(table).where(and(eq(table.id, id), eq(table.organisationId, actor.organisationId)));
        return r?.name ?? null;
      }
    }
  } catch (e) {
    if (e instanceof AppError) return null;
    throw e;
  }
}
