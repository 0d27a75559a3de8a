import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, FILE_CSP, isFileRoute, newNonce } from "@/lib/security/csp";
import { OUTAGE_HTML } from "@/lib/health/outage-page";
import type { OutageMark } from "@/lib/health/database-outage";
import { refuseOversizedBody } from "@/lib/request/body-limit";
import { hasMalformedId } from "@/lib/request/malformed-id";
import { rememberDevOrigin } from "@/lib/urls";
import { GONE_LINK_HEADER, isGoneLinkPage } from "@/lib/portal/gone-link";
import { ROUTER_PREFETCH_HEADER } from "@/lib/request/router-prefetch-header";

/**
 * Passes the requested path on, so a guard that sends a signed-out person to sign-in can bring
 * them back afterwards (convenience only: every page, action and route checks access itself),
 * and sets each page's Content-Security-Policy with a fresh nonce (lib/security/csp.ts). The
 * policy goes on the request too: Next reads the nonce from it and stamps its own scripts.
 * Oversized bodies get 413 before anything reads them. While the database is known to be down
 * (lib/health/database-outage.ts), page loads get the calm 503 page at once; server actions still
 * run and answer `{ error: "unavailable" }`, so forms keep their input. An expired or locked
 * sharing link answers 410 (lib/portal/gone-link.ts).
 */
export async function proxy(request: NextRequest) {
  const tooLarge = refuseOversizedBody(request);
  if (tooLarge) return tooLarge;
  const outage = (globalThis as unknown as { __carebridgeOutage?: OutageMark }).__carebridgeOutage;
  const pageLoad = (request.method === "GET" || request.method === "HEAD") && !request.headers.has("next-action");
  if (outage && pageLoad && (await outage.stillDown())) {
    return new NextResponse(request.method === "HEAD" ? null : OUTAGE_HTML, {
      status: 503,
      headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": "60", "Cache-Control": "no-store" },
    });
  }
  const { pathname, search } = request.nextUrl;
  rememberDevOrigin(request.nextUrl.origin);
  const csp = isFileRoute(pathname)
    ? FILE_CSP
    : contentSecurityPolicy({
        nonce: newNonce(),
        dev: process.env.NODE_ENV === "development",
        https: (process.env.APP_URL ?? "").startsWith("https://"),
        inlineStyles: pathname === "/dev/outbox",
      });
  const headers = new Headers(request.headers);
  headers.set("x-carebridge-path", pathname + search);
  // Next removes its prefetch header before pages see the request: pass the fact on (lib/request/router-prefetch.ts).
  if (request.headers.get("next-router-prefetch") === "1") headers.set(ROUTER_PREFETCH_HEADER, "1");
  else headers.delete(ROUTER_PREFETCH_HEADER);
  headers.set("Content-Security-Policy", csp);
  // A path that names a record by something that cannot be an id matches no route: Next renders
  // the not-found page with status 404.
  // An expired or locked sharing link: 410 Gone, with the page's calm message (lib/portal/gone-link.ts).
  const gone = await isGoneLinkPage(pathname, request.method);
  if (gone) headers.set(GONE_LINK_HEADER, "1");
  else headers.delete(GONE_LINK_HEADER); // only the proxy says so
  const response = hasMalformedId(pathname)
    ? NextResponse.rewrite(new URL("/_malformed-id", request.url), { request: { headers } })
    : NextResponse.next({ request: { headers }, ...(gone ? { status: 410 } : {}) });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/).*)"],
};
