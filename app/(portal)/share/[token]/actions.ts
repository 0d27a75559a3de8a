"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { shareToken, typedCode } from "@/lib/portal/form-input";
import { openShareLink } from "@/lib/portal/open-link";
import { sendShareCode } from "@/lib/portal/send-code";
import { shareCookieName, shareCookieOptions, sharePath } from "@/lib/portal/share-cookie";
import type { PortalRefusal, PortalResult } from "@/lib/portal/types";
import { throttlePortal } from "@/lib/portal/throttle";
import { verifyShareCode } from "@/lib/portal/verify-code";

/** What a portal form shows after a refusal. Only codes, never details. */
export interface PortalFormState {
  error?: PortalRefusal | "invalid_code_format";
  sentTo?: string;
  /** How many codes this page has sent (the first, then "a new code"). */
  sends?: number;
  retryAfterSeconds?: number;
  /** Refused code attempts left before the link locks. */
  attemptsLeft?: number;
  at?: number;
}

/** Past the checks: exchange the token for a cookie scoped to this share, and leave the token's URL. */
async function enter(result: PortalResult, rawToken: string): Promise<PortalFormState> {
  if (result.ok) {
    const jar = await cookies();
    // The cookie was signed inside the opening transaction, so nothing after the open can fail it.
    jar.set(shareCookieName(result.shareId), result.cookie, shareCookieOptions());
    redirect(sharePath(result.shareId));
  }
  // The link itself is no longer usable: show its calm page.
  if (["unavailable", "expired", "locked"].includes(result.reason)) redirect(`/share/${rawToken}`);
  return { error: result.reason, retryAfterSeconds: result.retryAfterSeconds, attemptsLeft: result.attemptsLeft, at: Date.now() };
}

/** View document (link-only shares): the POST that opens the link. A GET never does. */
export async function openLinkAction(_prev: PortalFormState, data: FormData): Promise<PortalFormState> {
  const t = shareToken.safeParse(data.get("token"));
  if (!t.success) redirect("/share/invalid");
  const { client, result } = await throttlePortal("portalIp");
  if (!result.success) return { error: "rate_limited", retryAfterSeconds: result.retryAfterSeconds };
  return enter(await openShareLink(t.data, client), t.data);
}

export async function sendCodeAction(prev: PortalFormState, data: FormData): Promise<PortalFormState> {
  const t = shareToken.safeParse(data.get("token"));
  if (!t.success) redirect("/share/invalid");
  const { client, result } = await throttlePortal("portalCodeSendIp");
  if (!result.success) return { error: "rate_limited", retryAfterSeconds: result.retryAfterSeconds };
  const sent = await sendShareCode(t.data, client);
  if (sent.ok) return { sentTo: sent.sentTo, sends: (prev.sends ?? 0) + 1, at: Date.now() };
  if (["unavailable", "expired", "locked"].includes(sent.reason)) redirect(`/share/${t.data}`);
  return { error: sent.reason, retryAfterSeconds: sent.retryAfterSeconds, sends: prev.sends, at: Date.now() };
}

export async function verifyCodeAction(_prev: PortalFormState, data: FormData): Promise<PortalFormState> {
  const t = shareToken.safeParse(data.get("token"));
  if (!t.success) redirect("/share/invalid");
  const code = typedCode(data.get("code"));
  if (!code) return { error: "invalid_code_format", at: Date.now() };
  const { client, result } = await throttlePortal("portalCodeAttemptIp");
  if (!result.success) return { error: "rate_limited", retryAfterSeconds: result.retryAfterSeconds };
  return enter(await verifyShareCode(t.data, code, client), t.data);
}
