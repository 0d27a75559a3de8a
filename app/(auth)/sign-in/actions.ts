"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { unstable_rethrow } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";
import { signInInput } from "@/lib/auth/sign-in-input";
import { peekRateLimit } from "@/lib/rate-limit";
import { getClientInfo } from "@/lib/request/client-info";

import type { SignInState } from "@/lib/actions/sign-in-state";

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = signInInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success || !parsed.data.email || !parsed.data.password) return { error: "missing", email: parsed.data?.email };
  const { email, password, callbackUrl } = parsed.data;
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallbackUrl(callbackUrl) });
    return {};
  } catch (e) {
    unstable_rethrow(e); // the success path is a redirect
    if (e instanceof CredentialsSignin) {
      if (e.code === "unavailable") return { error: "unavailable", email };
      if (e.code === "no_access") return { error: "ended", email };
      const code = e.code === "rate_limited" || e.code === "locked" ? e.code : "invalid";
      if (code === "rate_limited") {
        const { ip } = await getClientInfo();
        const [byIp, byEmail] = await Promise.all([peekRateLimit("signInIp", ip ?? "unknown"), peekRateLimit("signInEmail", email.toLowerCase())]);
        return { error: code, email, retryAfterSeconds: Math.max(byIp.retryAfterSeconds, byEmail.retryAfterSeconds, 1) };
      }
      return { error: code, email };
    }
    // Auth.js wraps what authorize() threw unexpectedly; a database outage is still not "incorrect".
    if (isDatabaseUnavailable(e)) return { error: "unavailable", email };
    if (e instanceof AuthError) return { error: "invalid", email };
    throw e;
  }
}
