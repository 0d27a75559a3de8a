"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/actions/form-state";
import { handleStaffForm } from "@/lib/actions/handle-form";
import { securitySettingsInput, updateSecuritySettings } from "@/lib/auth/auth-sessions/security-settings";
import { disclosureSettingsInput, updateDisclosureSettings } from "@/lib/clients/disclosure-settings";

export async function updateSecuritySettingsAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(securitySettingsInput, { idleTimeoutMinutes: data.get("idleTimeoutMinutes") }, updateSecuritySettings);
  // The idle warning in every page's layout reads the setting.
  if (state.ok) revalidatePath("/", "layout");
  return state;
}

export async function updateDisclosureSettingsAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(disclosureSettingsInput, { showStaffAccess: data.get("showStaffAccess") }, updateDisclosureSettings);
  if (state.ok) revalidatePath("/settings/security");
  return state;
}
