import "server-only";
import { isIP } from "node:net";
import { headers } from "next/headers";
import { SOCKET_ADDRESS_HEADER, trustedProxyHops } from "./proxy-trust";

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** The caller's IP and user agent, or nulls outside a request (scripts, tests). */
export async function getClientInfo(): Promise<ClientInfo> {
  try {
    const h = await headers();
    return clientInfoFromHeaders(h);
  } catch {
    return { ip: null, userAgent: null };
  }
}

export function clientInfoFromHeaders(h: Headers, hops: number = trustedProxyHops()): ClientInfo {
  return { ip: clientIp(h, hops), userAgent: h.get("user-agent")?.slice(0, 300) ?? null };
}

/**
 * The client's IP for per-IP limits and audit events. With 0 hops it is the socket's peer, and any
 * X-Forwarded-For is ignored: a client writes what it likes there. With n hops, each of our proxies
 * appended the address it saw to X-Forwarded-For, so the n-th value from the right is the one the
 * outermost trusted proxy saw; anything left of it was written by the client. Null when unknown.
 */
export function clientIp(h: Headers, hops: number): string | null {
  if (hops === 0) return normaliseIp(h.get(SOCKET_ADDRESS_HEADER));
  const chain = (h.get("x-forwarded-for") ?? "")
    .split(",")
    .map((value) => value.trim())
    .filter(Boolean);
  // Fewer values than proxies: a hop was bypassed or misconfigured; the left-most is the furthest we can see.
  return normaliseIp(chain[Math.max(0, chain.length - hops)] ?? h.get(SOCKET_ADDRESS_HEADER));
}

function normaliseIp(value: string | null | undefined): string | null {
  if (!value) return null;
  const ip = value.startsWith("::ffff:") && isIP(value.slice(7)) === 4 ? value.slice(7) : value;
  return isIP(ip) ? ip : null;
}
