import "server-only";
import { headers } from "next/headers";

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

export function clientInfoFromHeaders(h: Headers): ClientInfo {
  // The first X-Forwarded-For hop is the client as seen by our proxy (Vercel sets it).
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return { ip: forwarded || h.get("x-real-ip") || null, userAgent: h.get("user-agent")?.slice(0, 300) ?? null };
}
