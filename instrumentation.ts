// Runs once when the Node server starts (Next.js instrumentation hook).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // With TRUSTED_PROXY_HOPS=0 the client IP is the socket address, which only the Node server knows.
    const { stampSocketAddresses, trustedProxyHops } = await import("./lib/request/proxy-trust");
    trustedProxyHops(); // a bad TRUSTED_PROXY_HOPS fails here, at startup
    stampSocketAddresses();
  }
}
