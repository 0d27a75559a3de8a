"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signOut } from "@/lib/auth/auth";
import { switchOrganisation } from "@/lib/auth/auth-sessions/switch-organisation";
import { recordSignOut } from "@/lib/auth/record-sign-out";
import { requireStaff } from "@/lib/auth/staff-actor";
import { AppError } from "@/lib/errors";
import type { FormState } from "@/lib/actions/form-state";
import { handleStaffForm } from "@/lib/actions/handle-form";
import { setAccessEndInput } from "@/lib/access-ends/schemas";
import { setAccessEnd } from "@/lib/access-ends/set-access-end";

export async function signOutAction(): Promise<void> {
  await recordSignOut();
  await signOut({ redirectTo: "/sign-in" });
}

/** The header's organisation switcher: the sign-in moves to the chosen organisation, then home. */
export async function switchOrganisationAction(data: FormData): Promise<void> {
  const actor = await requireStaff();
  const parsed = z.object({ organisationId: z.uuid() }).safeParse({ organisationId: data.get("organisationId") });
  if (!parsed.success) return;
  try {
    await switchOrganisation(actor, parsed.data);
  } catch (e) {
    // Not (or no longer) a member there: stay where they are; the switcher re-renders its real list.
    if (e instanceof AppError) return revalidatePath("/", "layout");
    throw e;
  }
  revalidatePath("/", "layout");
  redirect("/");
}

/** "Access ends" on a share, an access-list entry or a portal login (share dialog, Manage access, Portal tab). */
export async function setAccessEndAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(setAccessEndInput, Object.fromEntries(data), setAccessEnd);
  if (state.ok) revalidatePath("/", "layout");
  return state;
}
