import type { Metadata } from "next";

// The public sharing portal: never indexed, never cached (next.config.ts also sends X-Robots-Tag and no-store).
export const metadata: Metadata = {
  title: { default: "Shared document", template: "%s · Carebridge sharing portal" },
  robots: { index: false, follow: false, nocache: true },
  referrer: "no-referrer",
};

export const dynamic = "force-dynamic";

export default function PortalLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-50">
      <header data-print="hide" className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-4xl items-center gap-2 px-4 py-3 text-sm text-slate-600">
          <span className="font-semibold text-teal-800">Carebridge</span>
          <span aria-hidden="true">·</span>
          <span>Secure sharing portal</span>
        </div>
      </header>
      <main className="mx-auto max-w-4xl px-4 py-8">{children}</main>
    </div>
  );
}
