"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/actions/form-state";
import { handleStaffForm } from "@/lib/actions/handle-form";
import { createClient } from "@/lib/clients/create-client";
import { createSeparateProfile } from "@/lib/clients/create-separate-profile";
import { findDuplicateClients, type DuplicateMatch } from "@/lib/clients/find-duplicate-clients";
import { inviteToPortal } from "@/lib/clients/invite-to-portal";
import { linkClientContact } from "@/lib/clients/link-client-contact";
import { removeClientLink } from "@/lib/clients/remove-client-link";
import { revokePortalAccess } from "@/lib/clients/revoke-portal-access";
import {
  createClientInput,
  createSeparateProfileInput,
  duplicateCheckInput,
  inviteToPortalInput,
  linkClientContactInput,
  removeClientLinkInput,
  revokePortalAccessInput,
  sendIntakeFormInput,
  setClientAccessInput,
  updateClientInput,
} from "@/lib/clients/schemas";
import { sendIntakeForm } from "@/lib/clients/send-intake-form";
import { setClientAccess } from "@/lib/clients/set-client-access";
import { updateClient } from "@/lib/clients/update-client";

// Every action here is a public endpoint: handleStaffForm authenticates and validates, and each
// lib/clients function asks the policy (lib/access/clients*.ts) before touching data.

export async function createClientAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state, result } = await handleStaffForm(createClientInput, Object.fromEntries(data), createClient);
  if (!result) return state;
  revalidatePath("/clients");
  redirect(`/clients/${result.clientId}?created=1`);
}

/** The New client form's live check: charts that may be the same person (none on bad input or refusal). */
export async function findDuplicateClientsAction(raw: unknown): Promise<DuplicateMatch[]> {
  const { result } = await handleStaffForm(duplicateCheckInput, raw, findDuplicateClients);
  return result ?? [];
}

export async function setClientAccessAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(setClientAccessInput, { clientId: data.get("clientId"), userIds: data.getAll("userIds"), idempotencyKey: data.get("idempotencyKey") ?? undefined }, setClientAccess);
  if (state.ok) revalidatePath("/clients", "layout");
  return state;
}

export async function createSeparateProfileAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state, result } = await handleStaffForm(createSeparateProfileInput, Object.fromEntries(data), createSeparateProfile);
  if (!result) return state;
  revalidatePath("/clients", "layout");
  redirect(`/clients/${result.clientId}?separate=1`);
}

export async function linkClientContactAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(linkClientContactInput, Object.fromEntries(data), linkClientContact);
  if (!state.ok) return state;
  revalidatePath("/clients", "layout");
  redirect(`/clients/${data.get("clientId")}/portal?linked=1`);
}

export async function inviteToPortalAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state, result } = await handleStaffForm(inviteToPortalInput, Object.fromEntries(data), inviteToPortal);
  if (state.ok) revalidatePath("/clients", "layout");
  return result ? { ...state, outcome: result.outcome } : state;
}

export async function revokePortalAccessAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(revokePortalAccessInput, Object.fromEntries(data), revokePortalAccess);
  if (state.ok) revalidatePath("/clients", "layout");
  return state;
}

export async function sendIntakeFormAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(sendIntakeFormInput, Object.fromEntries(data), sendIntakeForm);
  if (state.ok) revalidatePath("/clients", "layout");
  return state;
}

export async function updateClientAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(updateClientInput, Object.fromEntries(data), updateClient);
  if (!state.ok) return state;
  revalidatePath("/clients", "layout");
  redirect(`/clients/${data.get("clientId")}?updated=1`);
}

export async function removeClientLinkAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(removeClientLinkInput, Object.fromEntries(data), removeClientLink);
  if (state.ok) revalidatePath("/clients", "layout");
  return state;
}
