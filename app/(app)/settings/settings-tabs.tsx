"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { cn } from "@/components/ui/cn";

const TABS = [
  { href: "/settings/members", label: "Members", needs: "admin" },
  { href: "/settings/teams", label: "Teams", needs: "admin" },
  { href: "/settings/roles", label: "Roles", needs: "admin" },
  { href: "/settings/sharing", label: "Sharing", needs: "admin" },
  { href: "/settings/security", label: "Security", needs: "admin" },
  { href: "/settings/messages", label: "Messages", needs: "admin" },
  { href: "/settings/audit-log", label: "Audit log", needs: "auditLog" },
  { href: "/settings/audit-log/emergency", label: "Emergency access", needs: "admin" },
] as const;

/** The tabs the person's role opens (each page checks its own permission again on the server). */
export function SettingsTabs(allowed: { admin: boolean; auditLog: boolean }) {
  const pathname = usePathname();
  // The longest tab the path is under: Emergency access lives under Audit log's path.
  const current = TABS.filter((t) => pathname === t.href || pathname.startsWith(t.href + "/")).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  const nav = useRef<HTMLElement>(null);
  // When the tab changes, the strip (never the page) scrolls the current tab into view.
  useEffect(() => {
    const strip = nav.current;
    const link = strip?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!strip || !link) return;
    if (link.offsetLeft < strip.scrollLeft || link.offsetLeft + link.offsetWidth > strip.scrollLeft + strip.clientWidth) {
      strip.scrollLeft = link.offsetLeft - (strip.clientWidth - link.offsetWidth) / 2;
    }
  }, [current]);
  return (
    // On a phone the tabs scroll sideways inside the strip (the line under them is a shadow, which the
    // scrolling does not clip), never the page.
    <nav ref={nav} aria-label="Settings sections" className="relative flex gap-1 overflow-x-auto shadow-[inset_0_-1px_0_var(--color-slate-200)]">
      {TABS.filter((tab) => allowed[tab.needs]).map((tab) => {
        const active = tab.href === current;
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "shrink-0 border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:outline-none focus-visible:ring-inset",
              active ? "border-teal-700 text-teal-800" : "border-transparent text-slate-600 hover:text-slate-900",
            )}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
