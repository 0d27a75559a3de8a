/**
 * How an external share is protected. The organisation picks one (Settings → Sharing); each share
 * keeps the level it was sent with. "link_and_email_code" is also the per-share fallback when the
 * clinic asks for a texted code and the contact has no mobile on file (the sender chooses it).
 */
export const SECURITY_LEVELS = ["link", "link_and_sms", "link_and_email_code"] as const;
export type SecurityLevel = (typeof SECURITY_LEVELS)[number];

/** Where a code goes, for the levels that ask for one. */
export type CodeChannel = "sms" | "email";

export function codeChannel(level: SecurityLevel): CodeChannel | null {
  return level === "link_and_sms" ? "sms" : level === "link_and_email_code" ? "email" : null;
}

/** Short label for share rows: "link only", "link + code by text", "link + code by email". */
export const SECURITY_LEVEL_SHORT: Record<SecurityLevel, string> = {
  link: "link only",
  link_and_sms: "link + code by text",
  link_and_email_code: "link + code by email",
};
