import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { peekRateLimit, tooManyRequests } from "@/lib/rate-limit";
import { clientInfoFromHeaders } from "@/lib/request/client-info";

export const GET = handlers.GET;

// A direct POST to the credentials callback is a public endpoint too: an IP already over its
// sign-in limit gets 429 with Retry-After before Auth.js runs (authorize() counts every attempt).
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    const limit = await peekRateLimit("signInIp", clientInfoFromHeaders(request.headers).ip ?? "unknown");
    if (!limit.success) return tooManyRequests(limit);
  }
  return handlers.POST(request);
}
