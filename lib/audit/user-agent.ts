import { browserOf, osOf } from "@/lib/auth/auth-sessions/device-summary";

/**
 * A user agent in a few words ("Chrome on macOS"), for the audit log. The raw string stays in the
 * event and the CSV export; this is only how it reads on screen. Same reading as the device list,
 * plus command-line clients, with its own words when nothing is recognised.
 */
export function summariseUserAgent(ua: string | null | undefined): string {
  if (!ua) return "Unknown device";
  const browser = browserOf(ua, { strictSafari: true }) ?? (/curl\//i.test(ua) ? "curl" : null);
  const os = osOf(ua);
  if (browser && os) return `${browser} on ${os}`;
  return browser ?? os ?? "Other device";
}
