"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { handleStaffForm } from "@/lib/actions/handle-form";
import { archiveContact } from "@/lib/contacts/archive-contact";
import { saveContact } from "@/lib/contacts/save-contact";
import { contactInput } from "@/lib/contacts/schemas";

export async function saveContactAction(_prev: FormState, data: FormData): Promise<FormState> {
  const raw = Object.fromEntries(data);
  if (!raw.contactId) delete raw.contactId;
  const { state, result } = await handleStaffForm(contactInput, raw, saveContact);
  if (!result) return state;
  revalidatePath("/contacts");
  if (!raw.contactId) redirect(`/contacts/${result.contactId}?saved=1`);
  return state;
}

export async function archiveContactAction(_prev: FormState, data: FormData): Promise<FormState> {
  const input = z.object({ contactId: z.uuid(), restore: z.enum(["1"]).optional().transform(Boolean) });
  const { state } = await handleStaffForm(input, Object.fromEntries(data), archiveContact);
  // The whole section: the list and this contact's page (now read-only, or editable again).
  if (state.ok) revalidatePath("/contacts", "layout");
  return state;
}
