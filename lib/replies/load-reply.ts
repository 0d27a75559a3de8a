import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { documentReplies, documentShares } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { clientSight } from "@/lib/access/client-visibility";
import { canReply, type ReplyAction } from "@/lib/access/replies";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/ids";

/**
 * One reply for a staff action, guarded: unknown, another organisation's, or not for this actor
 * all answer `not_found`; one the actor may see but not file as that kind, `forbidden`; one already
 * filed or discarded, `reply_handled`. `lock` holds the row, so two people filing at once file once.
 */
export async function loadReplyFor(exec: Executor, actor: StaffActor, replyId: string, action: ReplyAction, opts: { lock?: boolean } = {}) {
  if (!isUuid(replyId)) throw new AppError("not_found");
  const q = exec
    .select({ reply: documentReplies, sharedById: documentShares.sharedById, documentId: documentShares.documentId })
    .from(documentReplies)
    .innerJoin(documentShares, eq(documentShares.id, documentReplies.shareId))
    .where(and(eq(documentReplies.id, replyId), eq(documentReplies.organisationId, actor.organisationId)))
    .limit(1);
  const [row] = opts.lock ? await q.for("update", { of: documentReplies }) : await q;
  if (!row) throw new AppError("not_found");
  const facts = { organisationId: row.reply.organisationId, sharedById: row.sharedById, sight: await clientSight(actor, row.reply.clientId, exec) };
  if (!canReply(actor, { do: "view" }, facts)) throw new AppError("not_found");
  if (!canReply(actor, action, facts)) throw new AppError("forbidden");
  if (row.reply.filedAt || row.reply.discardedAt || !row.reply.bytes) throw new AppError("reply_handled");
  return { ...row, bytes: row.reply.bytes };
}
