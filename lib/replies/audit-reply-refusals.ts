import "server-only";
import type { StaffActor } from "@/lib/access/actor";
import { auditRefusal } from "@/lib/access/can";
import { AppError } from "@/lib/errors";

/** Runs an Inbox operation and audits a policy refusal (after its transaction has rolled back). */
export async function auditReplyRefusals<T>(actor: StaffActor, what: string, replyId: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof AppError && (e.code === "not_found" || e.code === "forbidden")) await auditRefusal(actor, what, { type: "document_reply", id: replyId });
    throw e;
  }
}
