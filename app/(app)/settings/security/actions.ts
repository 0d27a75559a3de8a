"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/actions/form-state";
import { handleStaffForm } from "@/lib/actions/handle-form";
import { securitySettingsInput, updateSecuritySettings } from "@/lib/auth/auth-sessions/security-settings";
import { emergencySettingsInput } from "@/lib/emergency-access/schemas";
import { updateEmergencyAccessSettings } from "@/lib/emergency-access/settings";
import { disclosureSettingsInput, updateDisclosureSettings } from "@/lib/clients/disclosure-settings";

export async function updateSecuritySettingsAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(securitySettingsInput, { idleTimeoutMinutes: data.get("idleTimeoutMinutes"), requireTwoFactor: data.get("requireTwoFactor") === "on" }, updateSecuritySettings);
  // The idle warning in every page's layout reads the setting.
  if (state.ok) revalidatePath("/", "layout");
  return state;
}

export async function updateEmergencyAccessSettingsAction(_prev: FormState, data: FormData): Promise<FormState> {
  const raw = { emergencyAccessEnabled: data.get("emergencyAccessEnabled") ?? false, emergencyAccessHours: data.get("emergencyAccessHours") };
  const { state } = await handleStaffForm(emergencySettingsInput, raw, updateEmergencyAccessSettings);
  if (state.ok) revalidatePath("/settings/security");
  return state;
}

export async function updateDisclosureSettingsAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(disclosureSettingsInput, { showStaffAccess: data.get("showStaffAccess") }, updateDisclosureSettings);
  if (state.ok) revalidatePath("/settings/security");
  return state;
}
