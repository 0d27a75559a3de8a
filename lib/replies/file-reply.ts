import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contacts, documentFiles, documentReplies, documents } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import type { DocumentKind } from "@/lib/access/documents";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import type { ReceivedFrom } from "@/lib/documents/content";
import { auditReplyRefusals } from "./audit-reply-refusals";
import { loadReplyFor } from "./load-reply";

export interface FileReplyInput {
  replyId: string;
  kind: DocumentKind;
  title: string;
  now?: Date;
}

/**
 * Files a reply as a document of the chosen kind on its chart: a normal document whose file is
 * the one the contact sent (moved to document_files, the way uploaded documents are stored), and
 * whose page says where it came from. The reply leaves the Inbox. Audited as filed.
 */
export async function fileReply(actor: StaffActor, input: FileReplyInput): Promise<{ documentId: string }> {
  const now = input.now ?? new Date();
  const db = await getDb();
  return auditReplyRefusals(actor, "reply:file", input.replyId, () =>
    db.transaction(async (tx) => {
      const { reply, bytes } = await loadReplyFor(tx, actor, input.replyId, { do: "file", kind: input.kind }, { lock: true });
      const [contact] = await tx.select({ name: contacts.name }).from(contacts).where(eq(contacts.id, reply.contactId));
      const received: ReceivedFrom = { from: contact?.name ?? "", note: reply.note, receivedAt: reply.createdAt.toISOString() };
      // A "document" keeps the note as its text; other kinds keep only where the file came from.
      const content = input.kind === "document" ? { body: reply.note, file: { filename: reply.filename, size: reply.size }, received } : { received };
      const [doc] = await tx
        .insert(documents)
        .values({ organisationId: actor.organisationId, clientId: reply.clientId, kind: input.kind, title: input.title, content, authorId: actor.userId, createdAt: now, updatedAt: now })
        .returning({ id: documents.id });
      await tx.insert(documentFiles).values({ documentId: doc!.id, filename: reply.filename, contentType: reply.contentType, size: reply.size, bytes, createdAt: now });
      await tx.update(documentReplies).set({ filedAt: now, filedKind: input.kind, documentId: doc!.id, handledById: actor.userId, bytes: null }).where(eq(documentReplies.id, reply.id));
      await recordStaffAudit(tx, actor, { action: "reply.filed", target: { type: "document_reply", id: reply.id }, clientId: reply.clientId, metadata: { documentId: doc!.id, kind: input.kind } });
      return { documentId: doc!.id };
    }),
  );
}
