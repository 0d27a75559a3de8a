"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signOut } from "@/lib/auth/auth";
import { switchOrganisation } from "@/lib/auth/auth-sessions/switch-organisation";
import { recordSignOut } from "@/lib/auth/record-sign-out";
import { requireStaff } from "@/lib/auth/staff-actor";
import { AppError } from "@/lib/errors";

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
