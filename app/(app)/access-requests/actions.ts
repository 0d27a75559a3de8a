"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/actions/form-state";
import { handleStaffForm } from "@/lib/actions/handle-form";
import { answerAccessRequest } from "@/lib/access-requests/answer-access-request";
import { findMyPendingRequest, requestAccess } from "@/lib/access-requests/request-access";
import { answerAccessRequestInput, pendingRequestInput, requestAccessInput } from "@/lib/access-requests/schemas";
import type { ActionResult } from "@/lib/errors";

// Public endpoints: handleStaffForm authenticates and validates; the domain asks the policy.

export async function requestAccessAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(requestAccessInput, Object.fromEntries(data), requestAccess);
  return state;
}

export type RequestOptions = { pending: { requestedAt: string; level: string | null } | null; levels: ("view" | "edit")[]; mayRequest: boolean };

/** The no-access page asks whether the person already has a request open for this id, and what their role may ask for. */
export async function pendingAccessRequestAction(_prev: unknown, data: FormData): Promise<ActionResult<RequestOptions>> {
  const { state, result } = await handleStaffForm(pendingRequestInput, Object.fromEntries(data), findMyPendingRequest);
  if (result === undefined) return { error: state.error ?? "unexpected" };
  const { pending, levels, mayRequest } = result;
  return { ok: true, data: { pending: pending && { requestedAt: pending.requestedAt.toISOString(), level: pending.level }, levels, mayRequest } };
}

export async function answerAccessRequestAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(answerAccessRequestInput, Object.fromEntries(data), answerAccessRequest);
  if (state.ok) revalidatePath("/", "layout");
  return state;
}
