"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/actions/form-state";
import { handleStaffForm } from "@/lib/actions/handle-form";
import { createSession } from "@/lib/sessions/create-session";
import { createSessionInput } from "@/lib/sessions/schemas";

export async function createSessionAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state, result } = await handleStaffForm(createSessionInput, Object.fromEntries(data), createSession);
  if (!result) {
    if (state.fieldErrors?.teamId === "") state.fieldErrors.teamId = "Choose one of your teams to make the session visible to it.";
    if (state.fieldErrors?.clientId === "") state.fieldErrors.clientId = "Choose a client from the list.";
    return state;
  }
  revalidatePath("/sessions");
  redirect(`/sessions/${result.sessionId}`);
}
