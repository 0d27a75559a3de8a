import { NextResponse, type NextRequest } from "next/server";
import { refuseOversizedBody } from "@/lib/request/body-limit";
import { hasMalformedId } from "@/lib/request/malformed-id";

/**
 * Convenience only: passes the requested path on, so a guard that sends a signed-out person
 * to sign-in can bring them back afterwards. Every page, action and route checks access itself.
 */
export function proxy(request: NextRequest) {
  const tooLarge = refuseOversizedBody(request);
  if (tooLarge) return tooLarge;
  // A path that matches no route: Next renders the not-found page with status 404.
  if (hasMalformedId(request.nextUrl.pathname)) return NextResponse.rewrite(new URL("/_malformed-id", request.url));
  const headers = new Headers(request.headers);
  headers.set("x-carebridge-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/).*)"],
};
