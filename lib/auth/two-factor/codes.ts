import "server-only";
import { createHmac, randomInt } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import { derivedKey } from "@/lib/security/derived-keys";

/** Wrong codes in a row before the person's second factor locks, and for how long (as for passwords). */
export const LOCK_AFTER_CODE_FAILURES = 10;
export const CODE_LOCK_MINUTES = 15;
/** Wrong codes one pending sign-in takes before the password must be typed again. */
export const MAX_CODE_FAILURES_PER_SIGN_IN = 5;
/** How long a right password waits for its code. */
export const PENDING_SIGN_IN_MINUTES = 10;
export const RECOVERY_CODE_COUNT = 10;

const TOTP_FORMAT = /^\d{6}$/;
// otplib's default period; one period of drift either way is accepted.
const PERIOD_SECONDS = 30;
// Without 0/1/l/o, so a code copied by hand is not misread: 10 characters of 32 = 50 bits.
const RECOVERY_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
const RECOVERY_FORMAT = /^[a-km-np-z2-9]{10}$/;

export const newAuthenticatorSecret = () => generateSecret({ length: 20 });

/** What the authenticator app scans. */
export function authenticatorUri(secret: string, email: string): string {
  return generateURI({ issuer: "Carebridge", label: email, secret });
}

/** "JBSW Y3DP …": easier to type into an app by hand. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, "$1 ").trim();
}

/** What the person typed, without the spaces, hyphens and case their app or printout adds. */
export function normaliseCode(typed: string): string {
  return typed.replace(/[\s-]/g, "").toLowerCase();
}

export function isRecoveryCodeFormat(code: string): boolean {
  return RECOVERY_FORMAT.test(code);
}

/**
 * The RFC 6238 time step the six digits belong to, if they are right at `now` (one step of clock
 * drift either way). The caller compares it with the last step used, so a code works once only.
 */
export async function matchAuthenticatorCode(secret: string, code: string, now: Date): Promise<number | null> {
  // otplib throws on anything but six digits.
  if (!TOTP_FORMAT.test(code)) return null;
  const result = await verify({ secret, token: code, epoch: Math.floor(now.getTime() / 1000), epochTolerance: PERIOD_SECONDS });
  // The functional verify() types TOTP and HOTP results together; only TOTP's carries the step.
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

/** Ten codes like "k7mwp-x3c9d", shown once; only their HMACs are kept. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Keyed, so a copy of the table alone cannot be searched for the 50-bit codes offline. */
export function hashRecoveryCode(code: string, key = derivedKey("recoveryCode")): string {
  return createHmac("sha256", key).update(normaliseCode(code)).digest("hex");
}
