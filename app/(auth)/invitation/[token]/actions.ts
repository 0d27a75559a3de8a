"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { fieldErrorsOf, toFormError } from "@/lib/actions/handle-form";
import { acceptInvitation } from "@/lib/organisations/accept-invitation";
import { password } from "@/lib/organisations/schemas";
import { rateLimit } from "@/lib/rate-limit";
import { getClientInfo } from "@/lib/request/client-info";

const input = z
  .object({ token: z.string().min(20).max(100), password, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The passwords don't match." });

const withAccountInput = z.object({ token: z.string().min(20).max(100), password: z.string().min(1).max(200) });


// Public: the invitee is not signed in yet. The token is the credential; attempts are throttled per IP.
export async function acceptInvitationAction(_prev: FormState, data: FormData): Promise<FormState> {
  const limit = await rateLimit("invitationIp", (await getClientInfo()).ip ?? "unknown");
  if (!limit.success) return { error: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  const parsed = input.safeParse(Object.fromEntries(data));
  if (!parsed.success) return { error: "invalid_input", fieldErrors: fieldErrorsOf(parsed.error) };
  let email: string;
  try {
    ({ email } = await acceptInvitation(parsed.data));
  } catch (e) {
    // A refused password (too common, or built from their name) is shown next to the field.
    return toFormError(e);
  }
  redirect(`/sign-in?welcome=1&email=${encodeURIComponent(email)}`);
}

// Public: someone who already has an account (another clinic's, or a former member) accepts with
// their existing password; the check is sign-in's own (throttled, lockable, audited).
export async function acceptInvitationWithAccountAction(_prev: FormState, data: FormData): Promise<FormState> {
  const client = await getClientInfo();
  const limit = await rateLimit("invitationIp", client.ip ?? "unknown");
  if (!limit.success) return { error: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  const parsed = withAccountInput.safeParse(Object.fromEntries(data));
  if (!parsed.success) return { error: "invalid_input", fieldErrors: fieldErrorsOf(parsed.error) };
  let email: string;
  try {
    ({ email } = await acceptInvitation({ token: parsed.data.token, existingPassword: parsed.data.password, client }));
  } catch (e) {
    return toFormError(e);
  }
  redirect(`/sign-in?welcome=joined&email=${encodeURIComponent(email)}`);
}
