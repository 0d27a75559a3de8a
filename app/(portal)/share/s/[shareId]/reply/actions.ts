"use server";

import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { fieldErrorsOf, toFormError } from "@/lib/actions/handle-form";
import { currentShareAccess } from "@/lib/portal/portal-request";
import { throttlePortal } from "@/lib/portal/throttle";
import { MAX_REPLY_BYTES } from "@/lib/replies/file-type";
import { sendReplyInput } from "@/lib/replies/schemas";
import { sendReply } from "@/lib/replies/send-reply";

/**
 * Send a document back (sharing portal). Public: the share cookie is the only credential, checked
 * by the portal's guard before anything is read; the file's type, the note and the daily cap are
 * checked again by sendReply.
 */
export async function sendReplyAction(_prev: FormState, data: FormData): Promise<FormState> {
  const shareId = z.uuid().safeParse(data.get("shareId"));
  if (!shareId.success) return { error: "not_found" };
  const { client, result } = await throttlePortal("portalIp");
  if (!result.success) return { error: "rate_limited", retryAfterSeconds: result.retryAfterSeconds };
  const { row } = await currentShareAccess(shareId.data);
  if (!row) return { error: "not_found" };
  const upload = data.get("file");
  if (!(upload instanceof File) || upload.size === 0) return { error: "invalid_input", fieldErrors: { file: "Choose the file to send." } };
  if (upload.size > MAX_REPLY_BYTES) return { error: "reply_too_large", fieldErrors: { file: "" } };
  const input = sendReplyInput.safeParse({ note: data.get("note") ?? "" });
  if (!input.success) return { error: "invalid_input", fieldErrors: fieldErrorsOf(input.error) };
  try {
    await sendReply(row, client, { filename: upload.name, bytes: Buffer.from(await upload.arrayBuffer()), note: input.data.note });
    return { ok: true, savedAt: Date.now() };
  } catch (e) {
    return toFormError(e);
  }
}
