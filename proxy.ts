import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, FILE_CSP, isFileRoute, newNonce } from "@/lib/security/csp";

/**
 * Passes the requested path on, so a guard that sends a signed-out person to sign-in can bring
 * them back afterwards (convenience only: every page, action and route checks access itself),
 * and sets each page's Content-Security-Policy with a fresh nonce (lib/security/csp.ts). The
 * policy goes on the request too: Next reads the nonce from it and stamps its own scripts.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
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
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/).*)"],
};
