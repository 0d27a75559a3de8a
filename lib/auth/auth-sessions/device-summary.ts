/** The browser family in a user agent, or null. `strictSafari`: only a UA that also carries "Version/" reads as Safari. */
export function browserOf(ua: string, opts: { strictSafari?: boolean } = {}): string | null {
  if (/Edg(e|A|iOS)?\//.test(ua)) return "Edge";
  if (/OPR\/|Opera/.test(ua)) return "Opera";
  if (/Firefox\/|FxiOS\//.test(ua)) return "Firefox";
  if (/Chrome\/|CriOS\/|Chromium\//.test(ua)) return "Chrome";
  if (/Safari\//.test(ua) && (!opts.strictSafari || /Version\//.test(ua))) return "Safari";
  return null;
}

/** The operating system in a user agent, or null. */
export function osOf(ua: string): string | null {
  if (/iPhone|iPad|iPod/.test(ua)) return "iOS";
  if (/Android/.test(ua)) return "Android";
  if (/Windows/.test(ua)) return "Windows";
  if (/Mac OS X|Macintosh/.test(ua)) return "macOS";
  if (/CrOS/.test(ua)) return "ChromeOS";
  if (/Linux/.test(ua)) return "Linux";
  return null;
}

/**
 * "Chrome on macOS" from a user agent, for the device list. Only the summary is kept on the
 * auth-session row: the full string adds nothing a person can recognise and fingerprints them.
 */
export function summariseUserAgent(userAgent: string | null | undefined): string {
  if (!userAgent) return "Unknown browser";
  const browser = browserOf(userAgent);
  const os = osOf(userAgent);
  if (browser && os) return `${browser} on ${os}`;
  return browser ?? (os ? `A browser on ${os}` : "Unknown browser");
}
