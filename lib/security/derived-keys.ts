import "server-only";
import { hkdfSync } from "node:crypto";

// Used only outside production when AUTH_SECRET is unset, so `npm run dev` and tests work on a fresh clone.
export const DEV_ONLY_AUTH_SECRET = "carebridge-development-only-secret-do-not-use";

/** AUTH_SECRET; outside production a fixed development value. Production refuses to start without it (instrumentation.ts). */
export function rootSecret(): string {
  const secret = process.env.AUTH_SECRET?.trim();
  if (secret) return secret;
  if (process.env.NODE_ENV === "production") throw new Error("AUTH_SECRET is not set");
  return DEV_ONLY_AUTH_SECRET;
}

/** What each derived key is for. A label is part of the derivation: never reuse or rename one. */
const LABELS = {
  shareCookie: "carebridge/share-cookie/v1",
  shareCode: "carebridge/share-code/v1",
  twoFactorSecret: "carebridge/two-factor-secret/v1",
  recoveryCode: "carebridge/recovery-code/v1",
} as const;
export type KeyPurpose = keyof typeof LABELS;

/**
 * A 256-bit key for one purpose, derived with HKDF-SHA256 from the root secret and the purpose's
 * label. Keys for different purposes are independent of each other and of the root secret itself
 * (which Auth.js uses for its JWTs), so one leaking reveals nothing about the others.
 */
export function derivedKey(purpose: KeyPurpose, root = rootSecret()): Buffer {
  return Buffer.from(hkdfSync("sha256", root, "", LABELS[purpose], 32));
}
