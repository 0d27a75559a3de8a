import "server-only";

// Used only outside production when no key is configured, so local runs and tests work.
const DEV_ONLY_KEY = "carebridge-development-only-sharing-key-do-not-use-in-production";

/**
 * The server key for portal cookies (SHARE_COOKIE_SECRET) or access codes (SHARE_CODE_SECRET),
 * falling back to AUTH_SECRET. In production a missing key is a configuration error: a known
 * constant would let anyone forge a portal cookie or compute a code.
 */
export function portalKey(purpose: "cookie" | "code"): string {
  const specific = purpose === "cookie" ? process.env.SHARE_COOKIE_SECRET : process.env.SHARE_CODE_SECRET;
  const key = specific || process.env.AUTH_SECRET;
  if (key) return key;
  if (process.env.NODE_ENV === "production") throw new Error(`Set ${purpose === "cookie" ? "SHARE_COOKIE_SECRET" : "SHARE_CODE_SECRET"} or AUTH_SECRET`);
  return DEV_ONLY_KEY;
}
