import { NextResponse, type NextRequest } from "next/server";
import { OUTAGE_HTML } from "@/lib/health/outage-page";
import type { OutageMark } from "@/lib/health/database-outage";

/**
 * Convenience only: passes the requested path on, so a guard that sends a signed-out person
 * to sign-in can bring them back afterwards. Every page, action and route checks access itself.
 * While the database is known to be down (lib/health/database-outage.ts), page loads get the calm
 * 503 page at once; server actions still run and answer `{ error: "unavailable" }`, so forms keep their input.
 */
export async function proxy(request: NextRequest) {
  const outage = (globalThis as unknown as { __carebridgeOutage?: OutageMark }).__carebridgeOutage;
  const pageLoad = (request.method === "GET" || request.method === "HEAD") && !request.headers.has("next-action");
  if (outage && pageLoad && (await outage.stillDown())) {
    return new NextResponse(request.method === "HEAD" ? null : OUTAGE_HTML, {
      status: 503,
      headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": "60", "Cache-Control": "no-store" },
    });
  }
  const headers = new Headers(request.headers);
  headers.set("x-carebridge-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/).*)"],
};
