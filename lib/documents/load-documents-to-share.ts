import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { documents } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { shareBlockers } from "@/lib/access/documents";
import { AppError } from "@/lib/errors";
import { DocumentsRefused, type RefusedDocument } from "./documents-refused";
import { loadDocumentFor } from "./load-document";

/**
 * The documents of one share, each checked on its own against the sharing policy. A single
 * document is refused exactly as before (not_found, forbidden, sharing_off); several are refused
 * whole when any one may not go, naming every one that stops it (DocumentsRefused). All must be
 * of the first document's client.
 */
export async function loadDocumentsToShare(exec: Executor, actor: StaffActor, documentIds: string[]) {
  if (documentIds.length === 1) {
    const { doc, org } = await loadDocumentFor(exec, actor, documentIds[0]!, "document:share");
    return { docs: [doc], org };
  }
  const docs: (typeof documents.$inferSelect)[] = [];
  const refused: RefusedDocument[] = [];
  let org: Awaited<ReturnType<typeof loadDocumentFor>>["org"] | null = null;
  for (const documentId of documentIds) {
    try {
      const loaded = await loadDocumentFor(exec, actor, documentId, "document:share");
      docs.push(loaded.doc);
      org ??= loaded.org;
    } catch (e) {
      // The organisation's switch is one answer for every document.
      if (!(e instanceof AppError) || e.code === "sharing_off") throw e;
      if (e.code !== "forbidden") {
        refused.push({ documentId, reason: "not_found" });
        continue;
      }
      // Forbidden means the sender can see it, so it may be named.
      const [doc] = await exec.select({ title: documents.title, kind: documents.kind }).from(documents).where(and(eq(documents.id, documentId), eq(documents.organisationId, actor.organisationId)));
      const areas = shareBlockers(actor, doc!.kind, true).flatMap((b) => (b.reason === "missing_permission" ? b.areas : []));
      refused.push({ documentId, title: doc!.title, kind: doc!.kind, reason: "forbidden", areas });
    }
  }
  const clientId = docs[0]?.clientId;
  for (const doc of docs) {
    if (doc.clientId !== clientId) refused.push({ documentId: doc.id, title: doc.title, kind: doc.kind, reason: "other_client" });
  }
  if (refused.length || !org) throw new DocumentsRefused(refused);
  return { docs, org };
}
