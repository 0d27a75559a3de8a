"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/actions/form-state";
import { handleStaffForm } from "@/lib/actions/handle-form";
import { auditSettingsInput, updateAuditSettings } from "@/lib/audit/audit-settings";

export async function updateAuditSettingsAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(
    auditSettingsInput,
    { auditRetentionYears: data.get("auditRetentionYears"), timeZone: data.get("timeZone") },
    updateAuditSettings,
  );
  if (state.ok) revalidatePath("/settings/audit-log");
  return state;
}
