import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Carebridge", template: "%s · Carebridge" },
  description: "Share clinical work safely: sessions, client charts and documents.",
  robots: { index: false, follow: false },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
