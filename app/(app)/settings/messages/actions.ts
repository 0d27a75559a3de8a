"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { handleStaffForm } from "@/lib/actions/handle-form";
import { retryMessage } from "@/lib/outbox/retry-message";

export async function retryMessageAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(z.object({ messageId: z.uuid() }), Object.fromEntries(data), retryMessage);
  if (state.ok) revalidatePath("/settings/messages");
  return state;
}
