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

type RenderedDocument = { id: string; title: string; kind: DocumentKind; content: unknown; organisationId: string; clientId: string; authorId: string; createdAt: Date; updatedAt: Date };

/** What the PDF shows beside the document's own row, however it was read. */
export interface RenderRelations {
  clinic: { name: string; address: string } | null;
  client: { firstName: string; lastName: string; dateOfBirth: string | null } | null;
  authorName: string | null;
  file: { filename: string; size: number } | null;
}

export async function buildRenderModel(exec: Executor, doc: RenderedDocument): Promise<DocumentRenderModel> {
  const received = readReceived(doc.content);
  const [[clinic], [client], [author], [file]] = await Promise.all([
    exec.select({ name: organisations.name, address: organisations.address }).from(organisations).where(eq(organisations.id, doc.organisationId)),
    exec.select({ firstName: clients.firstName, lastName: clients.lastName, dateOfBirth: clients.dateOfBirth }).from(clients).where(eq(clients.id, doc.clientId)),
    exec.select({ name: users.name }).from(users).where(eq(users.id, doc.authorId)),
    doc.kind === "document" || received ? exec.select({ filename: documentFiles.filename, size: documentFiles.size }).from(documentFiles).where(eq(documentFiles.documentId, doc.id)) : Promise.resolve([]),
  ]);
  return renderModelOf(doc, { clinic: clinic ?? null, client: client ?? null, authorName: author?.name ?? null, file: file ?? null });
}

/** The model from rows already read (the portal's download reads them with the share, in one statement). */
export function renderModelOf(doc: Omit<RenderedDocument, "organisationId" | "clientId" | "authorId" | "createdAt">, related: RenderRelations): DocumentRenderModel {
  const { clinic, client, authorName, file } = related;
  return {
    id: doc.id,
    title: doc.title,
    kind: doc.kind,
    kindLabel: DOCUMENT_KIND_LABELS[doc.kind],
    clinic: { name: clinic?.name ?? "", address: clinic?.address ?? "" },
    client: { name: client ? `${client.firstName} ${client.lastName}` : "", dateOfBirth: client?.dateOfBirth ?? null },
    authorName: authorName ?? "",
    date: doc.updatedAt,
    body: readContent(doc.kind, doc.content),
    file: file ?? null,
    received: readReceived(doc.content),
  };
}
