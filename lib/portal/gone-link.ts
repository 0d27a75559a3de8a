/**
 * A sharing link that existed but can no longer be used (expired, or locked after wrong codes)
 * answers HTTP 410 Gone; unknown and revoked links answer 404 (the page's notFound()), since the
 * page must not tell those two apart. A page can only choose 404, so the proxy asks before the
 * page renders, through a check the Node server registers on globalThis (instrumentation.ts): the
 * proxy and the pages are separate bundles of one process, and only the pages' side has the
 * database. The proxy marks the request (GONE_LINK_HEADER) so the page shows the calm message
 * instead of calling notFound(), and falls back to 404 if the check is not there.
 */

export const GONE_LINK_HEADER = "x-carebridge-link-gone";

/** Resolves true when the link's share exists but has expired or is locked. */
export type GoneLinkCheck = (token: string) => Promise<boolean>;

const holder = globalThis as unknown as { __carebridgeGoneLink?: GoneLinkCheck };

export function registerGoneLinkCheck(check: GoneLinkCheck): void {
  holder.__carebridgeGoneLink = check;
}

/** The emailed link's token from a path (`/share/<token>`), or null for any other path (`/share/s/…` included). */
export function shareLinkToken(pathname: string): string | null {
  return /^\/share\/([A-Za-z0-9_-]{20,100})\/?$/.exec(pathname)?.[1] ?? null;
}

/** For the proxy: is this page load the link page of a link that is gone? Never throws (the page decides then). */
export async function isGoneLinkPage(pathname: string, method: string): Promise<boolean> {
  const token = method === "GET" || method === "HEAD" ? shareLinkToken(pathname) : null;
  if (!token || !holder.__carebridgeGoneLink) return false;
  return holder.__carebridgeGoneLink(token).catch(() => false);
}
