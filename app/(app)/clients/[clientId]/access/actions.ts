"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/actions/form-state";
import { handleStaffForm } from "@/lib/actions/handle-form";
import { endChartAccess } from "@/lib/clients/end-chart-access";
import { endChartAccessInput } from "@/lib/clients/schemas";

// A public endpoint: handleStaffForm authenticates and validates; each domain function behind
// endChartAccess asks the policy before touching data.
export async function endChartAccessAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(endChartAccessInput, Object.fromEntries(data), endChartAccess);
  if (state.ok) revalidatePath("/", "layout");
  return state;
}
