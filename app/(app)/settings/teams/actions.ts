"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { handleStaffForm } from "@/lib/actions/handle-form";
import { changeTeamMembership } from "@/lib/organisations/change-team-membership";
import { createTeam } from "@/lib/organisations/create-team";
import { deleteTeam } from "@/lib/organisations/delete-team";
import { renameTeam } from "@/lib/organisations/rename-team";
import { id, teamName } from "@/lib/organisations/schemas";
import { idempotencyKey } from "@/lib/idempotency/key-field";

export async function createTeamAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state, result } = await handleStaffForm(z.object({ name: teamName, idempotencyKey }), Object.fromEntries(data), createTeam);
  if (!result) return state;
  revalidatePath("/settings", "layout");
  redirect(`/settings/teams/${result.teamId}`);
}

export async function renameTeamAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(z.object({ teamId: id, name: teamName }), Object.fromEntries(data), renameTeam);
  if (state.ok) revalidatePath("/settings", "layout");
  return state;
}

export async function changeTeamMembershipAction(_prev: FormState, data: FormData): Promise<FormState> {
  const input = z.object({ teamId: id, membershipId: z.uuid({ message: "Choose the member to add." }), change: z.enum(["add", "remove"]) });
  const { state } = await handleStaffForm(input, Object.fromEntries(data), changeTeamMembership);
  if (state.ok) revalidatePath("/settings", "layout");
  return state;
}

export async function deleteTeamAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(z.object({ teamId: id }), Object.fromEntries(data), deleteTeam);
  if (!state.ok) return state;
  revalidatePath("/settings", "layout");
  revalidatePath("/sessions");
  redirect("/settings/teams");
}
