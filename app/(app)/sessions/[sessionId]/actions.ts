"use server";

import { refresh, revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/actions/form-state";
import { handleStaffForm } from "@/lib/actions/handle-form";
import type { ActionResult } from "@/lib/errors";
import { addSessionDocument } from "@/lib/sessions/add-session-document";
import { changeShareLevel } from "@/lib/sessions/change-share-level";
import { deleteSession } from "@/lib/sessions/delete-session";
import { removeSessionDocument } from "@/lib/sessions/remove-session-document";
import { removeShare } from "@/lib/sessions/remove-share";
import {
  addSessionDocumentInput,
  changeShareLevelInput,
  deleteSessionInput,
  removeSessionDocumentInput,
  removeShareInput,
  searchColleaguesInput,
  setSessionPatientInput,
  setSessionVisibilityInput,
  shareSessionInput,
  updateSessionInput,
} from "@/lib/sessions/schemas";
import { searchColleagues, type Colleague } from "@/lib/sessions/search-colleagues";
import { setSessionPatient } from "@/lib/sessions/set-session-patient";
import { setSessionVisibility } from "@/lib/sessions/set-session-visibility";
import { shareSession } from "@/lib/sessions/share-session";
import { updateSession } from "@/lib/sessions/update-session";

/** What a refused field means here (the domain marks the field; the words are the UI's). */
const FIELD_MESSAGES: Record<string, string> = {
  userId: "Choose an active colleague from the list.",
  access: "Their role allows View access to sessions only.",
  clientId: "Choose a client from the list.",
  teamId: "Choose one of your teams.",
  title: "Choose the session's patient profile first: documents are filed on the client's chart.",
};

/**
 * After every session action: on success the page and the list are rendered afresh; on a refusal
 * the page is refreshed too, so someone whose access just changed sees it read-only (or "not found").
 */
function settle(state: FormState, sessionId: unknown): FormState {
  for (const [field, message] of Object.entries(state.fieldErrors ?? {})) {
    if (message === "" && FIELD_MESSAGES[field]) state.fieldErrors![field] = FIELD_MESSAGES[field];
  }
  if (state.ok) {
    if (typeof sessionId === "string") revalidatePath(`/sessions/${sessionId}`);
    revalidatePath("/sessions");
  } else if (state.error === "forbidden" || state.error === "not_found") {
    refresh();
  }
  return state;
}

export async function updateSessionAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(updateSessionInput, Object.fromEntries(data), updateSession);
  return settle(state, data.get("sessionId"));
}

export async function setSessionPatientAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(setSessionPatientInput, Object.fromEntries(data), setSessionPatient);
  return settle(state, data.get("sessionId"));
}

export async function addSessionDocumentAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(addSessionDocumentInput, Object.fromEntries(data), addSessionDocument);
  return settle(state, data.get("sessionId"));
}

export async function removeSessionDocumentAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(removeSessionDocumentInput, Object.fromEntries(data), removeSessionDocument);
  return settle(state, data.get("sessionId"));
}

export async function setSessionVisibilityAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(setSessionVisibilityInput, Object.fromEntries(data), setSessionVisibility);
  return settle(state, data.get("sessionId"));
}

export async function shareSessionAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(shareSessionInput, Object.fromEntries(data), shareSession);
  return settle(state, data.get("sessionId"));
}

export async function changeShareLevelAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(changeShareLevelInput, Object.fromEntries(data), changeShareLevel);
  return settle(state, data.get("sessionId"));
}

export async function removeShareAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(removeShareInput, Object.fromEntries(data), removeShare);
  return settle(state, data.get("sessionId"));
}

export async function deleteSessionAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(deleteSessionInput, Object.fromEntries(data), deleteSession);
  if (!state.ok) return settle(state, data.get("sessionId"));
  revalidatePath("/sessions");
  redirect("/sessions?deleted=1");
}

/** Type-ahead for the share dialog. Same (previous state, form data) shape as every other action. */
export async function searchColleaguesAction(_prev: unknown, data: FormData): Promise<ActionResult<Colleague[]>> {
  const { state, result } = await handleStaffForm(searchColleaguesInput, Object.fromEntries(data), searchColleagues);
  if (!result) return { error: state.error ?? "unexpected" };
  return { ok: true, data: result };
}
