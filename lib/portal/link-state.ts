/**
 * Pure rules for a share link's life, with the clock passed in (`now`) so tests can stand at
 * 23:59:59 and 24:00:01 exactly. Guards: an unopened link dies 24 hours after it was sent; an
 * opened one lives until revoked (or the organisation's maximum lifetime for opened links).
 */
export const UNOPENED_LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;
export const UNOPENED_LINK_LIFETIME_HOURS = 24;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface ShareLinkFacts {
  sentAt: Date;
  firstOpenedAt: Date | null;
  downloadedAt: Date | null;
  revokedAt: Date | null;
  lockedAt: Date | null;
}

/** Whether the portal may let the contact through (before any code check). */
export type LinkStatus = "active" | "expired" | "revoked" | "locked";

export function linkStatus(share: ShareLinkFacts, now: Date, policy: { openedLinkMaxDays: number | null } = { openedLinkMaxDays: null }): LinkStatus {
  if (share.revokedAt) return "revoked";
  if (share.lockedAt) return "locked";
  const t = now.getTime();
  if (!share.firstOpenedAt) return t - share.sentAt.getTime() >= UNOPENED_LINK_LIFETIME_MS ? "expired" : "active";
  if (policy.openedLinkMaxDays != null && t - share.firstOpenedAt.getTime() >= policy.openedLinkMaxDays * DAY_MS) return "expired";
  return "active";
}

/** What the sender sees for a share, most telling state first. */
export type ShareDisplayState = "sent" | "opened" | "downloaded" | "expired" | "locked" | "revoked";

export function shareDisplayState(share: ShareLinkFacts, now: Date, policy: { openedLinkMaxDays: number | null } = { openedLinkMaxDays: null }): ShareDisplayState {
  const status = linkStatus(share, now, policy);
  if (status !== "active") return status;
  if (share.downloadedAt) return "downloaded";
  if (share.firstOpenedAt) return "opened";
  return "sent";
}

/** When an unopened link stops working. */
export function unopenedLinkExpiresAt(share: Pick<ShareLinkFacts, "sentAt">): Date {
  return new Date(share.sentAt.getTime() + UNOPENED_LINK_LIFETIME_MS);
}
