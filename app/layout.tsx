import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Carebridge", template: "%s · Carebridge" },
  description: "Share clinical work safely: sessions, client charts and documents.",
  robots: { index: false, follow: false },
};

// Every page is rendered per request: its scripts carry that request's CSP nonce (proxy.ts),
// which a page prerendered at build time could not.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en-GB">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
