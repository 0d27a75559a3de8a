"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/actions/form-state";
import { handleStaffForm } from "@/lib/actions/handle-form";
import { sharingSettingsInput, updateSharingSettings } from "@/lib/documents/sharing-settings";

export async function updateSharingSettingsAction(_prev: FormState, data: FormData): Promise<FormState> {
  const raw = {
    sharingEnabled: data.get("sharingEnabled") === "on",
    securityLevel: data.get("securityLevel"),
    openedLinkMaxDays: data.get("limitOpened") === "on" ? String(data.get("openedLinkMaxDays") ?? "") : "",
    remindBeforeLinkExpiry: data.get("remindBeforeLinkExpiry") === "on",
  };
  const { state } = await handleStaffForm(sharingSettingsInput, raw, updateSharingSettings);
  if (state.ok) revalidatePath("/", "layout");
  return state;
}
