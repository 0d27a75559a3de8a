import "server-only";
import { derivedKey } from "@/lib/security/derived-keys";

/**
 * The server key for portal cookies or access codes: SHARE_COOKIE_SECRET / SHARE_CODE_SECRET
 * when set, otherwise a key derived from AUTH_SECRET with HKDF under its own label
 * (lib/security/derived-keys.ts) — never the JWT secret itself.
 */
export function portalKey(purpose: "cookie" | "code"): string | Buffer {
  const specific = purpose === "cookie" ? process.env.SHARE_COOKIE_SECRET : process.env.SHARE_CODE_SECRET;
  if (specific) return specific;
  return derivedKey(purpose === "cookie" ? "shareCookie" : "shareCode");
}
