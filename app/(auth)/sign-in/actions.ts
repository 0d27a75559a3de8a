"use server";

import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";
import { signInInput } from "@/lib/auth/sign-in-input";
import { beginStaffSignIn, type BeginSignIn } from "@/lib/auth/two-factor/begin-staff-sign-in";
import { setPendingSignIn } from "@/lib/auth/two-factor/pending-sign-in-cookie";
import { signInWithTicket } from "@/lib/auth/two-factor/sign-in-with-ticket";
import { peekRateLimit } from "@/lib/rate-limit";
import { getClientInfo } from "@/lib/request/client-info";

import type { SignInState } from "@/lib/actions/sign-in-state";

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = signInInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success || !parsed.data.email || !parsed.data.password) return { error: "missing", email: parsed.data?.email };
  const { email, password, callbackUrl } = parsed.data;
  const redirectTo = safeCallbackUrl(callbackUrl);
  const client = await getClientInfo();
  let begun: BeginSignIn;
  try {
    begun = await beginStaffSignIn({ email, password, client });
  } catch (e) {
    // A database outage is not a wrong password: the form says the service is unavailable.
    if (isDatabaseUnavailable(e)) {
      console.error("Database unavailable during sign-in");
      return { error: "unavailable", email };
    }
    throw e;
  }
  if (!begun.ok) {
    if (begun.reason === "rate_limited") {
      const [byIp, byEmail] = await Promise.all([peekRateLimit("signInIp", client.ip ?? "unknown"), peekRateLimit("signInEmail", email.toLowerCase())]);
      return { error: "rate_limited", email, retryAfterSeconds: Math.max(byIp.retryAfterSeconds, byEmail.retryAfterSeconds, 1) };
    }
    // A right password for a membership that has ended is told so (only after the password is right).
    return { error: begun.reason === "no_access" ? "ended" : begun.reason, email };
  }
  if (begun.secondFactor) {
    await setPendingSignIn(begun.ticket);
    redirect(`/sign-in/two-factor?${new URLSearchParams({ callbackUrl: redirectTo })}`);
  }
  return { error: await signInWithTicket(begun.ticket, redirectTo), email };
}
