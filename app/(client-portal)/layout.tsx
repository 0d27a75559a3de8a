import type { Metadata } from "next";

export const metadata: Metadata = { title: { default: "Client portal", template: "%s · Client portal · Carebridge" }, robots: { index: false, follow: false } };

export default function ClientPortalLayout({ children }: { children: React.ReactNode }) {
  return <div className="min-h-screen bg-slate-50">{children}</div>;
}
