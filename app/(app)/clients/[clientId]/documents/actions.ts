"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/actions/form-state";
import { handleStaffForm } from "@/lib/actions/handle-form";
import { discardReply } from "@/lib/replies/discard-reply";
import { fileReply } from "@/lib/replies/file-reply";
import { discardReplyInput, fileReplyInput } from "@/lib/replies/schemas";

// The chart's Inbox. Public endpoints: handleStaffForm authenticates and validates, and
// lib/replies asks the policy (lib/access/replies.ts) before touching the reply.

export async function fileReplyAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(fileReplyInput, Object.fromEntries(data), fileReply);
  if (state.ok) revalidatePath("/clients", "layout");
  return state;
}

export async function discardReplyAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(discardReplyInput, Object.fromEntries(data), discardReply);
  if (state.ok) revalidatePath("/clients", "layout");
  return state;
}
