import "server-only";
import { getDb } from "@/db/client";
import type { StaffActor } from "@/lib/access/actor";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import type { StoredFile } from "@/lib/documents/stored-file";
import { auditReplyRefusals } from "./audit-reply-refusals";
import { loadReplyFor } from "./load-reply";

/** A waiting reply's file, for someone whose Inbox holds it (to read before filing). Audited. */
export async function getReplyFile(actor: StaffActor, replyId: string): Promise<StoredFile> {
  const db = await getDb();
  return auditReplyRefusals(actor, "reply:view", replyId, async () => {
    const { reply, bytes } = await loadReplyFor(db, actor, replyId, { do: "view" });
    await recordStaffAudit(db, actor, { action: "reply.downloaded", target: { type: "document_reply", id: reply.id }, clientId: reply.clientId, metadata: { contentType: reply.contentType } });
    return { bytes, filename: reply.filename, contentType: reply.contentType };
  });
}
