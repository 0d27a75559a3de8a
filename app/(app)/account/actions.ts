"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { handleStaffForm } from "@/lib/actions/handle-form";
import { signOut } from "@/lib/auth/auth";
import { signOutDevice } from "@/lib/auth/auth-sessions/sign-out-device";
import { signOutEverywhere } from "@/lib/auth/auth-sessions/sign-out-everywhere";
import { changePassword, changePasswordInput } from "@/lib/auth/change-password";
import { turnOffTwoFactor, turnOffTwoFactorInput } from "@/lib/auth/two-factor/turn-off-two-factor";
import { id } from "@/lib/organisations/schemas";

export async function signOutDeviceAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(z.object({ authSessionId: id }), Object.fromEntries(data), signOutDevice);
  if (state.ok) revalidatePath("/account");
  return state;
}

export async function signOutEverywhereAction(): Promise<FormState> {
  const { state } = await handleStaffForm(z.object({}), {}, signOutEverywhere);
  if (!state.ok) return state;
  // This device's sign-in ended too: clear its cookie and say why on the sign-in page.
  await signOut({ redirectTo: "/sign-in?reason=signed_out_everywhere" });
  return state;
}

export async function changePasswordAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(changePasswordInput, Object.fromEntries(data), changePassword);
  if (!state.ok) return state;
  await signOut({ redirectTo: "/sign-in?reason=password_changed" });
  return state;
}

export async function turnOffTwoFactorAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(turnOffTwoFactorInput, Object.fromEntries(data), turnOffTwoFactor);
  if (state.ok) revalidatePath("/account");
  return state;
}
