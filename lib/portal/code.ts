import "server-only";
import { createHmac } from "node:crypto";
import { generate, ScureBase32Plugin, verify } from "otplib";
import { portalKey } from "./secrets";

/**
 * Access codes for link-and-code shares. The code is an otplib TOTP whose secret is derived:
 * HMAC-SHA256(server key, shareId + ":" + codeCounter), base32 — nothing secret is stored.
 * The TOTP period is the code's lifetime and its epoch starts at code_sent_at, so a code is
 * valid from the moment it is sent until 10 minutes later and never after. A new code bumps
 * the counter, which changes the secret, so the previous code stops matching.
 */
export const CODE_LIFETIME_SECONDS = 600;
export const CODE_LIFETIME_MINUTES = CODE_LIFETIME_SECONDS / 60;
export const MAX_FAILURES_PER_CODE = 5;
export const MAX_FAILURES_PER_SHARE_PER_DAY = 10;

const CODE_FORMAT = /^\d{6}$/;
const base32 = new ScureBase32Plugin();

export interface CodeState {
  shareId: string;
  codeCounter: number;
  codeSentAt: Date | null;
  codeUsed: boolean;
  codeFailures: number;
}

function secretFor(shareId: string, counter: number, key: string | Buffer): string {
  const bytes = createHmac("sha256", key).update(`${shareId}:${counter}`).digest();
  return base32.encode(new Uint8Array(bytes));
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** The code for the share's current counter, issued at `sentAt`. */
export async function issueCode(shareId: string, counter: number, sentAt: Date, key = portalKey("code")): Promise<string> {
  const t0 = seconds(sentAt);
  return generate({ secret: secretFor(shareId, counter, key), period: CODE_LIFETIME_SECONDS, t0, epoch: t0 });
}

export type CodeCheck = "accepted" | "wrong" | "expired" | "used" | "no_code" | "too_many";

/** Checks a typed code against the share's current code at `now`. Pure apart from the key. */
export async function checkCode(state: CodeState, typed: string, now: Date, key = portalKey("code")): Promise<CodeCheck> {
  if (!state.codeSentAt || state.codeCounter < 1) return "no_code";
  if (state.codeUsed) return "used";
  if (state.codeFailures >= MAX_FAILURES_PER_CODE) return "too_many";
  const age = now.getTime() - state.codeSentAt.getTime();
  if (age < 0 || age >= CODE_LIFETIME_SECONDS * 1000) return "expired";
  // otplib throws on anything but six digits: refuse those first.
  if (!CODE_FORMAT.test(typed)) return "wrong";
  const t0 = seconds(state.codeSentAt);
  const result = await verify({
    secret: secretFor(state.shareId, state.codeCounter, key),
    token: typed,
    period: CODE_LIFETIME_SECONDS,
    t0,
    epoch: seconds(now),
    epochTolerance: 0,
  });
  return result.valid ? "accepted" : "wrong";
}

/** "priya.shah@northside.test" → "p•••@northside.test": the domain and one letter, to recognise the inbox. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "•••";
  return `${email[0]}•••${email.slice(at)}`;
}

/** "+44 7700 900123" → "•••• ••• 123": enough for the contact to recognise, nothing more. */
export function maskMobile(mobile: string): string {
  const digits = mobile.replace(/\D/g, "");
  return `•••• ••• ${digits.slice(-3)}`;
}
