import type { Instrumentation } from "next";
import { missingProductionConfig } from "@/lib/security/startup-check";

// Runs once when a server starts (Next.js instrumentation hook).
export async function register() {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // A production server without its root secret must not start: Auth.js would refuse every
  // sign-in, and the sharing portal has no key to sign or derive with.
  const problem = missingProductionConfig(process.env);
  if (problem) {
    console.error(problem);
    if (process.env.NEXT_RUNTIME === "nodejs") process.exit(1);
    throw new Error(problem);
  }
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // With TRUSTED_PROXY_HOPS=0 the client IP is the socket address, which only the Node server knows.
    const { stampSocketAddresses, trustedProxyHops } = await import("./lib/request/proxy-trust");
    trustedProxyHops(); // a bad TRUSTED_PROXY_HOPS fails here, at startup
    stampSocketAddresses();
    // Expired and locked sharing links answer 410: the proxy asks the database through this (lib/portal/gone-link.ts).
    const { registerGoneLinkCheck } = await import("./lib/portal/gone-link");
    registerGoneLinkCheck(async (token) => {
      const { getLanding } = await import("./lib/portal/landing");
      const { state } = await getLanding(token);
      return state === "expired" || state === "locked";
    });
  }
}

// A request that failed because the database is unreachable marks the outage, so the next pages
// get the calm 503 page at once (proxy.ts) rather than each waiting for the timeouts.
export const onRequestError: Instrumentation.onRequestError = async (error) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { noteDatabaseError } = await import("@/lib/health/database-outage");
  noteDatabaseError(error);
};
