"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/actions/form-state";
import { handleStaffForm } from "@/lib/actions/handle-form";
import { endEmergencyAccess } from "@/lib/emergency-access/end-emergency-access";
import { reviewEmergencyAccess } from "@/lib/emergency-access/review-emergency-access";
import { emergencyEndInput, emergencyReviewInput } from "@/lib/emergency-access/schemas";

const PAGE = "/settings/audit-log/emergency";

export async function reviewEmergencyAccessAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(emergencyReviewInput, { grantId: data.get("grantId"), note: data.get("note") }, reviewEmergencyAccess);
  if (state.ok) revalidatePath(PAGE);
  return state;
}

export async function endEmergencyAccessAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(emergencyEndInput, { grantId: data.get("grantId") }, endEmergencyAccess);
  if (state.ok) revalidatePath(PAGE);
  return state;
}
