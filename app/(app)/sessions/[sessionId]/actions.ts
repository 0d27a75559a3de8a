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
  searchPatientChoicesInput,
  setSessionPatientInput,
  setSessionVisibilityInput,
  shareSessionInput,
  updateSessionInput,
} from "@/lib/sessions/schemas";
import { searchColleagues, type Colleague } from "@/lib/sessions/search-colleagues";
import { searchPatientChoices, type PatientChoice } from "@/lib/sessions/search-patient-choices";
import { setSessionPatient } from "@/lib/sessions/set-session-patient";
import { setSessionVisibility } from "@/lib/sessions/set-session-visibility";
import { shareSession } from "@/lib/sessions/share-session";
import { updateSession, type SessionEditConflict } from "@/lib/sessions/update-session";

/** What a refused field means here (the domain marks the field; the words are the UI's). */
const FIELD_MESSAGES: Record<string, string> = {
  userId: "Choose an active colleague from the list.",
  userIds: "Choose active colleagues from the list: someone you chose can no longer receive this session.",
  access: "Someone you chose may only have View access: their role allows no more.",
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

/** An autosave's answer: the new version, or the other person's text when they saved in between. */
export type SessionSaveState = FormState & { version?: number; conflict?: SessionEditConflict };

/**
 * Notes, context and status (autosaved). A success does not re-render the page (the editor holds
 * the text); a refusal does, so a person whose level was lowered sees why at once.
 */
export async function updateSessionAction(_prev: unknown, data: FormData): Promise<SessionSaveState> {
  const { state, result } = await handleStaffForm(updateSessionInput, Object.fromEntries(data), updateSession);
  if (result && !result.saved) return { error: "edit_conflict", conflict: result.conflict };
  // Access gone while typing: no refresh, so the editor stays on screen with the text to copy
  // (re-rendered, the page would be the not-found page).
  if (!state.ok) return state.error === "not_found" ? state : settle(state, data.get("sessionId"));
  revalidatePath("/sessions");
  return { ...state, version: result?.version };
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
  const { state } = await handleStaffForm(shareSessionInput, { ...Object.fromEntries(data), userIds: data.getAll("userIds") }, shareSession);
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

/** The patient picker's search-as-you-type (at most MAX_PATIENT_CHOICES charts the actor may see). */
export async function searchPatientChoicesAction(_prev: unknown, data: FormData): Promise<ActionResult<PatientChoice[]>> {
  const { state, result } = await handleStaffForm(searchPatientChoicesInput, Object.fromEntries(data), searchPatientChoices);
  if (!result) return { error: state.error ?? "unexpected" };
  return { ok: true, data: result };
}

/** Type-ahead for the share dialog. Same (previous state, form data) shape as every other action. */
export async function searchColleaguesAction(_prev: unknown, data: FormData): Promise<ActionResult<Colleague[]>> {
  const { state, result } = await handleStaffForm(searchColleaguesInput, Object.fromEntries(data), searchColleagues);
  if (!result) return { error: state.error ?? "unexpected" };
  return { ok: true, data: result };
}
