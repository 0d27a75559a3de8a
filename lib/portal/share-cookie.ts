import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { portalKey } from "./secrets";

/**
 * The portal cookie that stands in for the emailed token once the contact is through. It names
 * one share and its link version and is HMAC-signed with a server key: resend and revoke bump
 * link_version, so a cookie issued for an earlier link stops working at once. Valid for a day.
 */
/**
 * One cookie per share, sent on every /share path: the emailed link (/share/<token>) sees it too,
 * so opening the link again in a browser that is already through goes straight to the document.
 */
export function shareCookieName(shareId: string): string {
  return `cb_share_${shareId}`;
}
export const SHARE_COOKIE_MAX_AGE_SECONDS = 24 * 60 * 60;

export function sharePath(shareId: string): string {
  return `/share/s/${shareId}`;
}

function sign(payload: string, key: string | Buffer): string {
  return createHmac("sha256", key).update(`share-cookie:v1:${payload}`).digest("base64url");
}

export function makeShareCookie(shareId: string, linkVersion: number, now: Date, key = portalKey("cookie")): string {
  const expires = now.getTime() + SHARE_COOKIE_MAX_AGE_SECONDS * 1000;
  const payload = `${shareId}.${linkVersion}.${expires}`;
  return `${payload}.${sign(payload, key)}`;
}

/** The share and link version the cookie vouches for, or null if it is forged, for another share or stale. */
export function readShareCookie(value: string | undefined, shareId: string, now: Date, key = portalKey("cookie")): { linkVersion: number } | null {
  if (!value) return null;
  const parts = value.split(".");
  if (parts.length !== 4) return null;
  const [id, version, expires, mac] = parts as [string, string, string, string];
  const expected = Buffer.from(sign(`${id}.${version}.${expires}`, key));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (id !== shareId) return null;
  if (!/^\d+$/.test(version) || !/^\d+$/.test(expires) || Number(expires) <= now.getTime()) return null;
  return { linkVersion: Number(version) };
}

export function shareCookieOptions() {
  return {
    httpOnly: true,
    secure: process.env.NODE_ENV === "production" && !process.env.APP_URL?.startsWith("http://"),
    sameSite: "lax" as const,
    path: "/share",
    maxAge: SHARE_COOKIE_MAX_AGE_SECONDS,
  };
}
