import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clients, documentFiles, organisations, users } from "@/db/schema";
import { DOCUMENT_KIND_LABELS, type DocumentKind } from "@/lib/access/documents";
import { readContent, readReceived, type DocumentContent, type ReceivedFrom } from "./content";

/**
 * Everything needed to show or print one document, the same for staff and the portal: the
 * clinic's letterhead, the client, the author, the date and the kind's content. A DTO: no ids
 * beyond the document's own, nothing the reader does not need.
 */
export interface DocumentRenderModel {
  id: string;
  title: string;
  kind: DocumentKind;
  kindLabel: string;
  clinic: { name: string; address: string };
  client: { name: string; dateOfBirth: string | null };
  authorName: string;
  date: Date;
  body: DocumentContent;
  file: { filename: string; size: number } | null;
  /** Filed from a file a contact sent back: the file is the document. */
  received?: ReceivedFrom | null;
}

export async function buildRenderModel(
  exec: Executor,
  doc: { id: string; title: string; kind: DocumentKind; content: unknown; organisationId: string; clientId: string; authorId: string; createdAt: Date; updatedAt: Date },
): Promise<DocumentRenderModel> {
  const received = readReceived(doc.content);
  const [[org], [client], [author], [file]] = await Promise.all([
    exec.select({ name: organisations.name, address: organisations.address }).from(organisations).where(eq(organisations.id, doc.organisationId)),
    exec.select({ firstName: clients.firstName, lastName: clients.lastName, dateOfBirth: clients.dateOfBirth }).from(clients).where(eq(clients.id, doc.clientId)),
    exec.select({ name: users.name }).from(users).where(eq(users.id, doc.authorId)),
    doc.kind === "document" || received ? exec.select({ filename: documentFiles.filename, size: documentFiles.size }).from(documentFiles).where(eq(documentFiles.documentId, doc.id)) : Promise.resolve([]),
  ]);
  return {
    id: doc.id,
    title: doc.title,
    kind: doc.kind,
    kindLabel: DOCUMENT_KIND_LABELS[doc.kind],
    clinic: { name: org?.name ?? "", address: org?.address ?? "" },
    client: { name: client ? `${client.firstName} ${client.lastName}` : "", dateOfBirth: client?.dateOfBirth ?? null },
    authorName: author?.name ?? "",
    date: doc.updatedAt,
    body: readContent(doc.kind, doc.content),
    file: file ?? null,
    received,
  };
}
