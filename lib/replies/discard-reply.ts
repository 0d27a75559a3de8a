import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { documentReplies } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { auditReplyRefusals } from "./audit-reply-refusals";
import { loadReplyFor } from "./load-reply";

/**
 * Discards a reply (sent in error, a duplicate, not about this client): its file is deleted at
 * once; the row stays, without it, for the audit trail and the daily cap. Audited.
 */
export async function discardReply(actor: StaffActor, input: { replyId: string; now?: Date }): Promise<void> {
  const db = await getDb();
  await auditReplyRefusals(actor, "reply:discard", input.replyId, () =>
    db.transaction(async (tx) => {
      const { reply } = await loadReplyFor(tx, actor, input.replyId, { do: "discard" }, { lock: true });
      await tx.update(documentReplies).set({ discardedAt: input.now ?? new Date(), handledById: actor.userId, bytes: null }).where(eq(documentReplies.id, reply.id));
      await recordStaffAudit(tx, actor, { action: "reply.discarded", target: { type: "document_reply", id: reply.id }, clientId: reply.clientId, metadata: { size: reply.size, contentType: reply.contentType } });
    }),
  );
}
