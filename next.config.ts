import type { NextConfig } from "next";
import { MAX_REQUEST_MB } from "./lib/request/body-limit";

// PHI must never be cached by browsers or shared proxies; pages opt in to nothing.
const noStore = [{ key: "Cache-Control", value: "private, no-store" }];

// Sent with every response. Pages also get a per-request Content-Security-Policy from proxy.ts
// (lib/security/csp.ts); HSTS only in production, so a laptop's http://localhost keeps working.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // gzip in the Node server, unless a proxy in front does it (HTTP_COMPRESSION=off). The browser
  // tests turn it off: each test's fresh browser fetches every script again, and gzipping them
  // cost the 2-core test machine more CPU than rendering the pages.
  compress: process.env.HTTP_COMPRESSION !== "off",
  // A separate build folder lets a second test run build beside the first (see playwright.config.ts).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // `npm test` type-checks the whole project as its own first step (tsc --noEmit); the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Uploaded PDFs may be up to 10 MB (lib/documents checks the exact limit); the default is 1 MB.
  // The proxy (proxy.ts) answers a larger declared body with 413 and a page saying the limit
  // (lib/request/body-limit.ts); it buffers bodies up to 10 MB by default: allow a little more.
  experimental: { serverActions: { bodySizeLimit: `${MAX_REQUEST_MB}mb` }, proxyClientMaxBodySize: `${MAX_REQUEST_MB + 1}mb` },
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pdfkit", "pg"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: securityHeaders,
      },
      // API routes answer JSON or redirects, never a page to render: allow nothing (the proxy skips /api).
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
      { source: "/((?!_next/static|_next/image|favicon.ico).*)", headers: noStore },
      // The public sharing portal is never indexed (its pages also say so in their metadata).
      { source: "/share/:path*", headers: [{ key: "X-Robots-Tag", value: "noindex, nofollow" }] },
    ];
  },
};

export default nextConfig;
