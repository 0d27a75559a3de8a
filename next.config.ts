import type { NextConfig } from "next";

// PHI must never be cached by browsers or shared proxies; pages opt in to nothing.
const noStore = [{ key: "Cache-Control", value: "private, no-store" }];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pdfkit", "pg"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
          { key: "Referrer-Policy", value: "no-referrer" },
        ],
      },
      { source: "/((?!_next/static|_next/image|favicon.ico).*)", headers: noStore },
    ];
  },
};

export default nextConfig;
