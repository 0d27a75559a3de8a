"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { handleStaffForm } from "@/lib/actions/handle-form";
import { resetMemberAuthSessions } from "@/lib/auth/auth-sessions/reset-member-auth-sessions";
import { resetMemberTwoFactor } from "@/lib/auth/two-factor/reset-member-two-factor";
import { changeInvitation } from "@/lib/organisations/change-invitation";
import { inviteMember } from "@/lib/organisations/invite-member";
import { changeMemberRole } from "@/lib/organisations/change-member-role";
import { removeMember } from "@/lib/organisations/remove-member";
import { id, inviteMemberInput } from "@/lib/organisations/schemas";
import { setMemberTeams } from "@/lib/organisations/set-member-teams";

export async function inviteMemberAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state, result } = await handleStaffForm(inviteMemberInput, { ...Object.fromEntries(data), teamIds: data.getAll("teamIds") }, inviteMember);
  if (!result) return state;
  revalidatePath("/settings", "layout");
  redirect(`/settings/members/${result.membershipId}?invited=1`);
}

export async function changeInvitationAction(_prev: FormState, data: FormData): Promise<FormState> {
  const input = z.object({ membershipId: id, change: z.enum(["resend", "revoke"]) });
  const { state } = await handleStaffForm(input, Object.fromEntries(data), changeInvitation);
  if (!state.ok) return state;
  revalidatePath("/settings", "layout");
  // Back to the page without the "?invited=1" of the first invitation: only the current message shows.
  redirect(`/settings/members/${encodeURIComponent(String(data.get("membershipId")))}?${data.get("change") === "resend" ? "resent" : "revoked"}=1`);
}

export async function changeMemberRoleAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(z.object({ membershipId: id, roleId: id }), Object.fromEntries(data), changeMemberRole);
  if (state.ok) revalidatePath("/settings", "layout");
  return state;
}

export async function setMemberTeamsAction(_prev: FormState, data: FormData): Promise<FormState> {
  const input = z.object({ membershipId: id, teamIds: z.array(id).max(50) });
  const { state } = await handleStaffForm(input, { membershipId: data.get("membershipId"), teamIds: data.getAll("teamIds") }, setMemberTeams);
  if (state.ok) revalidatePath("/settings", "layout");
  return state;
}

export async function removeMemberAction(_prev: FormState, data: FormData): Promise<FormState> {
  // The successor takes over the sessions the member owns (required only when they own any).
  const input = z.object({ membershipId: id, successorMembershipId: z.preprocess((v) => v || null, id.nullable()).optional() });
  const { state } = await handleStaffForm(input, Object.fromEntries(data), removeMember);
  if (state.fieldErrors?.successorMembershipId !== undefined) state.fieldErrors.successorMembershipId = "Choose a colleague who can own sessions to take over theirs.";
  if (!state.ok) return state;
  revalidatePath("/settings", "layout");
  redirect("/settings/members?removed=1");
}

export async function resetMemberAuthSessionsAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(z.object({ membershipId: id }), Object.fromEntries(data), resetMemberAuthSessions);
  if (state.ok) revalidatePath("/settings/members");
  return state;
}

export async function resetMemberTwoFactorAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(z.object({ membershipId: id }), Object.fromEntries(data), resetMemberTwoFactor);
  if (state.ok) revalidatePath(`/settings/members/${encodeURIComponent(String(data.get("membershipId")))}`);
  return state;
}
