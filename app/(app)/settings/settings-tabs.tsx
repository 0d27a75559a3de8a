"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const TABS = [
  { href: "/settings/members", label: "Members" },
  { href: "/settings/teams", label: "Teams" },
  { href: "/settings/roles", label: "Roles" },
  { href: "/settings/sharing", label: "Sharing" },
  { href: "/settings/security", label: "Security" },
  { href: "/settings/messages", label: "Messages" },
  { href: "/settings/audit-log/emergency", label: "Emergency access" },
];

export function SettingsTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings sections" className="flex gap-1 border-b border-slate-200">
      {TABS.map((tab) => {
        const active = pathname === tab.href || pathname.startsWith(tab.href + "/");
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-teal-600",
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
