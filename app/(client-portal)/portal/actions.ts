"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { fieldErrorsOf, toFormError } from "@/lib/actions/handle-form";
import type { SignInState as PortalSignInState } from "@/lib/actions/sign-in-state";
import { acceptPortalInvitation } from "@/lib/client-portal/accept-portal-invitation";
import { saveIntakeAnswers } from "@/lib/client-portal/intake";
import { endPortalSession, startPortalSession } from "@/lib/client-portal/portal-sessions";
import { getClientOrThrow } from "@/lib/client-portal/require-client";
import { PORTAL_COOKIE } from "@/lib/client-portal/types";
import { verifyClientCredentials } from "@/lib/client-portal/verify-client-credentials";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";
import { toActionError } from "@/lib/errors";
import { signInInput } from "@/lib/auth/sign-in-input";
import { password } from "@/lib/organisations/schemas";
import { rateLimit } from "@/lib/rate-limit";
import { getClientInfo } from "@/lib/request/client-info";
import { appUrl } from "@/lib/urls";

// The client portal's own endpoints. Staff accounts never work here, and portal cookies never
// reach the staff app: two audiences, two guards.

function safePortalPath(v: unknown): string {
  return typeof v === "string" && /^\/portal(\/[A-Za-z0-9/_-]*)?$/.test(v) ? v : "/portal";
}

async function setPortalCookie(token: string, expires: Date) {
  const jar = await cookies();
  // Secure everywhere but a local http address (the e2e server and `next start` on a laptop).
  const localHttp = /^http:\/\/(localhost|127\.0\.0\.1)(:|\/|$)/.test(appUrl("/"));
  jar.set(PORTAL_COOKIE, token, { httpOnly: true, sameSite: "lax", secure: process.env.NODE_ENV === "production" && !localHttp, path: "/", expires });
}


export async function portalSignInAction(_prev: PortalSignInState, data: FormData): Promise<PortalSignInState> {
  const parsed = signInInput.safeParse(Object.fromEntries(data));
  if (!parsed.success || !parsed.data.email || !parsed.data.password) return { error: "missing", email: parsed.data?.email };
  let session: { token: string; expiresAt: Date };
  try {
    const check = await verifyClientCredentials({ email: parsed.data.email, password: parsed.data.password, client: await getClientInfo() });
    if (!check.ok) return { error: check.reason === "no_access" ? "ended" : check.reason, retryAfterSeconds: check.retryAfterSeconds, email: parsed.data.email };
    session = await startPortalSession(check.accountId);
  } catch (e) {
    // A database outage is not a wrong password: say so, and keep the email typed.
    if (isDatabaseUnavailable(e)) return { error: "unavailable", email: parsed.data.email };
    throw e;
  }
  await setPortalCookie(session.token, session.expiresAt);
  redirect(safePortalPath(parsed.data.callbackUrl));
}

export async function portalSignOutAction(): Promise<void> {
  const jar = await cookies();
  await endPortalSession(jar.get(PORTAL_COOKIE)?.value);
  jar.delete(PORTAL_COOKIE);
  redirect("/portal/sign-in?signedOut=1");
}

const acceptInput = z
  .object({ token: z.string().min(20).max(100), password, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The passwords don't match." });

// Public: the token is the credential; attempts are throttled per IP.
export async function acceptPortalInvitationAction(_prev: FormState, data: FormData): Promise<FormState> {
  const limit = await rateLimit("invitationIp", (await getClientInfo()).ip ?? "unknown");
  if (!limit.success) return { error: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  const parsed = acceptInput.safeParse(Object.fromEntries(data));
  if (!parsed.success) return { error: "invalid_input", fieldErrors: fieldErrorsOf(parsed.error) };
  let accountId: string;
  try {
    ({ accountId } = await acceptPortalInvitation(parsed.data));
  } catch (e) {
    // A refused password (too common, or built from their name) is shown next to the field.
    return toFormError(e);
  }
  // Setting the password signs the client in.
  const { token, expiresAt } = await startPortalSession(accountId);
  await setPortalCookie(token, expiresAt);
  redirect("/portal?welcome=1");
}

const acceptWithLoginInput = z.object({ token: z.string().min(20).max(100), password: z.string().min(1).max(200) });

// Public: a login that already exists (perhaps another clinic's) accepts this clinic's invitation
// with its existing password; the check is sign-in's own (throttled, lockable, audited).
export async function acceptPortalInvitationWithLoginAction(_prev: FormState, data: FormData): Promise<FormState> {
  const client = await getClientInfo();
  const limit = await rateLimit("invitationIp", client.ip ?? "unknown");
  if (!limit.success) return { error: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  const parsed = acceptWithLoginInput.safeParse(Object.fromEntries(data));
  if (!parsed.success) return { error: "invalid_input", fieldErrors: fieldErrorsOf(parsed.error) };
  let accountId: string;
  try {
    ({ accountId } = await acceptPortalInvitation({ token: parsed.data.token, existingPassword: parsed.data.password, client }));
  } catch (e) {
    return toFormError(e);
  }
  const { token, expiresAt } = await startPortalSession(accountId);
  await setPortalCookie(token, expiresAt);
  redirect("/portal?welcome=1");
}


const intakeInput = z.object({ profileId: z.uuid(), requestId: z.uuid(), intent: z.enum(["draft", "submit"]) });

export async function saveIntakeAction(_prev: FormState, data: FormData): Promise<FormState> {
  let client;
  try {
    client = await getClientOrThrow();
  } catch (e) {
    return toActionError(e);
  }
  const parsed = intakeInput.safeParse(Object.fromEntries(data));
  if (!parsed.success) return { error: "not_found" };
  const answers: Record<string, unknown> = {};
  for (const [k, v] of data.entries()) if (k.startsWith("answer.") && typeof v === "string") answers[k.slice(7)] = v;
  try {
    const result = await saveIntakeAnswers(client, { profileId: parsed.data.profileId, requestId: parsed.data.requestId, answers, mode: parsed.data.intent });
    if (!result.ok) return { error: "invalid_input", fieldErrors: Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [`answer.${k}`, v])) };
  } catch (e) {
    return toActionError(e);
  }
  if (parsed.data.intent === "submit") redirect(`/portal/profiles/${parsed.data.profileId}?submitted=1`);
  return { ok: true, savedAt: Date.now() };
}
