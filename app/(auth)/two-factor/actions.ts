"use server";

import type { FormState } from "@/lib/actions/form-state";
import { handleStaffForm } from "@/lib/actions/handle-form";
import { requireStaffForTwoFactorSetup } from "@/lib/auth/staff-actor";
import { enableTwoFactor, twoFactorCodeInput } from "@/lib/auth/two-factor/enable-two-factor";

export type EnableTwoFactorState = FormState & { recoveryCodes?: string[] };

/** The first code from the app: turns two-factor on and answers the recovery codes, shown this once. */
export async function enableTwoFactorAction(_prev: EnableTwoFactorState, data: FormData): Promise<EnableTwoFactorState> {
  const { state, result } = await handleStaffForm(twoFactorCodeInput, { code: data.get("code") }, enableTwoFactor, requireStaffForTwoFactorSetup);
  return result ? { ...state, recoveryCodes: result.recoveryCodes } : state;
}
