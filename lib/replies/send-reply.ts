import "server-only";
import { and, count, eq, gt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { documentReplies, documents } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { contactAudit, findShareById, portalStatus, type PortalShareRow } from "@/lib/portal/find-share";
import type { PortalRequest } from "@/lib/portal/types";
import { checkReplyFile, replyFilename } from "./file-type";
import { inboxPath } from "./inbox-path";
import { MAX_REPLY_NOTE_LENGTH, REPLIES_PER_SHARE_PER_DAY } from "./limits";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface SendReplyInput {
  filename: string;
  bytes: Buffer;
  note: string;
}

/**
 * The contact sends a document back through a share they have opened (`row` comes from the
 * portal's guard, requireShareAccess). The file's type is read from its bytes; the share is
 * locked and checked again, and the daily cap counted, in the same transaction as the insert, so
 * parallel uploads cannot pass the cap together. The sender is told in the app.
 */
export async function sendReply(row: PortalShareRow, req: PortalRequest, input: SendReplyInput): Promise<{ replyId: string }> {
  const now = req.now ?? new Date();
  const type = checkReplyFile(input.bytes);
  const note = input.note.trim();
  if (note.length > MAX_REPLY_NOTE_LENGTH) throw new AppError("invalid_input", { field: "note" });
  const db = await getDb();
  return db.transaction(async (tx) => {
    const share = await findShareById(tx, row.share.id, { lock: true });
    // Revoked, expired or resent since the page was loaded: the same answer as an unknown share.
    if (!share || share.share.linkVersion !== row.share.linkVersion || !share.share.firstOpenedAt || portalStatus(share, now) !== "active") throw new AppError("not_found");
    const [sent] = await tx
      .select({ n: count() })
      .from(documentReplies)
      .where(and(eq(documentReplies.shareId, share.share.id), gt(documentReplies.createdAt, new Date(now.getTime() - DAY_MS))));
    if ((sent?.n ?? 0) >= REPLIES_PER_SHARE_PER_DAY) throw new AppError("reply_limit_reached");
    const [reply] = await tx
      .insert(documentReplies)
      .values({
        organisationId: share.org.id,
        shareId: share.share.id,
        clientId: share.document.clientId,
        contactId: share.contact.id,
        note,
        filename: replyFilename(input.filename, type),
        contentType: type.contentType,
        size: input.bytes.length,
        bytes: input.bytes,
        createdAt: now,
      })
      .returning({ id: documentReplies.id });
    const [doc] = await tx.select({ title: documents.title }).from(documents).where(eq(documents.id, share.document.id));
    await recordAudit(tx, {
      ...contactAudit(share),
      target: { type: "document_reply", id: reply!.id },
      ip: req.ip,
      userAgent: req.userAgent,
      action: "reply.received",
      metadata: { shareId: share.share.id, documentId: share.document.id, contentType: type.contentType, size: input.bytes.length },
    });
    await notify(tx, {
      userId: share.share.sharedById,
      organisationId: share.org.id,
      kind: "reply_received",
      text: `${share.contact.name} sent a document back about '${doc?.title ?? "a shared document"}'. File it or discard it in the chart's Inbox.`,
      link: inboxPath(share.document.clientId),
    });
    return { replyId: reply!.id };
  });
}
