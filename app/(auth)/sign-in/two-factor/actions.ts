"use server";

import { z } from "zod";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { clearPendingSignIn, readPendingSignIn } from "@/lib/auth/two-factor/pending-sign-in-cookie";
import type { SignInCodeState } from "@/lib/auth/two-factor/sign-in-code-state";
import { signInWithTicket } from "@/lib/auth/two-factor/sign-in-with-ticket";
import { verifySignInCode } from "@/lib/auth/two-factor/verify-sign-in-code";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";
import { getClientInfo } from "@/lib/request/client-info";
import { text } from "@/lib/validation/text";

const input = z.object({ code: text().trim().min(1).max(40), callbackUrl: z.string().max(2000).optional() });

export async function verifySignInCodeAction(_prev: SignInCodeState, formData: FormData): Promise<SignInCodeState> {
  const parsed = input.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: "missing" };
  const ticket = await readPendingSignIn();
  if (!ticket) return { error: "expired" };
  let result: Awaited<ReturnType<typeof verifySignInCode>>;
  try {
    result = await verifySignInCode({ ticket, code: parsed.data.code, client: await getClientInfo() });
  } catch (e) {
    if (isDatabaseUnavailable(e)) return { error: "unavailable" };
    throw e;
  }
  if (!result.ok) {
    // This sign-in is over: the password is needed again.
    if (result.reason === "expired" || result.reason === "too_many") await clearPendingSignIn();
    return { error: result.reason, ...("attemptsLeft" in result ? { attemptsLeft: result.attemptsLeft, alreadyUsed: result.alreadyUsed } : {}), ...("retryAfterSeconds" in result ? { retryAfterSeconds: result.retryAfterSeconds } : {}) };
  }
  await clearPendingSignIn();
  return { error: await signInWithTicket(ticket, safeCallbackUrl(parsed.data.callbackUrl)) };
}
